import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, databasePath, migrationsFolder } from '@/db';

/**
 * The test database as a previous release left it: a fresh file migrated with only the migrations up
 * to and including `last` (e.g. 6 for 0000–0006), so a test can write old-style rows before the app's
 * getDb() applies the rest. Returns the open connection (close it before getDb()) and a cleanup.
 */
export function databaseAtMigration(last: number): { sqlite: Database.Database; cleanup: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `jkp-migrations-${String(last).padStart(4, '0')}-`));
  fs.mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((entry: { tag: string }) => Number(entry.tag.slice(0, 4)) <= last);
  if (journal.entries.length !== last + 1)
    throw new Error(`expected migrations 0000–${last} in the journal, found ${journal.entries.length}`);
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries)
    fs.copyFileSync(path.join(migrationsFolder(), `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));

  closeDb();
  const file = databasePath();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const sqlite = new Database(file);
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  return { sqlite, cleanup: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
