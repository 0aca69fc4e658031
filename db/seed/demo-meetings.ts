import { and, asc, eq, inArray } from 'drizzle-orm';
import { meetingItems, meetings, problems, projects, supervisionReplies, supervisions } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import { demoTimestamp as ts, prng, type DemoContext } from './demo-context';

// Two 调度会 of the demo: last month's 月调度会, closed, whose decisions on the problems escalated to
// 市级协调会/市主要领导 became 督办 (one already 已办结, one replied, the rest open — all within their
// time limits, so no light moves), and next week's 周调度会, planned. Seeded last with a PRNG of its
// own, so no other draw of the demo moves.

const DECISIONS = [
  '由责任单位牵头，会同市自然资源局、市住建局现场办公，倒排工期，按期解决',
  '市发改委协调要素保障，责任单位每周报送进展，逾期提请市政府专题研究',
  '责任单位主要领导包保推进，市督查室跟踪督办，办结后报市政府',
  '市财政局会同责任单位研究资金筹措方案，优先保障项目续建资金需求',
  '市生态环境局、市自然资源局开辟绿色通道，并联审批，限时办结',
];

const ATTENDEES =
  '市发改委、市自然资源局、市住建局、市生态环境局、市财政局、市商务局主要负责同志，各县（市）区、开发区分管负责同志';

export function seedDemoMeetings(context: DemoContext) {
  const { tx, today } = context;
  const rand = prng(2026_0315);
  const chair = context.leaders[0];
  if (!chair) return;
  const heldOn = addDaysIso(today, -rand.int(24, 30));
  const [year, month] = heldOn.split('-').map(Number);
  const closedAt = ts(heldOn, 9);
  const held = tx
    .insert(meetings)
    .values({
      date: heldOn,
      kind: 'monthly',
      title: `全市重点项目${year}年${month}月调度会`,
      chairId: chair.id,
      attendees: ATTENDEES,
      location: '市政府第一会议室',
      status: 'closed',
      closedAt,
      createdBy: chair.id,
      version: 3,
      createdAt: ts(addDaysIso(heldOn, -3)),
      updatedAt: closedAt,
    })
    .returning()
    .get();

  // The escalated problems of the demo, a few of them on last month's agenda.
  const escalated = tx
    .select({
      id: problems.id,
      projectId: problems.projectId,
      unitId: problems.unitId,
      description: problems.description,
      projectName: projects.name,
      ownerId: projects.ownerId,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(eq(problems.status, 'open'), inArray(problems.level, ['city_meeting', 'city_leader'])))
    .orderBy(asc(problems.id))
    .all()
    .filter((row) => row.ownerId != null)
    .slice(0, 4);

  escalated.forEach((problem, index) => {
    const decided = index < 3;
    const deadline = decided ? addDaysIso(today, rand.int(5, 25)) : null;
    const decision = decided ? rand.pick(DECISIONS) : null;
    const item = tx
      .insert(meetingItems)
      .values({
        meetingId: held.id,
        projectId: problem.projectId,
        problemId: problem.id,
        subject: `问题：${problem.projectName}——${problem.description}`,
        decision,
        responsibleUnitId: decided ? problem.unitId : null,
        assigneeId: decided ? problem.ownerId : null,
        deadline,
        sortOrder: index + 1,
        createdAt: ts(addDaysIso(heldOn, -1)),
        updatedAt: closedAt,
      })
      .returning()
      .get();
    if (!decided || !deadline || !decision) return;
    // 0: 已办结, 1: replied, 2: open.
    const status = index === 0 ? 'done' : index === 1 ? 'replied' : 'open';
    const order = tx
      .insert(supervisions)
      .values({
        projectId: problem.projectId,
        content: `【${held.title}】${decision}`,
        deadline,
        status,
        issuedBy: chair.id,
        assigneeId: problem.ownerId,
        closedAt: status === 'done' ? ts(addDaysIso(heldOn, 12), 8) : null,
        version: status === 'open' ? 1 : status === 'replied' ? 2 : 3,
        createdAt: closedAt,
        updatedAt: closedAt,
      })
      .returning()
      .get();
    if (status !== 'open')
      tx.insert(supervisionReplies)
        .values({
          supervisionId: order.id,
          byUserId: problem.ownerId!,
          at: ts(addDaysIso(heldOn, 8), 7),
          kind: 'reply',
          text: '已召开专题推进会，相关手续正在办理，预计按期完成。',
        })
        .run();
    if (status === 'done')
      tx.insert(supervisionReplies)
        .values({
          supervisionId: order.id,
          byUserId: chair.id,
          at: ts(addDaysIso(heldOn, 12), 8),
          kind: 'done',
          text: '已办结',
        })
        .run();
    tx.update(meetingItems).set({ supervisionId: order.id }).where(eq(meetingItems.id, item.id)).run();
  });

  const nextOn = addDaysIso(today, 7);
  const planned = tx
    .insert(meetings)
    .values({
      date: nextOn,
      kind: 'weekly',
      title: `全市重点项目周调度会（${Number(nextOn.slice(5, 7))}月${Number(nextOn.slice(8, 10))}日）`,
      chairId: chair.id,
      attendees: ATTENDEES,
      location: '市政府第三会议室',
      status: 'planned',
      createdBy: chair.id,
      createdAt: ts(today),
      updatedAt: ts(today),
    })
    .returning()
    .get();
  tx.insert(meetingItems)
    .values({
      meetingId: planned.id,
      subject: '听取各县（市）区、开发区重点项目开复工和投资完成情况汇报',
      sortOrder: 1,
      createdAt: ts(today),
      updatedAt: ts(today),
    })
    .run();
}
