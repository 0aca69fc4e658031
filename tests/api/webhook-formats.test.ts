import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedOnce } from '../support/api';
import { getDb, getSqlite } from '@/db';
import { settings, users, webhookDeliveries } from '@/db/schema';
import type { Digest } from '@/domain/digest';
import {
  deliverDue,
  getDigestWebhookConfig,
  queueDigestDelivery,
  saveDigestWebhook,
  sendTestMessage,
} from '@/domain/webhook';
import { chatBodies, digestMarkdown, dingtalkSign, dingtalkSignedUrl, MESSAGE_LIMIT_BYTES } from '@/lib/digest-push';
import type { AddressPolicy } from '@/lib/net/address-policy';

// Issue 15 point 4: the digest as 企业微信 and 钉钉 group-robot messages, against a local server
// that answers as the robots do ({"errcode":0,"errmsg":"ok"}).

const LOCAL: AddressPolicy = { allowPrivate: false, allowLoopback: true };
const SECRET = `SEC${'a1b2c3d4'.repeat(8)}`;

interface Received {
  path: string;
  query: URLSearchParams;
  body: Record<string, any>;
}
let server: http.Server;
let base = '';
let received: Received[] = [];
type Answer = { errcode: number; errmsg: string };
let answer: Answer = { errcode: 0, errmsg: 'ok' };
/** How the robot answers the next request (by default, `answer`). */
let respond: () => Answer = () => answer;

beforeAll(async () => {
  await seedOnce();
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(text) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(respond()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  answer = { errcode: 0, errmsg: 'ok' };
  respond = () => answer;
  getSqlite().prepare('delete from webhook_deliveries').run();
});

const admin = () => {
  const u = getDb().select().from(users).where(eq(users.username, 'admin')).get()!;
  return { id: u.id, role: u.role, unitId: u.unitId };
};

const digest = (people: number): Digest => ({
  date: '2026-11-20',
  generatedAt: '2026-11-20T00:00:00.000Z',
  previousDate: null,
  users: Array.from({ length: people }, (_, i) => ({
    userId: i + 1,
    username: `u${i}`,
    name: `测试人员${String(i + 1).padStart(3, '0')}`,
    role: 'officer' as const,
    counts: { total: 3, red: 1, yellow: 2, new: 1 },
    followUps: [],
    // Alerts carry project names; the chat messages must not.
    new: [{ key: 'k', projectName: '保密的项目名称' } as never],
    stillOpen: [],
    notifications: [],
  })),
});

describe('企业微信 group robot', () => {
  it('posts {msgtype: markdown, markdown: {content}} under 4,096 bytes, with names, counts and a link only', async () => {
    saveDigestWebhook(admin(), { url: `${base}/cgi-bin/webhook/send?key=abc`, format: 'wecom' }, LOCAL);
    const id = queueDigestDelivery('2026-11-20', digest(3))!;
    const [report] = await deliverDue({ baseDelayMs: 1, log: () => {}, policy: LOCAL });
    expect(report).toMatchObject({ id, status: 'delivered' });
    expect(received).toHaveLength(1);
    const body = received[0].body;
    expect(Object.keys(body).sort()).toEqual(['markdown', 'msgtype']);
    expect(body.msgtype).toBe('markdown');
    expect(Object.keys(body.markdown)).toEqual(['content']);
    const content: string = body.markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain('测试人员001');
    expect(content).toContain('红 1 · 黄 2 · 新增 1');
    expect(content).not.toContain('保密的项目名称');
  });

  it('splits a long digest into numbered parts, each under the limit, every person once', () => {
    const parts = digestMarkdown(digest(400), MESSAGE_LIMIT_BYTES.wecom, 'https://xm.jl.gov.cn');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(4096);
      expect(part).toContain(`（${i + 1}/${parts.length}）`);
      expect(part).toContain('https://xm.jl.gov.cn/alerts');
    }
    const names = parts.join('\n').match(/测试人员\d{3}/g)!;
    expect(new Set(names).size).toBe(400);
    expect(names).toHaveLength(400);
  });

  it('a robot that answers errcode ≠ 0 is a failure, retried later without resending parts already taken', async () => {
    saveDigestWebhook(admin(), { url: `${base}/cgi-bin/webhook/send?key=abc`, format: 'wecom' }, LOCAL);
    const id = queueDigestDelivery('2026-11-21', digest(400))!;
    const parts = chatBodies('wecom', digest(400), null).length;
    // The first part is taken, then the robot refuses.
    let calls = 0;
    respond = () => (++calls >= 2 ? { errcode: 45009, errmsg: 'api freq out of limit' } : answer);
    const [failed] = await deliverDue({ triesPerRun: 1, baseDelayMs: 1, log: () => {}, policy: LOCAL });
    expect(failed).toMatchObject({ id, status: 'failed' });
    expect(failed.lastError).toContain('45009');
    respond = () => answer;
    getSqlite().prepare('update webhook_deliveries set next_attempt_at = null where id = ?').run(id);
    received = [];
    const [delivered] = await deliverDue({ triesPerRun: 1, baseDelayMs: 1, log: () => {}, policy: LOCAL });
    expect(delivered).toMatchObject({ id, status: 'delivered' });
    // Part 1 went through the first time; the retry sends parts 2..n only.
    expect(received).toHaveLength(parts - 1);
    expect(received[0].body.markdown.content).toContain(`（2/${parts}）`);
  });
});

