import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { writeAudit } from '@/db/audit';
import { findDeliveryFor, listDueDeliveries } from '@/db/queries/webhooks';
import { webhookDeliveries } from '@/db/schema';
import { canAdminister, type Actor } from '@/lib/rules/permissions';
import { AppError } from '@/lib/errors';
import { getSetting, putSetting } from './settings';

// The optional outbound webhook that receives each day's alert digest. Delivery runs in the
// digest script, never in a request handler: a slow or failing receiver cannot block the app.
// Each delivery is a row in webhook_deliveries; failures are retried with backoff, within the run
// and again on later runs, until MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 6;
const TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);

export function getDigestWebhookUrl(): string | null {
  return getSetting('digestWebhookUrl');
}

export function setDigestWebhookUrl(actor: Actor & { ip?: string | null }, url: string | null): void {
  if (!canAdminister(actor)) throw new AppError('forbidden', '只有系统管理员可以设置推送地址');
  getDb().transaction((tx) => {
    const before = getSetting('digestWebhookUrl', tx);
    putSetting(tx, 'digestWebhookUrl', url);
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'setting',
      entityId: null,
      before: { digestWebhookUrl: before },
      after: { digestWebhookUrl: url },
      ip: actor.ip ?? null,
    });
  });
}

/** Queues today's digest for the configured URL, once per URL and day. */
export function queueDigestDelivery(digestDate: string, payload: unknown): number | null {
  const url = getDigestWebhookUrl();
  if (!url) return null;
  const existing = findDeliveryFor(url, digestDate);
  if (existing) return existing.id;
  return getDb()
    .insert(webhookDeliveries)
    .values({ url, digestDate, payload, status: 'pending' })
    .returning({ id: webhookDeliveries.id })
    .get().id;
}

async function post(url: string, payload: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'jilin-key-projects-digest/1' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** Delay before retry number `attempt` (1-based): base, 4×base, 16×base … */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 4 ** (attempt - 1);
}

export interface DeliveryReport {
  id: number;
  url: string;
  status: 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
}

/**
 * Tries every due delivery. Within one run a delivery gets up to `triesPerRun` attempts with
 * backoff; if all fail it stays `failed` with a next attempt time for the next run.
 */
export async function deliverDue({
  triesPerRun = 3,
  baseDelayMs = Number(process.env.WEBHOOK_RETRY_BASE_MS ?? 2_000),
  log = console.log,
} = {}): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const delivery of listDueDeliveries(new Date().toISOString(), MAX_ATTEMPTS)) {
    let attempts = delivery.attempts;
    let lastError: string | null = null;
    let delivered = false;
    for (let run = 1; run <= triesPerRun && attempts < MAX_ATTEMPTS; run++) {
      if (run > 1) await new Promise((resolve) => setTimeout(resolve, backoffMs(run - 1, baseDelayMs)));
      attempts += 1;
      try {
        await post(delivery.url, delivery.payload);
        delivered = true;
        lastError = null;
        break;
      } catch (error) {
        lastError =
          error instanceof Error
            ? error.name === 'TimeoutError'
              ? `超时（${TIMEOUT_MS} 毫秒）`
              : error.message
            : String(error);
        log(`推送失败（第 ${attempts} 次）：${delivery.url} ${lastError}`);
      }
    }
    const now = new Date();
    getDb()
      .update(webhookDeliveries)
      .set({
        status: delivered ? 'delivered' : 'failed',
        attempts,
        lastError,
        // Later runs retry with a growing wait: 1 h, 4 h, 16 h …
        nextAttemptAt:
          delivered || attempts >= MAX_ATTEMPTS
            ? null
            : new Date(now.getTime() + backoffMs(Math.ceil(attempts / triesPerRun), 3_600_000)).toISOString(),
        updatedAt: now.toISOString(),
      })
      .where(eq(webhookDeliveries.id, delivery.id))
      .run();
    reports.push({
      id: delivery.id,
      url: delivery.url,
      status: delivered ? 'delivered' : 'failed',
      attempts,
      lastError,
    });
  }
  return reports;
}
