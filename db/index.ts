import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { busyTimeoutMs, isBusyError } from './busy';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema>;
/** The handle inside `db.transaction(...)`; domain functions take either. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type Executor = DB | Tx;

interface Handle {
  path: string;
  sqlite: Database.Database;
  db: DB;
}

const globalForDb = globalThis as unknown as { __jilinDb?: Handle };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? './data/app.db');
}

/** Directory for files that live beside the database, such as report photos. */
export function dataDirectory(): string {
  return path.dirname(databasePath());
}

export function migrationsFolder(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'db/migrations'),
  );
}

export function openDatabase(file: string): Handle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  optimizeDatabase(sqlite);
  return { path: file, sqlite, db };
}

/**
 * Refreshes the query planner's statistics where they are missing or stale (SQLite's advice for
 * long-lived connections: `optimize=0x10002` at open, plain `optimize` now and then). Without
 * statistics SQLite read a 100,000-project pool's open tasks through the state index for every
 * chunk of light facts (258 ms a chunk instead of 1 ms). About 100 ms on such a database the first
 * time, 1 ms once its statistics are current. Never fails the caller: a busy database skips it.
 */
export function optimizeDatabase(sqlite: Database.Database = handle().sqlite, atOpen = true): void {
  try {
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma(atOpen ? 'optimize = 0x10002' : 'optimize');
  } catch (error) {
    if (!isBusyError(error)) throw error;
  }
}

/** The one database handle, opened and migrated on first use and cached on globalThis. */
function handle(): Handle {
  const file = databasePath();
  const cached = globalForDb.__jilinDb;
  if (cached && cached.path === file) return cached;
  if (cached) cached.sqlite.close();
  const opened = openDatabase(file);
  globalForDb.__jilinDb = opened;
  return opened;
}

export function getDb(): DB {
  return handle().db;
}

export function getSqlite(): Database.Database {
  return handle().sqlite;
}

/** Opens (and migrates) the database if need be and runs a trivial query: the health check. */
export function pingDatabase(): void {
  getSqlite().prepare('select 1').get();
}

/** Closes the cached handle (tests and scripts that swap database files). */
export function closeDb(): void {
  globalForDb.__jilinDb?.sqlite.close();
  globalForDb.__jilinDb = undefined;
}

export { schema };
