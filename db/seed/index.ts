import { eq, sql } from 'drizzle-orm';
import type { DB } from '../index';
import { writeAudit } from '../audit';
import {
  annualTargets,
  approvalItems,
  campaignLeaders,
  campaigns,
  industries,
  leadFollowups,
  leads,
  leadStageHistory,
  monthlyReports,
  projectYearPlans,
  problemEvents,
  problems,
  projects,
  projectStagePlans,
  settings,
  stageHistory,
  supervisionReplies,
  supervisions,
  tasks,
  units,
  users,
} from '../schema';
import { APPROVAL_TEMPLATE } from '@/lib/rules/approvals';
import { addDaysIso, monthOf, previousMonth, today as todayIso } from '@/lib/rules/dates';
import {
  CATEGORIES,
  FOLLOWUP_KINDS,
  PROBLEM_LEVELS,
  PROBLEM_TYPES,
  STAGES,
  type Category,
  type LeadStage,
  type Stage,
} from '@/lib/rules/enums';
import { hashPassword } from '@/lib/auth/password';
import { backfillDemoLightHistory } from './light-history';
import { loadLightFacts, storeLights } from '../light-facts';
import { CAMPAIGNS, DEMO_ACCOUNTS, DEMO_PASSWORD, EXTRA_USERS, INDUSTRIES, LEAD_COMPANIES, PHASES, PROJECT_NAMES, TARGETS_2018, UNITS } from './reference';

// The demo data: deterministic for a given `today` (a seeded PRNG) and idempotent (reference
// rows are upserted by natural key; demo content is written once, marked in settings).

const DEMO_MARKER = 'demo_seeded_at';
/** The 未批先建 demo project has the first four 前期手续 items done and the last four open. */
const OVERRIDE_DEMO_DONE_ITEMS = 4;
const OVERRIDE_DEMO_DUE_OFFSETS = [-40, -5, 25, 60];

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

export interface SeedOptions {
  /** Reference data only (units, industries, targets), no accounts or demo content. */
  referenceOnly?: boolean;
  today?: string;
  log?: (line: string) => void;
}

export interface SeedResult {
  seededDemo: boolean;
}

export function seedReference(db: DB, year: number): void {
  db.transaction((tx) => {
    UNITS.forEach((unit, index) => {
      tx.insert(units)
        .values({ ...unit, sortOrder: index + 1 })
        .onConflictDoNothing({ target: units.code })
        .run();
    });
    INDUSTRIES.forEach((name, index) => {
      tx.insert(industries).values({ name, sortOrder: index + 1 }).onConflictDoNothing({ target: industries.name }).run();
    });
    tx.insert(annualTargets).values(TARGETS_2018).onConflictDoNothing({ target: annualTargets.year }).run();
    if (year !== 2018) {
      tx.insert(annualTargets)
        .values({ ...TARGETS_2018, year, note: `演示数据：沿用2018年政府工作报告目标。${TARGETS_2018.note}` })
        .onConflictDoNothing({ target: annualTargets.year })
        .run();
    }
  });
}

