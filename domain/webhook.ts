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
import type { Digest } from './digest';
import { chatBodies, DINGTALK_SECRET, dingtalkSignedUrl, testBody, type WebhookFormat } from '@/lib/digest-push';

// The optional outbound webhook that receives each day's alert digest. Delivery runs in the
// digest script, never in a request handler: a slow or failing receiver cannot block the app.
// Each delivery is a row in webhook_deliveries; failures are retried with backoff, within the run
// and again on later runs, until MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 6;
const TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);

export function getDigestWebhookUrl(): string | null {
  return getSetting('digestWebhookUrl');
}

export interface WebhookConfig {
  url: string | null;
  format: WebhookFormat;
  /** 钉钉 加签 secret; kept when omitted (undefined), cleared with null. */
  secret?: string | null;
  /** Keep the stored URL and format (clearing only the secret). */
  keepUrl?: boolean;
}

export function getDigestWebhookConfig(): { url: string | null; format: WebhookFormat; hasSecret: boolean } {
  return {
    url: getSetting('digestWebhookUrl'),
    format: getSetting('digestWebhookFormat'),
    hasSecret: getSetting('digestWebhookSecret') !== null,
  };
}

/**
 * Sets or (with null) clears the digest URL, with its format and 钉钉 secret. A URL to loopback,
 * link-local, private (unless WEBHOOK_ALLOW_PRIVATE=1) or with credentials is refused with
 * `fields.url`; a secret that is not "SEC" + 64 hex digits with `fields.secret`. Deliveries still
 * waiting for another URL stop: they are marked failed with the reason, so nothing goes to an
 * address the admin has removed.
 */
export function saveDigestWebhook(
  actor: Actor & { ip?: string | null },
  config: WebhookConfig,
  policy: AddressPolicy = addressPolicyFromEnv(),
): void {
  if (!canAdminister(actor)) throw new AppError('forbidden', '只有系统管理员可以设置推送地址');
  const { url, format } = config.keepUrl
    ? { url: getSetting('digestWebhookUrl'), format: getSetting('digestWebhookFormat') }
    : config;
  const refusal = config.keepUrl || url === null ? null : webhookUrlRefusal(url, policy);
  if (refusal) throw new AppError('validation_failed', refusal, { url: [refusal] });
  if (config.secret && !DINGTALK_SECRET.test(config.secret)) {
    const message = '钉钉加签密钥应为 SEC 开头加 64 位十六进制字符（在机器人安全设置中复制）';
    throw new AppError('validation_failed', message, { secret: [message] });
  }
  getDb().transaction((tx) => {
    const before = getDigestWebhookConfig();
    if (url === null) deleteSetting(tx, 'digestWebhookUrl');
    else putSetting(tx, 'digestWebhookUrl', url);
    putSetting(tx, 'digestWebhookFormat', format);
    // A secret belongs to a 钉钉 robot; another format keeps none.
    const secret =
      format !== 'dingtalk'
        ? null
        : config.secret === undefined
          ? getSetting('digestWebhookSecret', tx)
          : config.secret;
    putSetting(tx, 'digestWebhookSecret', secret || null);
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
      // The secret itself never enters the log.
      before: {
        digestWebhookUrl: before.url,
        digestWebhookFormat: before.format,
        digestWebhookSecret: before.hasSecret ? '已设置' : null,
      },
      after: { digestWebhookUrl: url, digestWebhookFormat: format, digestWebhookSecret: secret ? '已设置' : null },
      ip: actor.ip ?? null,
    });
  });
}

/** Sets or clears the URL, keeping the format and secret. */
export function setDigestWebhookUrl(
  actor: Actor & { ip?: string | null },
  url: string | null,
  policy: AddressPolicy = addressPolicyFromEnv(),
): void {
  saveDigestWebhook(actor, { url, format: getSetting('digestWebhookFormat') }, policy);
}

/** The platform's address for links in chat messages (APP_BASE_URL), or null. */
export const appBaseUrl = () => process.env.APP_BASE_URL?.trim() || null;

/** A chat delivery's stored payload: its messages, and how many of them were sent. */
interface ChatPayload {
  format: 'wecom' | 'dingtalk';
  bodies: unknown[];
  sent: number;
}
const isChatPayload = (payload: unknown): payload is ChatPayload =>
  typeof payload === 'object' &&
  payload !== null &&
  'bodies' in payload &&
  ((payload as ChatPayload).format === 'wecom' || (payload as ChatPayload).format === 'dingtalk');

