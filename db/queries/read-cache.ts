import 'server-only';
import { getSqlite } from '../index';

/**
 * Aggregates for the same inputs are reused until the platform's data changes. The stamp is
 * `data_changes.seq`, moved by triggers in the same transaction as every write to the data
 * (migration 0009), whichever process or script wrote it. So a cached answer is never stale in any
 * server process, and sessions, notifications and the audit log, which no aggregate reads, do not
 * throw it away. Callers compute per-user and per-day fields after the cache, on every request.
 * On globalThis because Next bundles pages and route handlers separately: they share one cache.
 */
const holder = globalThis as unknown as { __jkpReadCache?: Map<string, unknown> };
const entries = (holder.__jkpReadCache ??= new Map<string, unknown>());
const LIMIT = 64;

/** The data's change counter: moves with every committed write to the platform's tables. */
const statements = new WeakMap<object, { get(): unknown }>();
export function changeStamp(): number {
  const sqlite = getSqlite();
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare('select seq from data_changes where id = 1').pluck();
    statements.set(sqlite, statement);
  }
  return statement.get() as number;
}

export function cached<T>(key: string, load: () => T): T {
  const fullKey = `${changeStamp()}|${key}`;
  if (entries.has(fullKey)) return entries.get(fullKey) as T;
  const value = load();
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value!);
  entries.set(fullKey, value);
  return value;
}
