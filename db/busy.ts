// SQLite lets one writer at a time. While a long write (an Excel import committing in its own
// process) holds the lock, the web server must not sit in a synchronous busy-wait: that would
// freeze every other request. So the server's connection waits only briefly, and the request
// wrappers (apiRoute, guardedAction) retry a busy write asynchronously, then answer 系统繁忙.

/** Synchronous busy wait of the web server's connection; scripts keep the long default. */
export const SERVER_BUSY_TIMEOUT_MS = 150;
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** How long a web write keeps retrying before it gives up with 系统繁忙. */
export const BUSY_RETRY_BUDGET_MS = 20_000;

export function busyTimeoutMs(): number {
  const configured = Number(process.env.SQLITE_BUSY_TIMEOUT_MS);
  if (Number.isFinite(configured) && configured >= 0 && process.env.SQLITE_BUSY_TIMEOUT_MS !== '') return configured;
  return process.env.NEXT_RUNTIME === 'nodejs' ? SERVER_BUSY_TIMEOUT_MS : DEFAULT_BUSY_TIMEOUT_MS;
}

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT when a read transaction cannot upgrade). */
export function isBusyError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /database is locked|SQLITE_BUSY/.test(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` and, while it fails only because the database is locked, runs it again after an
 * asynchronous pause (the event loop keeps serving others meanwhile). A busy failure rolled its
 * transaction back, so running the same write again is safe.
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T> | T,
  options: { budgetMs?: number; canRetry?: () => boolean } = {},
): Promise<T> {
  const deadline = Date.now() + (options.budgetMs ?? BUSY_RETRY_BUDGET_MS);
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error) || Date.now() >= deadline || (options.canRetry && !options.canRetry())) throw error;
      await sleep(Math.min(50 * 2 ** Math.min(round, 3), 400) + Math.random() * 50);
    }
  }
}