/** What a delivery sends for a digest in the configured format: the digest itself, or chat messages. */
export function deliveryPayload(format: WebhookFormat, digest: Digest): unknown {
  if (format === 'json') return digest;
  return { format, bodies: chatBodies(format, digest, appBaseUrl()), sent: 0 } satisfies ChatPayload;
}

/** Queues today's digest for the configured URL and format, once per URL and day. */
export function queueDigestDelivery(digestDate: string, digest: Digest): number | null {
  const url = getDigestWebhookUrl();
  if (!url) return null;
  const existing = findDeliveryFor(url, digestDate);
  if (existing) return existing.id;
  const payload = deliveryPayload(getSetting('digestWebhookFormat'), digest);
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
): Promise<string> {
  const refusal = webhookUrlRefusal(url, policy);
  if (refusal) throw new Error(refusal);
  const target = new URL(url);
  const body = JSON.stringify(payload);
  return new Promise<string>((done, fail) => {
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
        if (status >= 300 && status < 400) {
          response.resume();
          return fail(new Error(`HTTP ${status}（重定向不跟随）`));
        }
        if (status < 200 || status >= 300) {
          response.resume();
          return fail(new Error(`HTTP ${status}`));
        }
        // The answer, capped: the robots say whether they took the message in it.
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < 65_536) text += chunk;
        });
        response.on('end', () => done(text)).on('error', fail);
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

/**
 * Sends one message in the delivery's format: a 钉钉 URL is signed at sending time (its signature
 * is valid for an hour), and a robot's `errcode` other than 0 is a failure with its `errmsg`.
 */
async function sendMessage(
  url: string,
  body: unknown,
  format: WebhookFormat,
  { policy, secret }: { policy: AddressPolicy; secret: string | null },
): Promise<void> {
  const target = format === 'dingtalk' ? dingtalkSignedUrl(url, secret, Date.now()) : url;
  const answer = await postWebhook(target, body, { policy });
  if (format === 'json') return;
  let reply: { errcode?: number; errmsg?: string } | null = null;
  try {
    reply = JSON.parse(answer) as { errcode?: number; errmsg?: string };
  } catch {
    throw new Error('机器人的应答不是 JSON');
  }
  if (reply?.errcode !== 0)
    throw new Error(`机器人拒收：${reply?.errcode ?? '无错误码'} ${reply?.errmsg ?? ''}`.trim());
}

/**
 * Sends a test message to the configured URL now, in its format: the admin's check that the robot
 * is reachable. Waits at most WEBHOOK_TIMEOUT_MS; the result is returned, never thrown as a 500.
 */
export async function sendTestMessage(
  actor: Actor,
  policy: AddressPolicy = addressPolicyFromEnv(),
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!canAdminister(actor)) throw new AppError('forbidden', '只有系统管理员可以发送测试消息');
  const url = getDigestWebhookUrl();
  if (!url) throw new AppError('validation_failed', '请先保存推送地址', { url: ['请先保存推送地址'] });
  const format = getSetting('digestWebhookFormat');
  try {
    await sendMessage(url, testBody(format, new Date().toISOString()), format, {
      policy,
      secret: getSetting('digestWebhookSecret'),
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
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
  const secret = getSetting('digestWebhookSecret');
  for (const delivery of listDueDeliveries(new Date().toISOString(), MAX_ATTEMPTS)) {
    let attempts = delivery.attempts;
    let lastError: string | null = null;
    let delivered = false;
    for (let run = 1; run <= triesPerRun && attempts < MAX_ATTEMPTS; run++) {
      if (run > 1) await new Promise((resolve) => setTimeout(resolve, backoffMs(run - 1, baseDelayMs)));
      attempts += 1;
      try {
        const payload = delivery.payload;
        if (isChatPayload(payload)) {
          // Parts already taken are not sent again on a retry.
          for (; payload.sent < payload.bodies.length; payload.sent++) {
            await sendMessage(delivery.url, payload.bodies[payload.sent], payload.format, { policy, secret });
            getDb()
              .update(webhookDeliveries)
              .set({ payload: { ...payload, sent: payload.sent + 1 } })
              .where(eq(webhookDeliveries.id, delivery.id))
              .run();
          }
        } else await sendMessage(delivery.url, payload, 'json', { policy, secret });
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