export async function seedDemo(db: DB, options: SeedOptions = {}): Promise<SeedResult> {
  const today = options.today ?? todayIso();
  const log = options.log ?? (() => {});
  seedReference(db, Number(today.slice(0, 4)));
  if (options.referenceOnly) return { seededDemo: false };
  if (db.select().from(settings).where(eq(settings.key, DEMO_MARKER)).get()) return { seededDemo: false };

  const unitByName = new Map(db.select().from(units).all().map((u) => [u.name, u]));
  const industryByName = new Map(db.select().from(industries).all().map((i) => [i.name, i]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accountRows = [...DEMO_ACCOUNTS, ...EXTRA_USERS];

  db.transaction((tx) => {
    for (const account of accountRows) {
      tx.insert(users)
        .values({
          username: account.username,
          name: account.name,
          role: account.role,
          unitId: account.unit ? unitByName.get(account.unit)!.id : null,
          team: account.team,
          passwordHash,
        })
        .onConflictDoNothing({ target: users.username })
        .run();
    }
  });
  const userRows = db.select().from(users).all();
  const leaders = userRows.filter((u) => u.role === 'leader');
  const officersByUnit = new Map<number, number[]>();
  for (const u of userRows.filter((u) => u.role === 'officer' && u.unitId)) {
    officersByUnit.set(u.unitId!, [...(officersByUnit.get(u.unitId!) ?? []), u.id]);
  }
  const investmentUsers = userRows.filter((u) => u.role === 'investment');
  const admin = userRows.find((u) => u.username === 'admin')!;

  const rand = prng(2018_0117);
  const stagePlan: Stage[] = [
    ...Array<Stage>(30).fill('reserve'),
    ...Array<Stage>(15).fill('signed'),
    ...Array<Stage>(32).fill('approvals'),
    ...Array<Stage>(43).fill('construction'),
    ...Array<Stage>(15).fill('completed'),
    ...Array<Stage>(15).fill('operating'),
  ];
  const yearStart = `${today.slice(0, 4)}-01`;
  const thisMonth = monthOf(today);
  const lastMonth = previousMonth(thisMonth);
  const ts = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  const projectIds: number[] = [];
  let overrideDemoId: number | null = null;
  const overrideOpenItems = APPROVAL_TEMPLATE.slice(OVERRIDE_DEMO_DONE_ITEMS).map((item) => item.name);
  db.transaction((tx) => {
    stagePlan.forEach((stage, index) => {
      const [baseName, unitName, industryName] = PROJECT_NAMES[index % PROJECT_NAMES.length];
      const round = Math.floor(index / PROJECT_NAMES.length);
      const name = round === 0 ? baseName : `${baseName.replace(/(二期|三期)$/, '')}${PHASES[round] || `${round + 1}期`}`;
      // Spread repeated names over other units so every unit holds projects.
      const unit = round === 0 ? unitByName.get(unitName)! : rand.pick(UNITS.slice(0, 14).map((u) => unitByName.get(u.name)!));
      const industry = industryByName.get(industryName)!;
      const category: Category =
        stage === 'signed' ? 'attraction' : index % 7 === 3 ? 'higher_level' : index % 3 === 0 ? 'attraction' : rand.pick(CATEGORIES);
      const total = rand.pick([8_000, 12_000, 25_000, 50_000, 80_000, 120_000, 200_000, 350_000, 600_000]) + rand.int(0, 40) * 500;
      const stageIdx = STAGES.indexOf(stage);
      const planned = stage === 'reserve' ? 0 : Math.round((total * rand.int(15, 45)) / 100);
      const completedShare = [0, 0, rand.int(0, 8), rand.int(15, 80), 100, 100][stageIdx];
      const completed = Math.round((total * completedShare) / 100);
      const createdDaysAgo = rand.int(60, 900);
      const createdDate = addDaysIso(today, -createdDaysAgo);
      const enteredDaysAgo = Math.min(createdDaysAgo - 5, stage === 'reserve' ? rand.int(10, 500) : rand.int(10, 420));
      const enteredDate = addDaysIso(today, -Math.max(5, enteredDaysAgo));
      const dueOffset = rand.chance(0.14) ? -rand.int(3, 60) : rand.chance(0.12) ? rand.int(1, 14) : rand.int(30, 300);
      const stageDue = stage === 'operating' ? null : addDaysIso(today, dueOffset);
      const owners = officersByUnit.get(unit.id) ?? [];
      const ownerId = owners.length ? rand.pick(owners) : null;
      const code =
        rand.chance(0.7) && stage !== 'reserve'
          ? `${createdDate.slice(2, 4)}${createdDate.slice(5, 7)}-${/^\d{6}$/.test(unit.code) ? unit.code : '220200'}-${rand.pick(['04', '03', '06'])}-${rand.pick(['01', '02', '03'])}-${String(100000 + index * 37).slice(0, 6)}`
          : null;
      const project = tx
        .insert(projects)
        .values({
          code,
          name,
          category,
          shuangshi: category !== 'higher_level' && rand.chance(0.35),
          nature: stageIdx >= 3 && rand.chance(0.6) ? 'continuing' : 'new',
          stage,
          status: rand.chance(0.04) ? 'suspended' : 'active',
          unitId: unit.id,
          industryId: industry.id,
          leaderId: rand.pick(leaders).id,
          ownerId,
          location: `${unit.name}${rand.pick(['城区', '工业园区', '新区', '经济开发区'])}`,
          description: `${name}，建设内容包括主体工程、配套设施及相关基础设施。`,
          totalInvestment: total,
          plannedInvestmentThisYear: planned,
          // Without reports the opening figure is all of it; with reports it is set below.
          openingInvestment: completed,
          completedInvestment: completed,
          fundsInPlace: stageIdx >= 3 && rand.chance(0.7) ? Math.round(completed * (rand.int(80, 110) / 100)) : null,
          plannedStartDate: stageIdx <= 2 ? addDaysIso(today, rand.int(20, 200)) : addDaysIso(enteredDate, -rand.int(0, 30)),
          plannedCompletionDate: addDaysIso(today, rand.int(-100, 900)),
          applicationStatus: category === 'higher_level' ? rand.pick(['planning', 'applied', 'approved', 'rejected'] as const) : null,
          appliedFunds: category === 'higher_level' ? Math.round(total * 0.2) : null,
          grantedFunds: category === 'higher_level' && rand.chance(0.5) ? Math.round(total * 0.12) : null,
          taskForce: `${rand.pick(leaders).name}（组长）、${unit.name}发改局、${unit.name}自然资源分局、项目单位`,
          plan: '按照"六个一"包保机制，倒排工期、挂图作战，每月调度一次，重大问题提交市级协调会研究解决。',
          stageEnteredAt: ts(enteredDate),
          stageDueDate: stageDue,
          createdBy: admin.id,
          createdAt: ts(createdDate),
          updatedAt: ts(enteredDate),
        })
        .returning({ id: projects.id, status: projects.status, nature: projects.nature })
        .get();
      projectIds.push(project.id);
      // 未批先建: exactly one project, the first active one under construction, was moved into
      // 开工建设 by an override with its last four 前期手续 items still open (as the app records it).
      const overrideDemo = stage === 'construction' && project.status === 'active' && overrideDemoId === null;
      if (overrideDemo) overrideDemoId = project.id;

      // 年度计划: this year's plan, and last year's for a continuing project (kept on record).
      const year = Number(today.slice(0, 4));
      tx.insert(projectYearPlans).values({ projectId: project.id, year, plannedInvestment: planned }).run();
      if (project.nature === 'continuing') {
        tx.insert(projectYearPlans).values({ projectId: project.id, year: year - 1, plannedInvestment: Math.round((total * (10 + (project.id % 25))) / 100) }).run();
      }

      // 时间表 and history: one planned date per stage, one history row per stage passed.
      const path = STAGES.slice(0, stageIdx + 1).filter((s) => !(s === 'signed' && category === 'government' && stage !== 'signed'));
      const span = Math.max(1, createdDaysAgo - enteredDaysAgo);
      path.forEach((s, i) => {
        const at = i === path.length - 1 ? enteredDate : addDaysIso(createdDate, Math.floor((span * i) / path.length));
        const overridden = overrideDemo && s === 'construction';
        tx.insert(stageHistory)
          .values({
            projectId: project.id,
            fromStage: i === 0 ? null : path[i - 1],
            toStage: s,
            at: ts(at, 10),
            byUserId: ownerId ?? admin.id,
            reason: i === 0 ? '项目入库' : overridden ? '市政府专题会议同意先行开工，前期手续限期补办' : null,
            override: overridden,
            openItems: overridden ? overrideOpenItems : null,
            // The planned finish of the stage left, so on-time rates have data: about one move in four was late.
            fromStageDueDate: i === 0 ? null : addDaysIso(at, (project.id + i) % 4 === 0 ? -12 : 20),
          })
          .run();
      });
      STAGES.slice(stageIdx).forEach((s, i) => {
        if (s === 'operating') return;
        const due = i === 0 ? stageDue : addDaysIso(today, dueOffset + 120 * i + rand.int(0, 60));
        if (due) tx.insert(projectStagePlans).values({ projectId: project.id, stage: s, dueDate: due }).run();
      });

      // 前期手续: done before construction; partly done while in approvals.
      APPROVAL_TEMPLATE.forEach((item, i) => {
        let status: 'pending' | 'in_progress' | 'done' | 'not_applicable' = 'pending';
        if (stageIdx >= 3) status = rand.chance(0.1) ? 'not_applicable' : 'done';
        else if (stage === 'approvals') status = i < rand.int(1, 6) ? 'done' : rand.chance(0.4) ? 'in_progress' : 'pending';
        else if (stage === 'signed' && i === 0) status = 'in_progress';
        // The random draws are made as for every project, so the rest of the demo stays the same.
        let dueDate = stageIdx <= 2 ? addDaysIso(today, rand.int(-20, 150)) : null;
        let doneDate = status === 'done' ? addDaysIso(enteredDate, -rand.int(1, 120)) : null;
        if (overrideDemo) {
          const open = i >= OVERRIDE_DEMO_DONE_ITEMS;
          status = open ? (i % 2 === 0 ? 'in_progress' : 'pending') : 'done';
          // The 补办 deadlines set at the override: one long past (red), one just past, two ahead.
          dueDate = open ? addDaysIso(today, OVERRIDE_DEMO_DUE_OFFSETS[i - OVERRIDE_DEMO_DONE_ITEMS]) : addDaysIso(enteredDate, -60);
          doneDate = open ? null : (doneDate ?? addDaysIso(enteredDate, -30));
        }
        tx.insert(approvalItems)
          .values({
            projectId: project.id,
            kind: item.kind,
            name: item.name,
            sortOrder: i + 1,
            status,
            office: item.office,
            dueDate,
            doneDate,
          })
          .run();
      });

      // 任务清单: a few tasks for projects under way, some overdue.
      if (stageIdx >= 1 && stageIdx <= 4) {
        const taskTitles = ['完成可研报告编制', '协调用地指标', '办理环评批复', '组织施工招标', '落实配套资金', '完成管网接入', '设备采购安装', '组织竣工验收'];
        for (let t = 0; t < rand.int(1, 4); t++) {
          const due = addDaysIso(today, rand.chance(0.18) ? -rand.int(1, 40) : rand.int(2, 120));
          const done = rand.chance(0.3);
          tx.insert(tasks)
            .values({
              projectId: project.id,
              title: rand.pick(taskTitles),
              ownerId,
              dueDate: due,
              state: done ? 'done' : 'open',
              doneAt: done ? ts(addDaysIso(today, -rand.int(1, 20))) : null,
              createdBy: ownerId ?? admin.id,
            })
            .run();
        }
      }

      // 进度清单: monthly reports since January (or since the project entered), some missing last month.
      if (stageIdx >= 1 && stageIdx <= 3) {
        const firstMonth = monthOf(createdDate) > yearStart ? monthOf(createdDate) : yearStart;
        const missesLast = rand.chance(0.18);
        const opening = Math.max(0, completed - Math.round(planned * 0.8));
        let cumulative = opening;
        const months: string[] = [];
        for (let m = lastMonth; m >= firstMonth; m = previousMonth(m)) months.unshift(m);
        const reportMonths = months.filter((m) => !(missesLast && m === lastMonth));
        const perMonth = reportMonths.length ? Math.max(0, Math.round((completed - cumulative) / reportMonths.length)) : 0;
        reportMonths.forEach((month, i) => {
          const amount = i === reportMonths.length - 1 ? Math.max(0, completed - cumulative) : perMonth;
          cumulative += amount;
          tx.insert(monthlyReports)
            .values({
              projectId: project.id,
              month,
              investmentThisMonth: amount,
              cumulativeInvestment: cumulative,
              progressPercent: Math.min(100, Math.round((cumulative / Math.max(1, total)) * 100)),
              narrative: rand.pick(['主体结构施工中，完成基础浇筑', '设备进场安装调试', '完成场地平整和临时设施建设', '前期手续加快办理，施工图设计完成', '钢结构吊装完成过半']),
              createdBy: ownerId ?? admin.id,
              createdAt: ts(`${month}-28`),
            })
            .run();
        });
        // One source of completed investment: opening + the reports.
        if (reportMonths.length) tx.update(projects).set({ openingInvestment: opening, completedInvestment: cumulative }).where(eq(projects.id, project.id)).run();
      }
    });

    // 问题清单: problems on projects under way; some escalated, some closed, some overdue.
    const problemDescriptions: Record<string, string[]> = {
      land: ['项目用地指标不足，需调剂建设用地指标', '征地补偿标准未达成一致'],
      funding: ['配套资金未落实到位', '银行贷款审批进度缓慢'],
      approval: ['环评批复需补充材料，进度滞后', '施工许可证办理卡在消防审查环节'],
      relocation: ['项目红线内尚有12户居民未完成拆迁', '厂区旧厂房拆除进度滞后'],
      utilities: ['66千伏变电站尚未建成，供电不能满足施工需要', '园区道路和供水管网未接通'],
      other: ['施工单位人员不足', '设备进口通关时间延长'],
    };
    for (let i = 0; i < 42; i++) {
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
          description: rand.pick(problemDescriptions[type]),
          unitId: rand.chance(0.5) ? project.unitId : unitByName.get(rand.pick(['市发改委', '市自然资源局', '市住建局', '市生态环境局']))!.id,
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
      tx.insert(problemEvents).values({ problemId: problem.id, at: ts(createdDate), byUserId: raiser, action: 'raised', toLevel: 'county', note: null }).run();
      for (let l = 1; l <= PROBLEM_LEVELS.indexOf(level); l++) {
        tx.insert(problemEvents)
          .values({
            problemId: problem.id,
            at: ts(addDaysIso(createdDate, l * 2)),
            byUserId: rand.pick(leaders).id,
            action: 'escalated',
            fromLevel: PROBLEM_LEVELS[l - 1],
            toLevel: PROBLEM_LEVELS[l],
            note: '县区层面无法解决，提请上一级协调',
          })
          .run();
      }
      if (closed) {
        tx.insert(problemEvents)
          .values({ problemId: problem.id, at: ts(addDaysIso(today, -1)), byUserId: raiser, action: 'closed', note: '问题已解决，申请销号' })
          .run();
      }
    }

    // 督办: a few supervision orders from leaders.
    for (let i = 0; i < 12; i++) {
      const projectId = projectIds[rand.int(45, projectIds.length - 31)];
      const project = tx.select().from(projects).where(eq(projects.id, projectId)).get()!;
      const leader = rand.pick(leaders);
      const createdDate = addDaysIso(today, -rand.int(2, 30));
      const status = rand.pick(['open', 'open', 'replied', 'done'] as const);
      const order = tx
        .insert(supervisions)
        .values({
          projectId,
          content: rand.pick(['加快施工许可办理，本月底前开工', '落实配套资金，按期报送进度', '协调解决拆迁遗留问题', '按计划完成设备安装调试']),
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
          .values({ supervisionId: order.id, byUserId: project.ownerId, at: ts(addDaysIso(createdDate, 2)), kind: 'reply', text: '已按要求推进，预计按期完成。' })
          .run();
      }
      if (status === 'done') {
        tx.insert(supervisionReplies).values({ supervisionId: order.id, byUserId: leader.id, at: ts(today), kind: 'done', text: '已办结' }).run();
      }
    }

    // 招商: campaigns, leads across every stage, follow-ups.
    const campaignIds = CAMPAIGNS.map((campaign) => {
      const row = tx
        .insert(campaigns)
        .values({
          name: campaign.name,
          destinations: campaign.destinations,
          startDate: addDaysIso(today, campaign.days[0]),
          endDate: addDaysIso(today, campaign.days[1]),
          description: '市领导带队开展"招商季"活动，对接重点企业，推动签约落地。',
          createdBy: investmentUsers[0].id,
        })
        .onConflictDoNothing({ target: campaigns.name })
        .returning({ id: campaigns.id })
        .get();
      if (row) {
        for (const leader of leaders.slice(0, 2)) tx.insert(campaignLeaders).values({ campaignId: row.id, userId: leader.id }).run();
      }
      return row?.id ?? null;
    });
    const campaignFor = (origin: string) => {
      if (origin.startsWith('北京')) return campaignIds[0];
      if (origin.startsWith('广东')) return campaignIds[1];
      if (origin.startsWith('浙江')) return campaignIds[2];
      if (origin === '德国') return campaignIds[3];
      if (origin === '日本') return campaignIds[4];
      if (origin === '新加坡') return campaignIds[5];
      return null;
    };
    const leadStages: LeadStage[] = [
      ...Array<LeadStage>(16).fill('prospect'),
      ...Array<LeadStage>(14).fill('contacting'),
      ...Array<LeadStage>(12).fill('negotiating'),
      ...Array<LeadStage>(8).fill('signed'),
      ...Array<LeadStage>(5).fill('landed'),
      ...Array<LeadStage>(5).fill('dropped'),
    ];
    const attractionSigned = tx
      .select({ id: projects.id, unitId: projects.unitId })
      .from(projects)
      .where(sql`${projects.category} = 'attraction' and ${projects.stage} in ('signed', 'approvals')`)
      .all();
    leadStages.forEach((stage, index) => {
      const [company, origin, industryName] = LEAD_COMPANIES[index % LEAD_COMPANIES.length];
      const owner = investmentUsers[index % investmentUsers.length];
      const createdDate = addDaysIso(today, -rand.int(20, 300));
      const enteredDate = addDaysIso(today, -rand.int(3, 120));
      const path = (['prospect', 'contacting', 'negotiating', 'signed', 'landed'] as LeadStage[]).slice(
        0,
        stage === 'dropped' ? rand.int(1, 3) : ['prospect', 'contacting', 'negotiating', 'signed', 'landed'].indexOf(stage) + 1,
      );
      const landedProject = stage === 'landed' ? attractionSigned[index % Math.max(1, attractionSigned.length)] : undefined;
      const open = stage !== 'landed' && stage !== 'dropped';
      const lead = tx
        .insert(leads)
        .values({
          company,
          origin,
          contactName: rand.pick(['张总', '李经理', '王董事长', 'Müller 先生', '田中部长', '陈总监']),
          contactTitle: rand.pick(['总经理', '投资总监', '董事长', '战略发展部部长']),
          contactPhone: `13${rand.int(0, 9)}${String(rand.int(10000000, 99999999))}`,
          contactEmail: `contact${index + 1}@example.com`,
          industryId: industryByName.get(industryName)!.id,
          intendedInvestment: rand.pick([5_000, 10_000, 30_000, 50_000, 100_000, 200_000, 500_000]),
          proposedProject: `${industryName.replace(/（.*）/, '')}产业项目`,
          locationUnitId: landedProject?.unitId ?? unitByName.get(rand.pick(UNITS.slice(0, 14)).name)!.id,
          campaignId: campaignFor(origin),
          source: campaignFor(origin) ? null : rand.pick(['以商招商', '网上洽谈', '东北亚博览会', '中介机构推荐']),
          ownerId: owner.id,
          team: owner.team,
          stage,
          stageEnteredAt: ts(enteredDate),
          nextFollowUpDate: open ? addDaysIso(today, rand.chance(0.25) ? -rand.int(1, 20) : rand.int(1, 30)) : null,
          dropReason: stage === 'dropped' ? rand.pick(['企业投资方向调整', '选址未达成一致', '企业资金链紧张']) : null,
          signedAt: path.includes('signed') ? ts(addDaysIso(enteredDate, stage === 'signed' ? 0 : -10)) : null,
          projectId: landedProject?.id ?? null,
          createdAt: ts(createdDate),
          updatedAt: ts(enteredDate),
        })
        .returning({ id: leads.id })
        .get();
      if (landedProject) tx.update(projects).set({ leadId: lead.id }).where(eq(projects.id, landedProject.id)).run();
      const fullPath: LeadStage[] = stage === 'dropped' ? [...path, 'dropped'] : path;
      fullPath.forEach((s, i) => {
        tx.insert(leadStageHistory)
          .values({
            leadId: lead.id,
            fromStage: i === 0 ? null : fullPath[i - 1],
            toStage: s,
            at: ts(i === fullPath.length - 1 ? enteredDate : addDaysIso(createdDate, i * 7)),
            byUserId: owner.id,
            reason: s === 'dropped' ? '企业投资方向调整' : null,
          })
          .run();
      });
      for (let f = 0; f < rand.int(1, 4); f++) {
        const date = addDaysIso(createdDate, f * rand.int(7, 20));
        if (date > today) break;
        tx.insert(leadFollowups)
          .values({
            leadId: lead.id,
            date,
            kind: rand.pick(FOLLOWUP_KINDS),
            note: rand.pick(['电话沟通投资意向，企业表示有兴趣', '带队赴企业总部拜访', '企业来吉考察项目选址', '参加洽谈会，深入对接合作条件']),
            nextFollowUpDate: addDaysIso(date, 14),
            byUserId: owner.id,
          })
          .run();
      }
    });

    tx.insert(settings).values({ key: DEMO_MARKER, value: today }).run();
    writeAudit(tx, { userId: admin.id, action: 'create', entityType: 'seed', entityId: null, after: { projects: projectIds.length, leads: leadStages.length } });
  });

  refreshDemoLights(db, today);
  backfillDemoLightHistory(db, today);
  log(`已写入演示数据：${projectIds.length} 个项目，${60} 条招商线索。`);
  return { seededDemo: true };
}

/**
 * Stores every project's light as the app does (db/light-facts.ts), with the default settings, so
 * the seed needs no server-only module. Used by the demo and the city-scale generator
 * (scripts/generate-demo.ts).
 */
export function refreshDemoLights(db: DB, today: string) {
  const ids = db.select({ id: projects.id }).from(projects).all().map((row) => row.id);
  db.transaction((tx) => storeLights(tx, loadLightFacts(tx, ids, today), { today }));
}

export const DEMO_LOGINS = DEMO_ACCOUNTS.map((a) => ({ username: a.username, name: a.name, role: a.role, unit: a.unit }));
export { DEMO_PASSWORD };
