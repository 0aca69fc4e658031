import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, gt, lte } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications, users } from '@/db/schema';
import { ALERT_KIND_LABELS, lateness, type Alert } from '@/lib/rules/alerts';
import { NOTIFICATION_KIND_LABELS, ROLE_LABELS, type NotificationKind, type Role } from '@/lib/rules/enums';
import { digestKindsOf } from '@/lib/rules/notifications';
import { listFollowUpsDue } from '@/db/queries/desk';
import { listAlerts } from './alerts';

// The daily digest: each user's alerts, split into those new since the previous digest and those
// still open from before. Written as JSON (for the webhook and other systems) and as plain text
// (for an operator to pass on by mail or SMS).

export interface DigestUser {
  userId: number;
  username: string;
  name: string;
  role: Role;
  counts: { total: number; red: number; yellow: number; new: number };
  new: Alert[];
  stillOpen: Alert[];
  /** The day's notifications of the kinds this user chose for the digest (on /account), oldest first. */
  notifications: DigestNotice[];
  /**
   * Follow-up reminders (investment staff): the leads in their scope whose next follow-up date is the
   * digest's day. Later-than-planned ones are already alerts (lead_overdue) above.
   */
  followUps: DigestFollowUp[];
}

export interface DigestFollowUp {
  leadId: number;
  company: string;
  ownerName: string;
  nextFollowUpDate: string;
  link: string;
}

export interface DigestNotice {
  kind: NotificationKind;
  message: string;
  link: string;
  createdAt: string;
}

export interface Digest {
  date: string;
  generatedAt: string;
  previousDate: string | null;
  users: DigestUser[];
}

/** The most recent digest file in `dir` dated before `date`, if any. */
export function readPreviousDigest(dir: string, date: string): Digest | null {
  if (!fs.existsSync(dir)) return null;
  const previous = fs
    .readdirSync(dir)
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name) && name.slice(0, 10) < date)
    .sort()
    .at(-1);
  if (!previous) return null;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, previous), 'utf8')) as Digest;
  } catch {
    return null;
  }
}

export function buildDigest(date: string, previous: Digest | null): Digest {
  const seenBefore = new Map<number, Set<string>>();
  for (const user of previous?.users ?? [])
    seenBefore.set(user.userId, new Set([...user.new, ...user.stillOpen].map((a) => a.key)));
  const people = getDb()
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      unitId: users.unitId,
      team: users.team,
    })
    .from(users)
    .where(eq(users.active, true))
    .all();
  const notices = noticesSince(previous?.generatedAt ?? null, people);
  const digestUsers: DigestUser[] = [];
  for (const person of people) {
    const alerts = listAlerts({ actor: person });
    const mine = notices.get(person.id) ?? [];
    const followUps = person.role === 'investment' ? followUpsDueOn(person.id, person.team, date) : [];
    if (alerts.length === 0 && mine.length === 0 && followUps.length === 0) continue;
    const before = seenBefore.get(person.id) ?? new Set<string>();
    const fresh = alerts.filter((a) => !before.has(a.key));
    const red = alerts.filter((a) => a.severity === 'red').length;
    digestUsers.push({
      userId: person.id,
      username: person.username,
      name: person.name,
      role: person.role,
      counts: { total: alerts.length, red, yellow: alerts.length - red, new: fresh.length },
      new: fresh,
      stillOpen: alerts.filter((a) => before.has(a.key)),
      notifications: mine,
      followUps,
    });
  }
  return { date, generatedAt: new Date().toISOString(), previousDate: previous?.date ?? null, users: digestUsers };
}

/** The open leads in the user's scope (own, or their team's) to follow up on `date`. */
function followUpsDueOn(userId: number, team: string | null, date: string): DigestFollowUp[] {
  return listFollowUpsDue(userId, team, date)
    .filter((row) => row.nextFollowUpDate === date)
    .map((row) => ({
      leadId: row.id,
      company: row.company,
      ownerName: row.ownerName,
      nextFollowUpDate: date,
      link: `/leads/${row.id}`,
    }));
}

/**
 * Each user's notifications since the previous digest (or the last 24 hours), of their chosen kinds.
 * Names, counts and links only, as the rest of the digest.
 */
function noticesSince(from: string | null, people: ReadonlyArray<{ id: number }>): Map<number, DigestNotice[]> {
  const now = new Date();
  const start = from ?? new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const wanted = new Map(
    getDb()
      .select({ id: users.id, digestKinds: users.digestKinds })
      .from(users)
      .where(eq(users.active, true))
      .all()
      .map((u) => [u.id, new Set<string>(digestKindsOf(u.digestKinds))] as const),
  );
  const out = new Map<number, DigestNotice[]>();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return out;
  for (const row of getDb()
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      message: notifications.message,
      link: notifications.link,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(gt(notifications.createdAt, start), lte(notifications.createdAt, now.toISOString())))
    .orderBy(notifications.id)
    .all()) {
    if (!wanted.get(row.userId)?.has(row.kind)) continue;
    const list = out.get(row.userId) ?? [];
    list.push({ kind: row.kind, message: row.message, link: row.link, createdAt: row.createdAt });
    out.set(row.userId, list);
  }
  return out;
}

const line = (alert: Alert, isNew: boolean) =>
  `  [${alert.severity === 'red' ? '红' : '黄'}]${isNew ? '[新]' : ''} ${ALERT_KIND_LABELS[alert.kind]}｜${alert.subject}｜${alert.message}${alert.dueDate ? `｜时限 ${alert.dueDate}` : ''}${alert.daysLate !== null ? `（${lateness(alert.daysLate)}）` : ''}｜${alert.href}`;

export function digestText(digest: Digest): string {
  const out = [
    `吉林市重点项目管理平台 预警日报 ${digest.date}`,
    digest.previousDate ? `（与 ${digest.previousDate} 日报相比）` : '（首份日报，全部预警记为新增）',
    '',
  ];
  if (digest.users.length === 0) out.push('今日无预警。');
  for (const user of digest.users) {
    out.push(
      `【${user.name}（${ROLE_LABELS[user.role]}）】共 ${user.counts.total} 条：红色 ${user.counts.red}，黄色 ${user.counts.yellow}；新增 ${user.counts.new}，仍未处理 ${user.stillOpen.length}${user.followUps?.length ? `；今日应跟进线索 ${user.followUps.length} 条` : ''}`,
    );
    for (const alert of user.new) out.push(line(alert, true));
    for (const alert of user.stillOpen) out.push(line(alert, false));
    for (const followUp of user.followUps ?? [])
      out.push(`  [跟进] 今日应跟进｜${followUp.company}｜负责人 ${followUp.ownerName}｜${followUp.link}`);
    for (const notice of user.notifications ?? [])
      out.push(`  [通知] ${NOTIFICATION_KIND_LABELS[notice.kind]}｜${notice.message}｜${notice.link}`);
    out.push('');
  }
  return out.join('\n');
}

/** Writes `<file>.json` and the readable `<file>.txt` beside it. */
export function writeDigest(digest: Digest, jsonFile: string): { json: string; text: string } {
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  const textFile = jsonFile.replace(/\.json$/, '') + '.txt';
  fs.writeFileSync(jsonFile, JSON.stringify(digest, null, 2));
  fs.writeFileSync(textFile, digestText(digest));
  return { json: jsonFile, text: textFile };
}
