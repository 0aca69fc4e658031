import { eq } from 'drizzle-orm';
import {
  approvalItems,
  monthlyReports,
  projects,
  projectStagePlans,
  projectYearPlans,
  stageHistory,
  tasks,
} from '../schema';
import { APPROVAL_TEMPLATE } from '@/lib/rules/approvals';
import { addDaysIso, monthOf, previousMonth } from '@/lib/rules/dates';
import { CATEGORIES, STAGES, type Category, type Stage } from '@/lib/rules/enums';
import { demoTimestamp as ts, type DemoContext, type DrawnProject } from './demo-context';
import { PHASES, PROJECT_NAMES, UNITS } from './reference';

// The demo projects and what hangs off each one: year plans, stage history and plans, 前期手续,
// tasks and monthly reports. Every random draw happens in the order the seed always made it.

/** The 未批先建 demo project has the first four 前期手续 items done and the last four open. */
const OVERRIDE_DEMO_DONE_ITEMS = 4;
const OVERRIDE_DEMO_DUE_OFFSETS = [-40, -5, 25, 60];
const OVERRIDE_OPEN_ITEMS = APPROVAL_TEMPLATE.slice(OVERRIDE_DEMO_DONE_ITEMS).map((item) => item.name);

const STAGE_PLAN: Stage[] = [
  ...Array<Stage>(30).fill('reserve'),
  ...Array<Stage>(15).fill('signed'),
  ...Array<Stage>(32).fill('approvals'),
  ...Array<Stage>(43).fill('construction'),
  ...Array<Stage>(15).fill('completed'),
  ...Array<Stage>(15).fill('operating'),
];

/** One seeded project. */
interface DemoProject extends DrawnProject {
  nature: string;
  category: Category;
  /** 未批先建: moved into 开工建设 by an override with its last four 前期手续 items open. */
  overrideDemo: boolean;
  /** Drawn as a 双十 candidate (the packages are seeded from these). */
  shuangshi: boolean;
  /** The 上争 amounts drawn for a higher-level project (seeded as a funding application). */
  funding: {
    applicationStatus: 'planning' | 'applied' | 'approved' | 'rejected' | null;
    appliedFunds: number | null;
    grantedFunds: number | null;
  };
}

/** A seeded demo project as drawn: what the 双十 packages and the 上争 applications are seeded from. */
export type SeededDemoProject = DemoProject & { status: string };

/**
 * Seeds the 150 demo projects with their checklists, plans and history; returns their ids. Each
 * project as drawn is also pushed onto `seeded` when given.
 */
export function seedDemoProjects(context: DemoContext, seeded?: SeededDemoProject[]): number[] {
  const projectIds: number[] = [];
  let overrideDemoId: number | null = null;
  STAGE_PLAN.forEach((stage, index) => {
    const project = insertDemoProject(context, stage, index);
    projectIds.push(project.id);
    // Exactly one project, the first active one under construction, is the 未批先建 demo.
    project.overrideDemo = stage === 'construction' && project.status === 'active' && overrideDemoId === null;
    if (project.overrideDemo) overrideDemoId = project.id;
    seedProjectParts(context, project);
    seeded?.push(project);
  });
  return projectIds;
}

/** What hangs off a project: year plans, stage history and plans, 前期手续, tasks and monthly reports. */
function seedProjectParts(context: DemoContext, project: DemoProject) {
  seedYearPlans(context, project);
  seedStageHistory(context, project);
  seedStagePlans(context, project);
  seedApprovalItems(context, project);
  seedTasks(context, project);
  seedMonthlyReports(context, project);
}

/** A project named by the caller: its unit, industry and category; the rest is drawn as for every project. */
export interface DemoProjectSpec {
  name: string;
  unitName: string;
  industryName: string;
  category: Category;
  /** Days since the project entered its stage (else drawn, up to 420). */
  enteredDaysAgo?: number;
  /** 总投资 (万元), else drawn. */
  totalInvestment?: number;
}

/**
 * One more demo project through the same pipeline (drawn figures, history, plans, 前期手续, tasks,
 * reports), for the parts of the demo seeded after the 150 (the 双十 packages' sub-projects).
 * `index` only varies the project code; use numbers past 150.
 */
export function seedExtraDemoProject(
  context: DemoContext,
  stage: Stage,
  index: number,
  spec: DemoProjectSpec,
): SeededDemoProject {
  const project = insertDemoProject(context, stage, index, spec);
  seedProjectParts(context, project);
  return project;
}

