// npm run db:backup -- --out FILE
// A consistent copy of the live database through SQLite's online backup API: safe while the app
// serves and writes, because the backup restarts pages that change under it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string' }, db: { type: 'string' } } });
const source = path.resolve(values.db ?? process.env.DATABASE_PATH ?? './data/app.db');
const out = path.resolve(values.out ?? `./data/backups/app-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);

if (!fs.existsSync(source)) {
  console.error(`数据库不存在：${source}`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
db.backup(out, {
  progress({ totalPages, remainingPages }) {
    process.stdout.write(`\r备份中 ${totalPages - remainingPages}/${totalPages} 页`);
    return 200;
  },
})
  .then(() => {
    db.close();
    const check = new Database(out, { readonly: true });
    const integrity = check.pragma('integrity_check', { simple: true });
    check.close();
    if (integrity !== 'ok') throw new Error(`备份文件完整性检查失败：${integrity}`);
    console.log(
      `\n已备份到 ${out}（${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB，${Date.now() - started} ms，完整性检查通过）`,
    );
  })
  .catch((error) => {
    console.error(`\n备份失败：${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
