import { createHmac } from 'node:crypto';
import { ROLE_LABELS, type Role } from '@/lib/rules/enums';

// The daily digest as group-robot messages for 企业微信 and 钉钉, beside the plain JSON. A group
// chat is not the platform: a message carries names, counts and links only, never a project's
// details, and stays under the platform's size limit (split into numbered parts when longer).

export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  json: 'JSON（对接短信、邮件网关）',
  wecom: '企业微信群机器人',
  dingtalk: '钉钉自定义机器人',
};

/** 企业微信 markdown content: at most 4,096 bytes (UTF-8). 钉钉 messages: kept well under its 20,000. */
export const MESSAGE_LIMIT_BYTES: Record<Exclude<WebhookFormat, 'json'>, number> = {
  wecom: 4096,
  dingtalk: 5000,
};

/** A 钉钉 加签 secret as the robot settings page shows it: "SEC" and 64 hex digits. */
export const DINGTALK_SECRET = /^SEC[0-9a-f]{64}$/;

/** What a digest message may say: per person, their name, role and counts. */
export interface DigestSummary {
  date: string;
  users: Array<{
    name: string;
    role: Role;
    counts: { total: number; red: number; yellow: number; new: number };
  }>;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The markdown lines of a digest: a headline of totals, then one line per person with alerts. */
function digestLines(digest: DigestSummary, baseUrl: string | null) {
  const sum = (key: 'red' | 'yellow' | 'new') => digest.users.reduce((total, user) => total + user.counts[key], 0);
  const head = [
    `## 重点项目预警日报（${digest.date}）`,
    `> 共 ${digest.users.length} 人有待办预警：红色 <font color="warning">${sum('red')}</font> 条，黄色 ${sum('yellow')} 条，今日新增 ${sum('new')} 条`,
  ];
  const lines = digest.users.map(
    (user) =>
      `- ${user.name}（${ROLE_LABELS[user.role]}）：红 ${user.counts.red} · 黄 ${user.counts.yellow} · 新增 ${user.counts.new}`,
  );
  const foot = baseUrl ? `[打开预警中心](${baseUrl.replace(/\/$/, '')}/alerts)` : '请登录平台查看预警中心（/alerts）';
  return { head, lines, foot };
}

/**
 * The digest as markdown texts, each at most `limit` bytes: the headline, the people's lines in
 * order, and the link; split by whole lines into parts numbered （1/n）.
 */
export function digestMarkdown(digest: DigestSummary, limit: number, baseUrl: string | null): string[] {
  const { head, lines, foot } = digestLines(digest, baseUrl);
  if (lines.length === 0) lines.push('- 今日无待办预警');
  // Room for the part number and the footer on every part.
  const reserve = bytes(head.join('\n')) + bytes(foot) + 40;
  const budget = Math.max(200, limit - reserve);
  const chunks: string[][] = [[]];
  let used = 0;
  for (const line of lines) {
    const size = bytes(line) + 1;
    if (used + size > budget && chunks.at(-1)!.length > 0) {
      chunks.push([]);
      used = 0;
    }
    chunks.at(-1)!.push(size > budget ? `${line.slice(0, Math.floor(budget / 3))}…` : line);
    used += size;
  }
  return chunks.map((chunk, index) => {
    const title = chunks.length > 1 ? `${head[0]}（${index + 1}/${chunks.length}）` : head[0];
    return [title, head[1], '', ...chunk, '', foot].join('\n');
  });
}

/** The request bodies for one digest in a chat format. */
export function chatBodies(format: Exclude<WebhookFormat, 'json'>, digest: DigestSummary, baseUrl: string | null) {
  return digestMarkdown(digest, MESSAGE_LIMIT_BYTES[format], baseUrl).map((text) =>
    format === 'wecom'
      ? { msgtype: 'markdown', markdown: { content: text } }
      : { msgtype: 'markdown', markdown: { title: `重点项目预警日报 ${digest.date}`, text } },
  );
}

/** The test message an admin sends from 预警推送 to check the robot. */
export function testBody(format: WebhookFormat, at: string) {
  const text = `## 重点项目管理平台推送测试\n> ${at} 由系统管理员发送。收到本消息说明每日预警日报可以推送到此。`;
  if (format === 'wecom') return { msgtype: 'markdown', markdown: { content: text } };
  if (format === 'dingtalk') return { msgtype: 'markdown', markdown: { title: '推送测试', text } };
  return { test: true, message: '重点项目管理平台推送测试', at };
}

/**
 * 钉钉 加签: the signature is Base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`)),
 * sent URL-encoded as `sign` beside `timestamp` (milliseconds).
 */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with `timestamp` and `sign` added when a secret is set. */
export function dingtalkSignedUrl(url: string, secret: string | null, timestamp: number): string {
  if (!secret) return url;
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return signed.toString();
}