function insertDemoProject(
  context: DemoContext,
  stage: Stage,
  index: number,
  spec?: DemoProjectSpec,
): SeededDemoProject {
  const { tx, rand, today, unitByName, industryByName, leaders, officersByUnit, admin } = context;
  const [baseName, unitName, industryName] = spec
    ? [spec.name, spec.unitName, spec.industryName]
    : PROJECT_NAMES[index % PROJECT_NAMES.length];
  const round = spec ? 0 : Math.floor(index / PROJECT_NAMES.length);
  const name = round === 0 ? baseName : `${baseName.replace(/(二期|三期)$/, '')}${PHASES[round] || `${round + 1}期`}`;
  // Spread repeated names over other units so every unit holds projects.
  const unit =
    round === 0
      ? unitByName.get(unitName)!
      : rand.pick(UNITS.slice(0, 14).map((candidate) => unitByName.get(candidate.name)!));
  const industry = industryByName.get(industryName)!;
  const category: Category = spec
    ? spec.category
    : stage === 'signed'
      ? 'attraction'
      : index % 7 === 3
        ? 'higher_level'
        : index % 3 === 0
          ? 'attraction'
          : rand.pick(CATEGORIES);
  const drawnTotal =
    rand.pick([8_000, 12_000, 25_000, 50_000, 80_000, 120_000, 200_000, 350_000, 600_000]) + rand.int(0, 40) * 500;
  const total = spec?.totalInvestment ?? drawnTotal;
  const stageIdx = STAGES.indexOf(stage);
  const planned = stage === 'reserve' ? 0 : Math.round((total * rand.int(15, 45)) / 100);
  const completedShare = [0, 0, rand.int(0, 8), rand.int(15, 80), 100, 100][stageIdx];
  const completed = Math.round((total * completedShare) / 100);
  const createdDaysAgo = rand.int(60, 900);
  const createdDate = addDaysIso(today, -createdDaysAgo);
  const drawnEntered = stage === 'reserve' ? rand.int(10, 500) : rand.int(10, 420);
  const enteredDaysAgo = Math.min(createdDaysAgo - 5, spec?.enteredDaysAgo ?? drawnEntered);
  const enteredDate = addDaysIso(today, -Math.max(5, enteredDaysAgo));
  const dueOffset = rand.chance(0.14) ? -rand.int(3, 60) : rand.chance(0.12) ? rand.int(1, 14) : rand.int(30, 300);
  const stageDue = stage === 'operating' ? null : addDaysIso(today, dueOffset);
  const owners = officersByUnit.get(unit.id) ?? [];
  const ownerId = owners.length ? rand.pick(owners) : null;
  const code =
    rand.chance(0.7) && stage !== 'reserve'
      ? `${createdDate.slice(2, 4)}${createdDate.slice(5, 7)}-${/^\d{6}$/.test(unit.code) ? unit.code : '220200'}-${rand.pick(['04', '03', '06'])}-${rand.pick(['01', '02', '03'])}-${String(100000 + index * 37).slice(0, 6)}`
      : null;
  // Drawn in the order the seed always drew them; 双十 and 上争 now live in their own tables.
  const drawn = {
    code,
    name,
    category,
    shuangshi: category !== 'higher_level' && rand.chance(0.35),
    nature: stageIdx >= 3 && rand.chance(0.6) ? ('continuing' as const) : ('new' as const),
    stage,
    status: rand.chance(0.04) ? ('suspended' as const) : ('active' as const),
    unitId: unit.id,
    industryId: industry.id,
    leaderId: rand.pick(leaders).id,
    ownerId,
    location: `${unit.name}${rand.pick(['城区', '工业园区', '新区', '经济开发区'])}`,
    description: `${name}，建设内容包括主体工程、配套设施及相关基础设施。`,
    totalInvestment: total,
    plannedInvestmentThisYear: planned,
    // Without reports the opening figure is all of it; with reports it is set in seedMonthlyReports.
    openingInvestment: completed,
    completedInvestment: completed,
    fundsInPlace: stageIdx >= 3 && rand.chance(0.7) ? Math.round(completed * (rand.int(80, 110) / 100)) : null,
    plannedStartDate: stageIdx <= 2 ? addDaysIso(today, rand.int(20, 200)) : addDaysIso(enteredDate, -rand.int(0, 30)),
    plannedCompletionDate: addDaysIso(today, rand.int(-100, 900)),
    applicationStatus:
      category === 'higher_level' ? rand.pick(['planning', 'applied', 'approved', 'rejected'] as const) : null,
    appliedFunds: category === 'higher_level' ? Math.round(total * 0.2) : null,
    grantedFunds: category === 'higher_level' && rand.chance(0.5) ? Math.round(total * 0.12) : null,
    taskForce: `${rand.pick(leaders).name}（组长）、${unit.name}发改局、${unit.name}自然资源分局、项目单位`,
    plan: '按照"六个一"包保机制，倒排工期、挂图作战，每月调度一次，重大问题提交市级协调会研究解决。',
    stageEnteredAt: ts(enteredDate),
    stageDueDate: stageDue,
    createdBy: admin.id,
    createdAt: ts(createdDate),
    updatedAt: ts(enteredDate),
  };
  const { shuangshi, applicationStatus, appliedFunds, grantedFunds, ...columns } = drawn;
  const row = tx
    .insert(projects)
    .values(columns)
    .returning({ id: projects.id, status: projects.status, nature: projects.nature })
    .get();
  return {
    ...row,
    shuangshi,
    funding: { applicationStatus, appliedFunds, grantedFunds },
    stage,
    stageIdx,
    category,
    total,
    planned,
    completed,
    createdDate,
    createdDaysAgo,
    enteredDate,
    enteredDaysAgo,
    dueOffset,
    stageDue,
    ownerId,
    overrideDemo: false,
  };
}

