import 'server-only';
import { getSqlite } from '../index';

/**
 * Aggregates for the same inputs are reused until the database changes. The stamp is SQLite's own
 * change counters: `data_version` moves when another connection commits and `total_changes()`
 * when this one writes, so a cached answer is never stale. Callers compute per-user and per-day
 * fields after the cache, on every request.
 */
const entries = new Map<string, unknown>();
const LIMIT = 64;

function changeStamp(): string {
  const sqlite = getSqlite();
  return `${sqlite.pragma('data_version', { simple: true })}:${sqlite.prepare('select total_changes()').pluck().get()}`;
}

export function cached<T>(key: string, load: () => T): T {
  const fullKey = `${changeStamp()}|${key}`;
  if (entries.has(fullKey)) return entries.get(fullKey) as T;
  const value = load();
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value!);
  entries.set(fullKey, value);
  return value;
}
