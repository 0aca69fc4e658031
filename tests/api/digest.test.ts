import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { users, webhookDeliveries } from '@/db/schema';
import { listAlerts } from '@/domain/alerts';
import { buildDigest, readPreviousDigest, writeDigest } from '@/domain/digest';
import type { Digest } from '@/domain/digest';
import { deliverDue, queueDigestDelivery, setDigestWebhookUrl } from '@/domain/webhook';
import type { AddressPolicy } from '@/lib/net/address-policy';

import { today } from '@/lib/rules/dates';

/** The test receiver listens on 127.0.0.1, which production refuses (see tests/security/webhook.test.ts). */
const LOCAL: AddressPolicy = { allowPrivate: false, allowLoopback: true };

let server: http.Server;
let received: unknown[] = [];
let failNext = 0;
let url = '';

beforeAll(async () => {
  await seedOnce();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.statusCode = 503;
        return res.end('busy');
      }
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/digest`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A digest for queueing tests; its content does not matter to the delivery. */
const digestOf = (fields: object) =>
  ({ date: '2030-01-01', generatedAt: '', previousDate: null, users: [], ...fields }) as Digest;

const admin = () => {
  const u = getDb().select().from(users).where(eq(users.username, 'admin')).get()!;
  return { id: u.id, role: u.role, unitId: u.unitId };
};

describe('daily digest', () => {
  it("holds each user's alerts, and marks as new only those not in the previous digest", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-'));
    const first = buildDigest(today(), null);
    const investment = first.users.find((u) => u.userId === userId('investment'))!;
    expect(investment.counts.total).toBe(
      listAlerts({ actor: { id: userId('investment'), role: 'investment', unitId: null } }).length,
    );
    expect(investment.new.length).toBe(investment.counts.total);
    writeDigest({ ...first, date: '2000-01-01' }, path.join(dir, '2000-01-01.json'));
    expect(fs.existsSync(path.join(dir, '2000-01-01.txt'))).toBe(true);

    // Drop one alert from "yesterday's" digest: today it is the only new one.
    const previous = readPreviousDigest(dir, today())!;
    const trimmed = previous.users.find((u) => u.userId === investment.userId)!;
    const dropped = trimmed.new.shift()!;
    const second = buildDigest(today(), previous);
    const again = second.users.find((u) => u.userId === investment.userId)!;
    expect(again.new.map((a) => a.key)).toEqual([dropped.key]);
    expect(again.stillOpen).toHaveLength(investment.counts.total - 1);
  });
});

describe('webhook delivery', () => {
  it('only an admin sets the URL', () => {
    expect(() => setDigestWebhookUrl({ id: userId('leader'), role: 'leader', unitId: null }, url)).toThrow(/管理员/);
  });

  it('retries a failing receiver with backoff, logs the failure, and delivers on a later try', async () => {
    setDigestWebhookUrl(admin(), url, LOCAL);
    const id = queueDigestDelivery('2030-01-01', digestOf({ date: '2030-01-01', users: [] }))!;
    expect(queueDigestDelivery('2030-01-01', digestOf({ again: true }))).toBe(id);

    failNext = 5;
    const failed = await deliverDue({ triesPerRun: 3, baseDelayMs: 5, log: () => {}, policy: LOCAL });
    expect(failed).toEqual([expect.objectContaining({ id, status: 'failed', attempts: 3, lastError: 'HTTP 503' })]);
    let row = getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()!;
    expect(row.status).toBe('failed');
    expect(row.nextAttemptAt! > new Date().toISOString()).toBe(true);
    // Not due yet: nothing is tried.
    expect(await deliverDue({ baseDelayMs: 5, log: () => {}, policy: LOCAL })).toEqual([]);

    getDb()
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(webhookDeliveries.id, id))
      .run();
    const delivered = await deliverDue({ triesPerRun: 3, baseDelayMs: 5, log: () => {}, policy: LOCAL });
    expect(delivered).toEqual([expect.objectContaining({ id, status: 'delivered', attempts: 6 })]);
    row = getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()!;
    expect(row.status).toBe('delivered');
    expect(received).toEqual([digestOf({ date: '2030-01-01', users: [] })]);
  });

  it('gives up on an unreachable URL without throwing', async () => {
    setDigestWebhookUrl(admin(), 'http://127.0.0.1:1/nothing-here', LOCAL);
    const id = queueDigestDelivery('2030-01-02', digestOf({ date: '2030-01-02' }))!;
    const reports = await deliverDue({ triesPerRun: 2, baseDelayMs: 5, log: () => {}, policy: LOCAL });
    expect(reports.find((r) => r.id === id)).toMatchObject({ status: 'failed', attempts: 2 });
    received = [];
  });
});
