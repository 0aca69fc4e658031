import { eq } from 'drizzle-orm';
import { problemEvents, problems, projects, supervisionReplies, supervisions } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import { PROBLEM_LEVELS, PROBLEM_TYPES } from '@/lib/rules/enums';
import { demoTimestamp as ts, type DemoContext } from './demo-context';

const PROBLEM_DESCRIPTIONS: Record<string, string[]> = {
  land: ['项目用地指标不足，需调剂建设用地指标', '征地补偿标准未达成一致'],
  funding: ['配套资金未落实到位', '银行贷款审批进度缓慢'],
  approval: ['环评批复需补充材料，进度滞后', '施工许可证办理卡在消防审查环节'],
  relocation: ['项目红线内尚有12户居民未完成拆迁', '厂区旧厂房拆除进度滞后'],
  utilities: ['66千伏变电站尚未建成，供电不能满足施工需要', '园区道路和供水管网未接通'],
  other: ['施工单位人员不足', '设备进口通关时间延长'],
};

/** 问题清单: problems on projects under way; some escalated, some closed, some overdue. */
export function seedDemoProblems(context: DemoContext, projectIds: number[]) {
  for (let problemIndex = 0; problemIndex < 42; problemIndex++) seedDemoProblem(context, projectIds);
}

function seedDemoProblem({ tx, rand, today, unitByName, leaders, admin }: DemoContext, projectIds: number[]) {
  const projectId = projectIds[rand.int(30, projectIds.length - 31)];
  const project = tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
  const type = rand.pick(PROBLEM_TYPES);
  const createdDate = addDaysIso(today, -rand.int(3, 80));
  const levelIndex = rand.int(0, 3) - (rand.chance(0.5) ? 1 : 0);
  const level = PROBLEM_LEVELS[Math.max(0, levelIndex)];
  const closed = rand.chance(0.35);
  const deadline = addDaysIso(today, rand.chance(0.25) ? -rand.int(1, 20) : rand.int(1, 45));
  const raiser = project.ownerId ?? admin.id;
  const problem = tx
    .insert(problems)
    .values({
      projectId,
      type,
      description: rand.pick(PROBLEM_DESCRIPTIONS[type]),
      unitId: rand.chance(0.5)
        ? project.unitId
        : unitByName.get(rand.pick(['市发改委', '市自然资源局', '市住建局', '市生态环境局']))!.id,
      deadline,
      level,
      status: closed ? 'closed' : 'open',
      resolution: closed ? '经市级协调会研究，责任单位已落实解决方案，问题销号。' : null,
      raisedBy: raiser,
      closedAt: closed ? ts(addDaysIso(today, -rand.int(0, 2))) : null,
      closedBy: closed ? raiser : null,
      createdAt: ts(createdDate),
      updatedAt: ts(createdDate),
    })
    .returning({ id: problems.id })
    .get();
  tx.insert(problemEvents)
    .values({
      problemId: problem.id,
      at: ts(createdDate),
      byUserId: raiser,
      action: 'raised',
      toLevel: 'county',
      note: null,
    })
    .run();
  for (let escalation = 1; escalation <= PROBLEM_LEVELS.indexOf(level); escalation++) {
    tx.insert(problemEvents)
      .values({
        problemId: problem.id,
        at: ts(addDaysIso(createdDate, escalation * 2)),
        byUserId: rand.pick(leaders).id,
        action: 'escalated',
        fromLevel: PROBLEM_LEVELS[escalation - 1],
        toLevel: PROBLEM_LEVELS[escalation],
        note: '县区层面无法解决，提请上一级协调',
      })
      .run();
  }
  if (closed) {
    tx.insert(problemEvents)
      .values({
        problemId: problem.id,
        at: ts(addDaysIso(today, -1)),
        byUserId: raiser,
        action: 'closed',
        note: '问题已解决，申请销号',
      })
      .run();
  }
}

const SUPERVISION_CONTENTS = [
  '加快施工许可办理，本月底前开工',
  '落实配套资金，按期报送进度',
  '协调解决拆迁遗留问题',
  '按计划完成设备安装调试',
];

/** 督办: a few supervision orders from leaders, some replied to, some done. */
export function seedDemoSupervisions(context: DemoContext, projectIds: number[]) {
  for (let orderIndex = 0; orderIndex < 12; orderIndex++) seedDemoSupervision(context, projectIds);
}

function seedDemoSupervision({ tx, rand, today, leaders }: DemoContext, projectIds: number[]) {
  const projectId = projectIds[rand.int(45, projectIds.length - 31)];
  const project = tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
  const leader = rand.pick(leaders);
  const createdDate = addDaysIso(today, -rand.int(2, 30));
  const status = rand.pick(['open', 'open', 'replied', 'done'] as const);
  const order = tx
    .insert(supervisions)
    .values({
      projectId,
      content: rand.pick(SUPERVISION_CONTENTS),
      deadline: addDaysIso(today, rand.chance(0.3) ? -rand.int(1, 10) : rand.int(2, 30)),
      status,
      issuedBy: leader.id,
      assigneeId: project.ownerId,
      closedAt: status === 'done' ? ts(today) : null,
      createdAt: ts(createdDate),
      updatedAt: ts(createdDate),
    })
    .returning({ id: supervisions.id })
    .get();
  if (status !== 'open' && project.ownerId) {
    tx.insert(supervisionReplies)
      .values({
        supervisionId: order.id,
        byUserId: project.ownerId,
        at: ts(addDaysIso(createdDate, 2)),
        kind: 'reply',
        text: '已按要求推进，预计按期完成。',
      })
      .run();
  }
  if (status === 'done') {
    tx.insert(supervisionReplies)
      .values({ supervisionId: order.id, byUserId: leader.id, at: ts(today), kind: 'done', text: '已办结' })
      .run();
  }
}
