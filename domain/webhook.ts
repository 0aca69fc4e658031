import 'server-only';
import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { writeAudit } from '@/db/audit';
import { findDeliveryFor, listDueDeliveries } from '@/db/queries/webhooks';
import { webhookDeliveries } from '@/db/schema';
import { canAdminister, type Actor } from '@/lib/rules/permissions';
import { AppError } from '@/lib/errors';
import { addressPolicyFromEnv, addressRefusal, webhookUrlRefusal, type AddressPolicy } from '@/lib/net/address-policy';
import { deleteSetting, getSetting, putSetting } from './settings';

// The optional outbound webhook that receives each day's alert digest. Delivery runs in the
// digest script, never in a request handler: a slow or failing receiver cannot block the app.
// Each delivery is a row in webhook_deliveries; failures are retried with backoff, within the run
// and again on later runs, until MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 6;
const TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);

export function getDigestWebhookUrl(): string | null {
  return getSetting('digestWebhookUrl');
}

/**
 * Sets or (with null) clears the digest URL. A URL to loopback, link-local, private (unless
 * WEBHOOK_ALLOW_PRIVATE=1) or with credentials is refused with `fields.url`. Deliveries still
 * waiting for another URL stop: they are marked failed with the reason, so nothing goes to an
 * address the admin has removed.
 */
export function setDigestWebhookUrl(
  actor: Actor & { ip?: string | null },
  url: string | null,
  policy: AddressPolicy = addressPolicyFromEnv(),
): void {
  if (!canAdminister(actor)) throw new AppError('forbidden', '只有系统管理员可以设置推送地址');
  const refusal = url === null ? null : webhookUrlRefusal(url, policy);
  if (refusal) throw new AppError('validation_failed', refusal, { url: [refusal] });
  getDb().transaction((tx) => {
    const before = getSetting('digestWebhookUrl', tx);
    if (url === null) deleteSetting(tx, 'digestWebhookUrl');
    else putSetting(tx, 'digestWebhookUrl', url);
    const waiting = and(
      inArray(webhookDeliveries.status, ['pending', 'failed']),
      url === null ? undefined : ne(webhookDeliveries.url, url),
    );
    tx.update(webhookDeliveries)
      .set({
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        nextAttemptAt: null,
        lastError: url === null ? '推送地址已清除，不再推送' : '推送地址已更换，不再推送到旧地址',
        updatedAt: new Date().toISOString(),
      })
      .where(waiting)
      .run();
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

type Resolve = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A socket lookup that resolves the host and refuses when any of its addresses is not allowed, so
 * the address checked is the address connected to (no DNS rebinding between check and connect).
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { family: options.family as number | undefined, all: true }, (error, addresses) => {
      const done = callback as (error: Error | null, address: string | LookupAddress[], family?: number) => void;
      if (error) return done(error, '', 0);
      const refusal = addresses.map((entry) => addressRefusal(entry.address, policy)).find(Boolean);
      if (refusal || addresses.length === 0) return done(new Error(refusal ?? '域名无法解析'), '', 0);
      if (options.all) return done(null, addresses);
      done(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * POSTs the payload. The URL is checked again (it may predate the rules), the host is resolved
 * through guardedLookup, and a redirect is a failure: it is never followed.
 */
export async function postWebhook(
  url: string,
  payload: unknown,
  { policy = addressPolicyFromEnv(), resolve }: { policy?: AddressPolicy; resolve?: Resolve } = {},
): Promise<void> {
  const refusal = webhookUrlRefusal(url, policy);
  if (refusal) throw new Error(refusal);
  const target = new URL(url);
  const body = JSON.stringify(payload);
  await new Promise<void>((done, fail) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'jilin-key-projects-digest/1',
        },
        lookup: guardedLookup(policy, resolve),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        if (status >= 300 && status < 400) fail(new Error(`HTTP ${status}（重定向不跟随）`));
        else if (status < 200 || status >= 300) fail(new Error(`HTTP ${status}`));
        else response.on('end', () => done()).on('error', fail);
      },
    );
    request.setTimeout(TIMEOUT_MS, () => {
      const timeout = new Error(`超时（${TIMEOUT_MS} 毫秒）`);
      timeout.name = 'TimeoutError';
      request.destroy(timeout);
    });
    request.on('error', fail);
    request.end(body);
  });
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
  policy = addressPolicyFromEnv(),
}: { triesPerRun?: number; baseDelayMs?: number; log?: (line: string) => void; policy?: AddressPolicy } = {}): Promise<
  DeliveryReport[]
> {
  const reports: DeliveryReport[] = [];
  for (const delivery of listDueDeliveries(new Date().toISOString(), MAX_ATTEMPTS)) {
    let attempts = delivery.attempts;
    let lastError: string | null = null;
    let delivered = false;
    for (let run = 1; run <= triesPerRun && attempts < MAX_ATTEMPTS; run++) {
      if (run > 1) await new Promise((resolve) => setTimeout(resolve, backoffMs(run - 1, baseDelayMs)));
      attempts += 1;
      try {
        await postWebhook(delivery.url, delivery.payload, { policy });
        delivered = true;
        lastError = null;
        break;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
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
