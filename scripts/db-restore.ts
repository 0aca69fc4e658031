// npm run db:restore -- FILE
// Restores a backup over DATABASE_PATH with SQLite's backup API (the live file is rewritten page by
// page, so its WAL stays consistent). Stop the app first; then start it: pending migrations apply.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!file || !fs.existsSync(file)) {
  console.error('用法：npm run db:restore -- <备份文件>');
  process.exit(1);
}
const target = path.resolve(process.env.DATABASE_PATH ?? './data/app.db');
const backup = new Database(path.resolve(file), { readonly: true, fileMustExist: true });
const integrity = backup.pragma('integrity_check', { simple: true });
if (integrity !== 'ok') {
  console.error(`备份文件已损坏，未做任何恢复：${integrity}`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
backup
  .backup(target)
  .then(() => {
    backup.close();
    const restored = new Database(target);
    restored.pragma('journal_mode = WAL');
    const check = restored.pragma('integrity_check', { simple: true });
    restored.close();
    console.log(`已从 ${file} 恢复到 ${target}（完整性检查：${check}）`);
  })
  .catch((error) => {
    console.error(`恢复失败：${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
