import 'server-only';
import { optimizeDatabase } from '@/db';
import { warmAlertIndex } from './alerts';

// Builds the city-wide alert index off the request path: just after the server starts, and again
// just after each midnight (Beijing time), when time alone turns lights and days late. /alerts then
// finds it ready; the navigation badge never needs it.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Milliseconds from `now` until the next 00:01 in Beijing (a full day when it is 00:01 now). */
export function msUntilAfterMidnight(now: number): number {
  const day = 24 * 60 * 60 * 1000;
  const sinceLast = (((now + BEIJING_OFFSET_MS - 60_000) % day) + day) % day;
  return day - sinceLast;
}

function warm(reason: 'startup' | 'midnight') {
  try {
    // Once a day the planner's statistics are brought up to date as well (SQLite's advice).
    if (reason === 'midnight') optimizeDatabase(undefined, false);
    const ms = warmAlertIndex(reason);
    if (process.env.JKP_BENCH === '1') console.log(`[alerts] 预警索引已建立（${reason}，${Math.round(ms)} ms）`);
  } catch (error) {
    // An import holding the write lock, say: the next use brings it up to date instead.
    console.error('[alerts] 预警索引未能预先建立', error);
  }
}

export function scheduleAlertIndex(): void {
  const holder = globalThis as unknown as { __jkpAlertWarmup?: boolean };
  if (holder.__jkpAlertWarmup) return;
  holder.__jkpAlertWarmup = true;
  setTimeout(() => warm('startup'), 0).unref();
  const next = () =>
    setTimeout(() => {
      warm('midnight');
      next();
    }, msUntilAfterMidnight(Date.now())).unref();
  next();
}
