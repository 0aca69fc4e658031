import 'server-only';
import { and, desc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { getDb } from '../index';
import { webhookDeliveries } from '../schema';

export function listWebhookDeliveries({ limit = 20 }: { limit?: number } = {}) {
  return getDb()
    .select({
      id: webhookDeliveries.id,
      url: webhookDeliveries.url,
      digestDate: webhookDeliveries.digestDate,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      updatedAt: webhookDeliveries.updatedAt,
    })
    .from(webhookDeliveries)
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
    .all();
}

/** Deliveries still to try: pending, or failed with attempts left and their next attempt due. */
export function listDueDeliveries(now: string, maxAttempts: number) {
  return getDb()
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        inArray(webhookDeliveries.status, ['pending', 'failed']),
        lt(webhookDeliveries.attempts, maxAttempts),
        or(isNull(webhookDeliveries.nextAttemptAt), lte(webhookDeliveries.nextAttemptAt, now)),
      ),
    )
    .orderBy(webhookDeliveries.id)
    .all();
}

export function findDeliveryFor(url: string, digestDate: string) {
  return getDb()
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.url, url), eq(webhookDeliveries.digestDate, digestDate)))
    .get();
}
