import { createHash } from 'node:crypto';
import { getSqlite } from '@/db';

// A fingerprint of the whole database, to prove that a refused or malformed request wrote nothing.
//
// Left out, because they change on reads and refusals by design and record nothing a user decided:
// - `sessions`: every authenticated request may slide the session's idle expiry (last_seen_at).
// - `login_failures`: a failed sign-in is recorded for throttling; that is the point of it.
// - `sqlite_sequence`: SQLite's autoincrement counters (bumped by the login_failures inserts);
//   the rows they number are all checked.
// - `__drizzle_migrations`: the migration journal, written only when the database opens.
// - column `api_tokens.last_used_at`: a bearer token's use is stamped on every authenticated call.
export const CHECKSUM_EXCLUDED_TABLES = [
  'sessions',
  'login_failures',
  'sqlite_sequence',
  '__drizzle_migrations',
] as const;
export const CHECKSUM_EXCLUDED_COLUMNS: Record<string, readonly string[]> = { api_tokens: ['last_used_at'] };

function tables(): string[] {
  const rows = getSqlite()
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_stat%' order by name")
    .all() as { name: string }[];
  return rows.map((r) => r.name).filter((name) => !(CHECKSUM_EXCLUDED_TABLES as readonly string[]).includes(name));
}

/** Table name → SHA-256 of its rows (in rowid order, bookkeeping columns left out). */
export function dbChecksum(): Record<string, string> {
  const sqlite = getSqlite();
  const out: Record<string, string> = {};
  for (const table of tables()) {
    const excluded = CHECKSUM_EXCLUDED_COLUMNS[table] ?? [];
    const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !excluded.includes(c));
    const hash = createHash('sha256');
    const statement = sqlite
      .prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" order by rowid`)
      .raw();
    for (const row of statement.iterate())
      hash.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
    out[table] = hash.digest('hex');
  }
  return out;
}

/** The tables whose rows differ between two checksums. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