/** 年度计划: this year's plan, and last year's for a continuing project (kept on record). */
function seedYearPlans({ tx, today }: DemoContext, project: DemoProject) {
  const year = Number(today.slice(0, 4));
  tx.insert(projectYearPlans).values({ projectId: project.id, year, plannedInvestment: project.planned }).run();
  if (project.nature === 'continuing') {
    tx.insert(projectYearPlans)
      .values({
        projectId: project.id,
        year: year - 1,
        plannedInvestment: Math.round((project.total * (10 + (project.id % 25))) / 100),
      })
      .run();
  }
}

/** History: one row per stage passed; the 未批先建 project entered construction by an override. */
function seedStageHistory({ tx, admin }: DemoContext, project: DemoProject) {
  const { stage, category, createdDate, enteredDate } = project;
  const path = STAGES.slice(0, project.stageIdx + 1).filter(
    (pathStage) => !(pathStage === 'signed' && category === 'government' && stage !== 'signed'),
  );
  const span = Math.max(1, project.createdDaysAgo - project.enteredDaysAgo);
  path.forEach((pathStage, step) => {
    const at =
      step === path.length - 1 ? enteredDate : addDaysIso(createdDate, Math.floor((span * step) / path.length));
    const overridden = project.overrideDemo && pathStage === 'construction';
    tx.insert(stageHistory)
      .values({
        projectId: project.id,
        fromStage: step === 0 ? null : path[step - 1],
        toStage: pathStage,
        at: ts(at, 10),
        byUserId: project.ownerId ?? admin.id,
        reason: step === 0 ? '项目入库' : overridden ? '市政府专题会议同意先行开工，前期手续限期补办' : null,
        override: overridden,
        openItems: overridden ? OVERRIDE_OPEN_ITEMS : null,
        // The planned finish of the stage left, so on-time rates have data: about one move in four was late.
        fromStageDueDate: step === 0 ? null : addDaysIso(at, (project.id + step) % 4 === 0 ? -12 : 20),
      })
      .run();
  });
}

/** 时间表: one planned date per stage still ahead. */
function seedStagePlans({ tx, rand, today }: DemoContext, project: DemoProject) {
  STAGES.slice(project.stageIdx).forEach((planStage, step) => {
    if (planStage === 'operating') return;
    const due = step === 0 ? project.stageDue : addDaysIso(today, project.dueOffset + 120 * step + rand.int(0, 60));
    if (due) tx.insert(projectStagePlans).values({ projectId: project.id, stage: planStage, dueDate: due }).run();
  });
}

