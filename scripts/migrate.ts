import { closeDb, databasePath, getDb } from '../db';

// Opening the database applies any pending migrations.
getDb();
closeDb();
console.log(`数据库已迁移到最新版本：${databasePath()}`);
