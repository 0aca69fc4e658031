import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginAs, seedOnce } from '../support/api';
import { nextRequest } from '../support/next-mocks';
import { getDb } from '@/db';
import { settings, users, webhookDeliveries } from '@/db/schema';
import type { Digest } from '@/domain/digest';
import {
  getDigestWebhookUrl,
  guardedLookup,
  postWebhook,
  queueDigestDelivery,
  setDigestWebhookUrl,
} from '@/domain/webhook';
import { classifyAddress, webhookUrlRefusal, type AddressPolicy } from '@/lib/net/address-policy';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// Issue 14 findings 2 and 3: the digest webhook was an SSRF (metadata service, localhost ports,
// hex-encoded loopback, credentials, redirects) and could not be switched off.

const STRICT: AddressPolicy = { allowPrivate: false };
const INTRANET: AddressPolicy = { allowPrivate: true };

/** A digest for queueing tests; its content does not matter to the delivery. */
const digestOf = (fields: object) =>
  ({ date: '2030-01-01', generatedAt: '', previousDate: null, users: [], ...fields }) as Digest;

const admin = () => {
  const u = getDb().select().from(users).where(eq(users.username, 'admin')).get()!;
  return { id: u.id, role: u.role, unitId: u.unitId };
};

let server: http.Server;
let hits = 0;
let port = 0;

beforeAll(async () => {
  await seedOnce();
  server = http.createServer((req, res) => {
    hits += 1;
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('webhook URL rules', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:6379/',
    'http://[::1]:3921/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://127.1/',
    'http://localhost:3000/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://user:secret@hooks.example.com/',
    'ftp://hooks.example.com/',
  ])('refuses %s', (url) => {
    expect(webhookUrlRefusal(url, STRICT)).not.toBeNull();
    expect(webhookUrlRefusal(url, INTRANET)).not.toBeNull();
    expect(() => setDigestWebhookUrl(admin(), url)).toThrow();
  });

  it.each(['http://10.1.2.3/hook', 'http://192.168.1.10:8080/', 'http://172.20.0.5/', 'http://[fd00::5]/'])(
    'refuses the private %s unless WEBHOOK_ALLOW_PRIVATE=1',
    (url) => {
      expect(webhookUrlRefusal(url, STRICT)).toMatch(/内网/);
      expect(webhookUrlRefusal(url, INTRANET)).toBeNull();
    },
  );

  it('reads WEBHOOK_ALLOW_PRIVATE from the environment, off by default', () => {
    expect(() => setDigestWebhookUrl(admin(), 'http://10.1.2.3/hook')).toThrow(/内网/);
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
    try {
      setDigestWebhookUrl(admin(), 'http://10.1.2.3/hook');
      expect(getDigestWebhookUrl()).toBe('http://10.1.2.3/hook');
      expect(() => setDigestWebhookUrl(admin(), 'http://169.254.169.254/')).toThrow();
    } finally {
      vi.unstubAllEnvs();
      setDigestWebhookUrl(admin(), null);
    }
  });

  it('accepts a public https URL', () => {
    expect(webhookUrlRefusal('https://hooks.example.gov.cn/digest', STRICT)).toBeNull();
    expect(classifyAddress('202.98.0.68')).toBe('public');
    expect(classifyAddress('2400:3200::1')).toBe('public');
  });
});

describe('delivery', () => {
  it('checks the resolved address: a name that resolves to loopback is never contacted', async () => {
    const before = hits;
    const toLoopback = (
      _host: string,
      _options: unknown,
      callback: (error: null, addresses: Array<{ address: string; family: number }>) => void,
    ) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    await expect(
      postWebhook(`http://hooks.example.com:${port}/`, { a: 1 }, { policy: STRICT, resolve: toLoopback }),
    ).rejects.toThrow(/本机/);
    expect(hits).toBe(before);
    // The lookup itself refuses when any address of the name is not allowed.
    const lookup = guardedLookup(STRICT, (_h, _o, cb) =>
      cb(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ]),
    );
    const error = await new Promise<Error | null>((resolve) => lookup('x.example', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/本机|链路/);
  });

  it('does not follow a redirect', async () => {
    const before = hits;
    await expect(
      postWebhook(`http://127.0.0.1:${port}/redirect`, {}, { policy: { allowPrivate: false, allowLoopback: true } }),
    ).rejects.toThrow(/302.*重定向/);
    expect(hits).toBe(before + 1);
  });
});

describe('switching the webhook off', () => {
  it('an empty URL through the admin form clears it and stops waiting deliveries', async () => {
    setDigestWebhookUrl(admin(), 'https://hooks.example.gov.cn/digest');
    const id = queueDigestDelivery('2026-11-19', digestOf({ test: true }))!;
    const cookie = await loginAs('admin');
    nextRequest.reset(cookie.split(';')[0].split('=')[1]);
    const { saveWebhookAction } = await import('@/app/(app)/admin/webhook/actions');
    const form = new FormData();
    form.set('url', '');
    const result = await saveWebhookAction(undefined, form);
    expect(result).toMatchObject({ ok: true });
    expect(getDigestWebhookUrl()).toBeNull();
    expect(getDb().select().from(settings).where(eq(settings.key, 'digestWebhookUrl')).get()).toBeUndefined();
    const delivery = getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()!;
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(delivery.lastError).toMatch(/已清除/);
    expect(queueDigestDelivery('2026-11-20', digestOf({}))).toBeNull();
  });

  it('a refused URL through the form names the field and keeps the old URL', async () => {
    setDigestWebhookUrl(admin(), 'https://hooks.example.gov.cn/digest');
    const cookie = await loginAs('admin');
    nextRequest.reset(cookie.split(';')[0].split('=')[1]);
    const { saveWebhookAction } = await import('@/app/(app)/admin/webhook/actions');
    const form = new FormData();
    form.set('url', 'http://169.254.169.254/latest/meta-data/');
    const result = await saveWebhookAction(undefined, form);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toMatch(/url/);
    expect(getDigestWebhookUrl()).toBe('https://hooks.example.gov.cn/digest');
  });
});