/** 前期手续: done before construction; partly done while in approvals. */
function seedApprovalItems({ tx, rand, today }: DemoContext, project: DemoProject) {
  const { stage, stageIdx, enteredDate } = project;
  APPROVAL_TEMPLATE.forEach((item, itemIndex) => {
    let status: 'pending' | 'in_progress' | 'done' | 'not_applicable' = 'pending';
    if (stageIdx >= 3) status = rand.chance(0.1) ? 'not_applicable' : 'done';
    else if (stage === 'approvals')
      status = itemIndex < rand.int(1, 6) ? 'done' : rand.chance(0.4) ? 'in_progress' : 'pending';
    else if (stage === 'signed' && itemIndex === 0) status = 'in_progress';
    // The random draws are made as for every project, so the rest of the demo stays the same.
    let dueDate = stageIdx <= 2 ? addDaysIso(today, rand.int(-20, 150)) : null;
    let doneDate = status === 'done' ? addDaysIso(enteredDate, -rand.int(1, 120)) : null;
    if (project.overrideDemo) {
      const open = itemIndex >= OVERRIDE_DEMO_DONE_ITEMS;
      status = open ? (itemIndex % 2 === 0 ? 'in_progress' : 'pending') : 'done';
      // The 补办 deadlines set at the override: one long past (red), one just past, two ahead.
      dueDate = open
        ? addDaysIso(today, OVERRIDE_DEMO_DUE_OFFSETS[itemIndex - OVERRIDE_DEMO_DONE_ITEMS])
        : addDaysIso(enteredDate, -60);
      doneDate = open ? null : (doneDate ?? addDaysIso(enteredDate, -30));
    }
    tx.insert(approvalItems)
      .values({
        projectId: project.id,
        kind: item.kind,
        name: item.name,
        sortOrder: itemIndex + 1,
        status,
        office: item.office,
        dueDate,
        doneDate,
      })
      .run();
  });
}

const TASK_TITLES = [
  '完成可研报告编制',
  '协调用地指标',
  '办理环评批复',
  '组织施工招标',
  '落实配套资金',
  '完成管网接入',
  '设备采购安装',
  '组织竣工验收',
];

/** 任务清单: a few tasks for projects under way, some overdue. */
function seedTasks({ tx, rand, today, admin }: DemoContext, project: DemoProject) {
  if (project.stageIdx < 1 || project.stageIdx > 4) return;
  // The bound is drawn again on every pass, as the seed always did.
  for (let taskIndex = 0; taskIndex < rand.int(1, 4); taskIndex++) {
    const due = addDaysIso(today, rand.chance(0.18) ? -rand.int(1, 40) : rand.int(2, 120));
    const done = rand.chance(0.3);
    tx.insert(tasks)
      .values({
        projectId: project.id,
        title: rand.pick(TASK_TITLES),
        ownerId: project.ownerId,
        dueDate: due,
        state: done ? 'done' : 'open',
        doneAt: done ? ts(addDaysIso(today, -rand.int(1, 20))) : null,
        createdBy: project.ownerId ?? admin.id,
      })
      .run();
  }
}

const REPORT_NARRATIVES = [
  '主体结构施工中，完成基础浇筑',
  '设备进场安装调试',
  '完成场地平整和临时设施建设',
  '前期手续加快办理，施工图设计完成',
  '钢结构吊装完成过半',
];

/** 进度清单: monthly reports since January (or since the project entered), some missing last month. */
function seedMonthlyReports({ tx, rand, today, admin }: DemoContext, project: DemoProject) {
  if (project.stageIdx < 1 || project.stageIdx > 3) return;
  const { completed, planned, total, createdDate } = project;
  const yearStart = `${today.slice(0, 4)}-01`;
  const lastMonth = previousMonth(monthOf(today));
  const firstMonth = monthOf(createdDate) > yearStart ? monthOf(createdDate) : yearStart;
  const missesLast = rand.chance(0.18);
  const opening = Math.max(0, completed - Math.round(planned * 0.8));
  let cumulative = opening;
  const months: string[] = [];
  for (let month = lastMonth; month >= firstMonth; month = previousMonth(month)) months.unshift(month);
  const reportMonths = months.filter((month) => !(missesLast && month === lastMonth));
  const perMonth = reportMonths.length ? Math.max(0, Math.round((completed - cumulative) / reportMonths.length)) : 0;
  reportMonths.forEach((month, monthIndex) => {
    const amount = monthIndex === reportMonths.length - 1 ? Math.max(0, completed - cumulative) : perMonth;
    cumulative += amount;
    tx.insert(monthlyReports)
      .values({
        projectId: project.id,
        month,
        investmentThisMonth: amount,
        cumulativeInvestment: cumulative,
        progressPercent: Math.min(100, Math.round((cumulative / Math.max(1, total)) * 100)),
        narrative: rand.pick(REPORT_NARRATIVES),
        createdBy: project.ownerId ?? admin.id,
        createdAt: ts(`${month}-28`),
      })
      .run();
  });
  // One source of completed investment: opening + the reports.
  if (reportMonths.length)
    tx.update(projects)
      .set({ openingInvestment: opening, completedInvestment: cumulative })
      .where(eq(projects.id, project.id))
      .run();
}