describe('钉钉 custom robot', () => {
  it('signs with HMAC-SHA256 of timestamp + "\\n" + secret (a fixed vector)', () => {
    // openssl: printf '%s\n%s' 1764547200000 "$SECRET" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
    expect(dingtalkSign(SECRET, 1764547200000)).toBe('2KzaCERcvCaqlVZqtwzj+EnxmVVY03fzpIhOGAcG2RU=');
    const url = new URL(
      dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=t', SECRET, 1764547200000),
    );
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe('1764547200000');
    expect(url.searchParams.get('sign')).toBe('2KzaCERcvCaqlVZqtwzj+EnxmVVY03fzpIhOGAcG2RU=');
  });

  it('posts {msgtype: markdown, markdown: {title, text}} to the signed URL', async () => {
    saveDigestWebhook(admin(), { url: `${base}/robot/send?access_token=t`, format: 'dingtalk', secret: SECRET }, LOCAL);
    queueDigestDelivery('2026-11-22', digest(2));
    const before = Date.now();
    const [report] = await deliverDue({ baseDelayMs: 1, log: () => {}, policy: LOCAL });
    expect(report.status).toBe('delivered');
    const [{ query, body }] = received;
    expect(query.get('access_token')).toBe('t');
    const timestamp = Number(query.get('timestamp'));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(query.get('sign')).toBe(dingtalkSign(SECRET, timestamp));
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '重点项目预警日报 2026-11-20', text: expect.any(String) },
    });
    expect(body.markdown.text).toContain('测试人员002');
  });

  it('refuses a secret of the wrong format with 400 naming the field, and writes nothing', () => {
    const before = getSqlite().prepare('select count(*) n from settings').get();
    const config = getDigestWebhookConfig();
    for (const secret of ['abc', `SEC${'z'.repeat(64)}`, `${SECRET}0`, SECRET.slice(3)]) {
      try {
        saveDigestWebhook(admin(), { url: `${base}/robot/send`, format: 'dingtalk', secret }, LOCAL);
        throw new Error('accepted');
      } catch (error) {
        expect((error as { fields?: Record<string, string[]> }).fields?.secret?.[0]).toMatch(/SEC 开头/);
      }
    }
    expect(getSqlite().prepare('select count(*) n from settings').get()).toEqual(before);
    expect(getDigestWebhookConfig()).toEqual(config);
  });

  it('never writes the secret into the audit log', () => {
    saveDigestWebhook(admin(), { url: `${base}/robot/send?access_token=t`, format: 'dingtalk', secret: SECRET }, LOCAL);
    const rows = getSqlite().prepare("select before, after from audit_log where entity_type = 'setting'").all();
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(getDb().select().from(settings).where(eq(settings.key, 'digestWebhookSecret')).get()?.value).toBe(SECRET);
  });
});

describe('test message', () => {
  it('an admin sends one in the chosen format and gets the robot’s refusal back as text', async () => {
    saveDigestWebhook(admin(), { url: `${base}/cgi-bin/webhook/send?key=abc`, format: 'wecom' }, LOCAL);
    expect(await sendTestMessage(admin(), LOCAL)).toEqual({ ok: true });
    expect(received.at(-1)!.body.msgtype).toBe('markdown');
    expect(received.at(-1)!.body.markdown.content).toContain('推送测试');
    answer = { errcode: 93000, errmsg: 'invalid webhook url' };
    const refused = await sendTestMessage(admin(), LOCAL);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('93000') });
    // The test is not a delivery: nothing queued.
    expect(getDb().select().from(webhookDeliveries).all()).toEqual([]);
  });
});
