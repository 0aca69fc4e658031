// Writes a large, realistic database for the benchmark and for trying the platform at city scale:
//   npm run db:generate-demo -- --projects 14000 --leads 3000 --out data/bench.db
// It starts from the ordinary demo seed (accounts, units, the 150 hand-written projects) and adds
// generated projects with full checklists, tasks, monthly reports, history, problems and 督办,
// then leads. Plain prepared statements in one transaction keep it to seconds.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { closeDb, getDb, getSqlite } from '../db';
import { refreshDemoLights, seedDemo } from '../db/seed';
import { DEMO_PACKAGES } from '../db/seed/demo-packages';
import { PROJECT_NAMES, LEAD_COMPANIES } from '../db/seed/reference';
import { APPROVAL_TEMPLATE } from '../lib/rules/approvals';
import { addDaysIso, monthOf, previousMonth, today as todayIso } from '../lib/rules/dates';
import { CATEGORIES, LEAD_STAGES, STAGES, type Stage } from '../lib/rules/enums';
import { REPORTING_STAGES } from '../lib/rules/light';
import { demoTimestamp as ts, prng, type DrawnProject } from '../db/seed/demo-context';

function arg(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 && process.argv[position + 1] ? process.argv[position + 1] : fallback;
}

const projectTotal = Number(arg('projects', '14000'));
const leadTotal = Number(arg('leads', '3000'));
const out = path.resolve(arg('out', 'data/bench.db'));
const day = arg('today', todayIso());

// Every generated row draws from one PRNG in a fixed order: the generated database is the same for
// the same arguments. Reordering the steps below changes every row after.

type Rand = ReturnType<typeof prng>;
type People = ReturnType<typeof loadPeople>;
type Statements = ReturnType<typeof prepareStatements>;
interface Generator {
  rand: Rand;
  people: People;
  statements: Statements;
}

async function main() {
  const started = Date.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = (now - mark) / 1000;
    mark = now;
  };
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(out + suffix, { force: true });
  process.env.DATABASE_PATH = out;
  const db = getDb();
  const sqlite = getSqlite();
  // A throwaway file written once: no fsync, a large page cache (about 256 MB). The app's own
  // connections keep synchronous=NORMAL (db/index.ts); these pragmas live on this handle only.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  await seedDemo(db, { today: day });
  phase('seed');
  const generator: Generator = {
    rand: prng(14_000),
    people: loadPeople(sqlite),
    statements: prepareStatements(sqlite),
  };
  const existing = (sqlite.prepare('select count(*) as n from projects').get() as { n: number }).n;
  const existingLeads = (sqlite.prepare('select count(*) as n from leads').get() as { n: number }).n;

  sqlite.transaction(() => {
    for (let projectIndex = existing; projectIndex < projectTotal; projectIndex++)
      generateProject(generator, projectIndex);
  })();
  phase('projects');
  sqlite.transaction(() => {
    for (let leadIndex = existingLeads; leadIndex < leadTotal; leadIndex++) generateLead(generator, leadIndex);
  })();
  phase('leads');
  // Statistics before the lights: without them, the light facts' `tasks where project_id in (…) and
  // state = 'open'` reads every open task through (state, due_date) for each chunk of ids, which
  // at 100,000 projects turns a minute of work into several.
  sqlite.exec('analyze');
  phase('analyze');
  // Every light from the stored facts, with the same rules and facts as the app (db/seed).
  refreshDemoLights(db, day);
  phase('lights');
  sqlite.pragma('optimize');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  phase('optimize');
  const counts = sqlite
    .prepare(
      'select (select count(*) from projects) p, (select count(*) from leads) l, (select count(*) from approval_items) a, (select count(*) from monthly_reports) r, (select count(*) from stage_history) h, (select count(*) from tasks) t, (select count(*) from package_projects) pp, (select count(*) from funding_applications) f',
    )
    .get();
  closeDb();
  const seconds = (Date.now() - started) / 1000;
  console.log(`已生成 ${out}：`, counts, `用时 ${seconds.toFixed(1)} 秒`);
  console.log(
    `各阶段（秒）：${Object.entries(phases)
      .map(([name, s]) => `${name} ${s.toFixed(1)}`)
      .join('，')}`,
  );
  // One machine-readable line for scripts/bench.ts.
  console.log(`GENERATE_TIMINGS ${JSON.stringify({ seconds, phases })}`);
}

/** The units, industries and people the generated rows are assigned to, as the demo seed left them. */
function loadPeople(sqlite: Database.Database) {
  return {
    units: sqlite
      .prepare(`select id, name, code from units where kind != 'department' order by sort_order`)
      .all() as Array<{ id: number; name: string; code: string }>,
    industries: sqlite.prepare('select id, name from industries').all() as Array<{ id: number; name: string }>,
    leaders: (sqlite.prepare(`select id from users where role = 'leader'`).all() as Array<{ id: number }>).map(
      (row) => row.id,
    ),
    investment: sqlite.prepare(`select id, team from users where role = 'investment'`).all() as Array<{
      id: number;
      team: string | null;
    }>,
    officers: sqlite.prepare(`select id, unit_id as unitId from users where role = 'officer'`).all() as Array<{
      id: number;
      unitId: number;
    }>,
    admin: (sqlite.prepare(`select id from users where username = 'admin'`).get() as { id: number }).id,
    /** The year's packages the demo seed wrote, by name. */
    packages: new Map(
      (
        sqlite.prepare('select id, name from packages where year = ?').all(Number(day.slice(0, 4))) as Array<{
          id: number;
          name: string;
        }>
      ).map((row) => [row.name, row.id]),
    ),
  };
}

function prepareStatements(sqlite: Database.Database) {
  return {
    insertProject:
      sqlite.prepare(`insert into projects (code, name, category, nature, stage, status, unit_id, industry_id, leader_id, owner_id, location, description,
    total_investment, planned_investment_this_year, completed_investment, opening_investment, funds_in_place, planned_start_date, planned_completion_date,
    task_force, plan, stage_entered_at, stage_due_date, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
    // 双十: a sub-project of one of the year's packages (the demo seed's, by industry).
    insertPackageProject: sqlite.prepare(
      'insert into package_projects (package_id, project_id, year, joined_at) values (?,?,?,?)',
    ),
    // 上争: one funding application per higher-level project.
    insertFunding: sqlite.prepare(
      'insert into funding_applications (project_id, channel, batch, applied_amount, granted_amount, received_amount, applied_date, granted_date, status, note, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)',
    ),
    insertYearPlan: sqlite.prepare(
      'insert into project_year_plans (project_id, year, planned_investment) values (?,?,?)',
    ),
    setCompleted: sqlite.prepare('update projects set opening_investment = ?, completed_investment = ? where id = ?'),
    insertHistory: sqlite.prepare(
      'insert into stage_history (project_id, from_stage, to_stage, at, by_user_id, reason, from_stage_due_date) values (?,?,?,?,?,?,?)',
    ),
    insertPlan: sqlite.prepare('insert into project_stage_plans (project_id, stage, due_date) values (?,?,?)'),
    insertApproval: sqlite.prepare(
      'insert into approval_items (project_id, kind, name, sort_order, status, office, due_date, done_date) values (?,?,?,?,?,?,?,?)',
    ),
    insertTask: sqlite.prepare(
      'insert into tasks (project_id, title, owner_id, due_date, state, done_at, created_by) values (?,?,?,?,?,?,?)',
    ),
    insertReport: sqlite.prepare(
      'insert into monthly_reports (project_id, month, investment_this_month, cumulative_investment, progress_percent, narrative, created_by, created_at) values (?,?,?,?,?,?,?,?)',
    ),
    insertProblem: sqlite.prepare(
      `insert into problems (project_id, type, description, unit_id, deadline, level, status, raised_by, created_at, updated_at) values (?,?,?,?,?,?,'open',?,?,?)`,
    ),
    insertSupervision: sqlite.prepare(
      `insert into supervisions (project_id, content, deadline, status, issued_by, assignee_id, created_at, updated_at) values (?,?,?,'open',?,?,?,?)`,
    ),
    insertLead:
      sqlite.prepare(`insert into leads (company, origin, industry_id, intended_investment, proposed_project, owner_id, team, stage, stage_entered_at, next_follow_up_date, drop_reason, signed_at, source, created_at, updated_at)
    values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
    insertLeadHistory: sqlite.prepare(
      'insert into lead_stage_history (lead_id, from_stage, to_stage, at, by_user_id) values (?,?,?,?,?)',
    ),
  };
}

const STAGE_WEIGHTS: Array<[Stage, number]> = [
  ['reserve', 20],
  ['signed', 10],
  ['approvals', 21],
  ['construction', 29],
  ['completed', 10],
  ['operating', 10],
];
const NOUNS = [
  '产业园',
  '生产线',
  '物流园',
  '综合体',
  '改造工程',
  '示范基地',
  '产业化项目',
  '配套工程',
  '研发中心',
  '扩能项目',
];
const PROBLEM_TYPES = ['land', 'funding', 'approval', 'relocation', 'utilities', 'other'] as const;

function pickStage(rand: Rand): Stage {
  let remaining = rand.int(1, 100);
  for (const [stage, weight] of STAGE_WEIGHTS) if ((remaining -= weight) <= 0) return stage;
  return 'construction';
}

/** A generated project. */
interface GeneratedProject extends DrawnProject {
  category: string;
  unitId: number;
}

function generateProject(generator: Generator, projectIndex: number) {
  const project = insertGeneratedProject(generator, projectIndex);
  generateStageHistory(generator, project);
  generateStagePlans(generator, project);
  generateApprovals(generator, project);
  generateTasks(generator, project);
  generateReports(generator, project);
  generateProblemAndSupervision(generator, project);
}

function insertGeneratedProject({ rand, people, statements }: Generator, projectIndex: number): GeneratedProject {
  const { units, industries, officers, leaders, admin } = people;
  const stage = pickStage(rand);
  const stageIdx = STAGES.indexOf(stage);
  const unit = rand.pick(units);
  const industry = rand.pick(industries);
  const category = stage === 'signed' ? 'attraction' : rand.pick(CATEGORIES);
  const base = rand.pick(PROJECT_NAMES)[0].replace(/项目$|工程$/, '');
  const name = rand.chance(0.5)
    ? `${unit.name}${industry.name.replace(/（.*）/, '')}${rand.pick(NOUNS)}（${projectIndex + 1}号）`
    : `${base}${rand.pick(NOUNS)}（${projectIndex + 1}号）`;
  const total =
    rand.pick([3_000, 5_000, 8_000, 12_000, 25_000, 50_000, 80_000, 120_000, 200_000]) + rand.int(0, 40) * 100;
  const planned = stage === 'reserve' ? 0 : Math.round((total * rand.int(15, 45)) / 100);
  const completed = Math.round((total * [0, 0, rand.int(0, 8), rand.int(15, 80), 100, 100][stageIdx]) / 100);
  const createdDaysAgo = rand.int(60, 1000);
  const createdDate = addDaysIso(day, -createdDaysAgo);
  const enteredDaysAgo = Math.max(5, Math.min(createdDaysAgo - 5, rand.int(10, 420)));
  const enteredDate = addDaysIso(day, -enteredDaysAgo);
  const dueOffset = rand.chance(0.14) ? -rand.int(3, 60) : rand.chance(0.12) ? rand.int(1, 14) : rand.int(30, 300);
  const stageDue = stage === 'operating' ? null : addDaysIso(day, dueOffset);
  const owners = officers.filter((officer) => officer.unitId === unit.id);
  const ownerId = owners.length ? rand.pick(owners).id : null;
  const code =
    stage !== 'reserve' && rand.chance(0.6)
      ? `${createdDate.slice(2, 4)}${createdDate.slice(5, 7)}-${/^\d{6}$/.test(unit.code) ? unit.code : '220200'}-04-01-${String(200000 + projectIndex).slice(-6)}`
      : null;
  // Drawn in the order the random numbers were always drawn, so the generated data stays the same; the
  // 双十 flag and the 上争 figures are written to package_projects and funding_applications below.
  const shuangshi = category !== 'higher_level' && rand.chance(0.35);
  const values = [
    code,
    name,
    category,
    stageIdx >= 3 && rand.chance(0.6) ? 'continuing' : 'new',
    stage,
    rand.chance(0.04) ? 'suspended' : 'active',
    unit.id,
    industry.id,
    rand.pick(leaders),
    ownerId,
    `${unit.name}工业园区`,
    `${name}，建设内容包括主体工程及配套设施。`,
    total,
    planned,
    completed,
    completed,
    stageIdx >= 3 && rand.chance(0.7) ? Math.round(completed * (rand.int(80, 110) / 100)) : null,
    stageIdx <= 2 ? addDaysIso(day, rand.int(-60, 300)) : addDaysIso(enteredDate, -rand.int(0, 30)),
    addDaysIso(day, rand.int(-100, 900)),
  ];
  const applicationStatus =
    category === 'higher_level' ? rand.pick(['planning', 'applied', 'approved', 'rejected'] as const) : null;
  values.push(
    '包保领导（组长）、责任单位、项目单位',
    '按照"六个一"包保机制推进。',
    ts(enteredDate),
    stageDue,
    admin,
    ts(createdDate),
    ts(enteredDate),
  );
  const id = Number(statements.insertProject.run(...values).lastInsertRowid);
  // 年度计划: this year's, and last year's for a continuing project.
  const planYear = Number(day.slice(0, 4));
  statements.insertYearPlan.run(id, planYear, planned);
  if (shuangshi)
    statements.insertPackageProject.run(packageFor(people, industry.name, id), id, planYear, ts(`${planYear}-01-01`));
  if (applicationStatus) insertFunding(people, statements, id, total, applicationStatus, createdDate);
  if (values[3] === 'continuing')
    statements.insertYearPlan.run(id, planYear - 1, Math.round((total * (10 + (id % 25))) / 100));
  return {
    id,
    stage,
    stageIdx,
    category,
    unitId: unit.id,
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
  };
}

/** The year's package a generated 双十 sub-project joins: the demo package of its industry, else one by turns. */
function packageFor(people: People, industryName: string, projectId: number): number {
  const byIndustry = DEMO_PACKAGES.findIndex((pkg) => pkg.industries.includes(industryName));
  const name = DEMO_PACKAGES[byIndustry >= 0 ? byIndustry : projectId % DEMO_PACKAGES.length].name;
  return people.packages.get(name)!;
}

const FUNDING_CHANNELS = ['central_budget', 'special_bond', 'provincial', 'other'] as const;
const FUNDING_STATUS = {
  planning: 'preparing',
  applied: 'submitted',
  approved: 'granted',
  rejected: 'rejected',
} as const;

/**
 * A higher-level project's 上争 application: 20% of its total applied for, by channel in turn, in this
 * year's or last year's batch; a granted one got 60% of it, half of them received. No random draw,
 * so the rows above stay as they were.
 */
function insertFunding(
  people: People,
  statements: Statements,
  projectId: number,
  total: number,
  drawn: keyof typeof FUNDING_STATUS,
  createdDate: string,
) {
  const status = FUNDING_STATUS[drawn];
  const applied = Math.round(total * 0.2);
  const appliedDate = [createdDate, addDaysIso(day, -(projectId % 320))].sort()[1];
  const granted = status === 'granted' ? Math.round(applied * 0.6) : null;
  const received = granted !== null && projectId % 2 === 0 ? Math.round(granted * 0.5) : null;
  statements.insertFunding.run(
    projectId,
    FUNDING_CHANNELS[projectId % FUNDING_CHANNELS.length],
    `${appliedDate.slice(0, 4)}年第${(projectId % 2) + 1}批`,
    applied,
    granted,
    received,
    appliedDate,
    granted !== null ? addDaysIso(appliedDate, 45) : null,
    status,
    null,
    people.admin,
    ts(appliedDate),
    ts(appliedDate),
  );
}

function generateStageHistory({ rand, people, statements }: Generator, project: GeneratedProject) {
  const { id, stage, category, createdDate, enteredDate, ownerId } = project;
  const pathStages = STAGES.slice(0, project.stageIdx + 1).filter(
    (pathStage) => !(pathStage === 'signed' && category === 'government' && stage !== 'signed'),
  );
  const span = Math.max(1, project.createdDaysAgo - project.enteredDaysAgo);
  let previousDue: string | null = null;
  pathStages.forEach((pathStage, step) => {
    const at =
      step === pathStages.length - 1
        ? enteredDate
        : addDaysIso(createdDate, Math.floor((span * step) / pathStages.length));
    statements.insertHistory.run(
      id,
      step === 0 ? null : pathStages[step - 1],
      pathStage,
      ts(at, 10),
      ownerId ?? people.admin,
      step === 0 ? '项目入库' : null,
      step === 0 ? null : previousDue,
    );
    // The planned finish of the stage just entered: mostly met, sometimes missed.
    previousDue = addDaysIso(at, rand.int(60, 240) - (rand.chance(0.25) ? 300 : 0));
  });
}

function generateStagePlans({ rand, statements }: Generator, project: GeneratedProject) {
  STAGES.slice(project.stageIdx).forEach((planStage, step) => {
    if (planStage === 'operating') return;
    const due = step === 0 ? project.stageDue : addDaysIso(day, project.dueOffset + 120 * step + rand.int(0, 60));
    if (due) statements.insertPlan.run(project.id, planStage, due);
  });
}

function generateApprovals({ rand, statements }: Generator, { id, stage, stageIdx, enteredDate }: GeneratedProject) {
  APPROVAL_TEMPLATE.forEach((item, itemIndex) => {
    let status = 'pending';
    if (stageIdx >= 3) status = rand.chance(0.1) ? 'not_applicable' : 'done';
    else if (stage === 'approvals')
      status = itemIndex < rand.int(1, 6) ? 'done' : rand.chance(0.4) ? 'in_progress' : 'pending';
    statements.insertApproval.run(
      id,
      item.kind,
      item.name,
      itemIndex + 1,
      status,
      item.office,
      stageIdx <= 2 ? addDaysIso(day, rand.int(-20, 150)) : null,
      status === 'done' ? addDaysIso(enteredDate, -rand.int(1, 120)) : null,
    );
  });
}

function generateTasks({ rand, people, statements }: Generator, { id, stageIdx, ownerId }: GeneratedProject) {
  if (stageIdx < 1 || stageIdx > 4) return;
  for (let tasksLeft = rand.int(1, 4); tasksLeft > 0; tasksLeft--) {
    const due = addDaysIso(day, rand.chance(0.15) ? -rand.int(1, 40) : rand.int(2, 120));
    const done = rand.chance(0.3);
    statements.insertTask.run(
      id,
      rand.pick(['完成可研报告编制', '协调用地指标', '办理环评批复', '组织施工招标', '落实配套资金', '设备采购安装']),
      ownerId,
      due,
      done ? 'done' : 'open',
      done ? ts(day) : null,
      ownerId ?? people.admin,
    );
  }
}

function generateReports(
  { rand, people, statements }: Generator,
  { id, stage, createdDate, completed, planned, total, ownerId }: GeneratedProject,
) {
  if (!(REPORTING_STAGES as readonly string[]).includes(stage)) return;
  const yearStart = `${day.slice(0, 4)}-01`;
  const lastMonth = previousMonth(monthOf(day));
  const firstMonth = monthOf(createdDate) > yearStart ? monthOf(createdDate) : yearStart;
  const months: string[] = [];
  for (let month = lastMonth; month >= firstMonth; month = previousMonth(month)) months.unshift(month);
  const skipLast = rand.chance(0.12);
  const reported = months.filter((month) => !(skipLast && month === lastMonth));
  const opening = Math.max(0, completed - Math.round(planned * 0.8));
  let cumulative = opening;
  const perMonth = reported.length ? Math.max(0, Math.round((completed - cumulative) / reported.length)) : 0;
  reported.forEach((month, monthIndex) => {
    const amount = monthIndex === reported.length - 1 ? Math.max(0, completed - cumulative) : perMonth;
    cumulative += amount;
    statements.insertReport.run(
      id,
      month,
      amount,
      cumulative,
      Math.min(100, Math.round((cumulative / total) * 100)),
      '按计划推进',
      ownerId ?? people.admin,
      ts(`${month}-28`),
    );
  });
  // One source of completed investment: opening + the reports.
  if (reported.length) statements.setCompleted.run(opening, cumulative, id);
}

/** Now and then a problem (under way) and a 督办 order (approvals or construction). */
function generateProblemAndSupervision(
  { rand, people, statements }: Generator,
  { id, stageIdx, unitId, ownerId }: GeneratedProject,
) {
  if (stageIdx >= 1 && stageIdx <= 3 && rand.chance(0.06)) {
    const deadline = addDaysIso(day, rand.chance(0.3) ? -rand.int(1, 20) : rand.int(1, 45));
    const created = ts(addDaysIso(day, -rand.int(3, 80)));
    statements.insertProblem.run(
      id,
      rand.pick(PROBLEM_TYPES),
      '配套资金未落实到位',
      rand.chance(0.6) ? unitId : rand.pick(people.units).id,
      deadline,
      'county',
      ownerId ?? people.admin,
      created,
      created,
    );
  }
  if (stageIdx >= 2 && stageIdx <= 3 && rand.chance(0.02)) {
    const deadline = addDaysIso(day, rand.int(-10, 30));
    statements.insertSupervision.run(
      id,
      '加快推进，按期报送进度',
      deadline,
      rand.pick(people.leaders),
      ownerId,
      ts(day),
      ts(day),
    );
  }
}

function generateLead({ rand, people, statements }: Generator, leadIndex: number) {
  const stage = rand.pick(LEAD_STAGES);
  const [company, origin, industryName] = rand.pick(LEAD_COMPANIES);
  const owner = rand.pick(people.investment);
  const entered = addDaysIso(day, -rand.int(3, 200));
  const open = stage !== 'landed' && stage !== 'dropped';
  const industryId = people.industries.find((industry) => industry.name === industryName)?.id ?? null;
  const id = Number(
    statements.insertLead.run(
      `${company}（${leadIndex + 1}）`,
      origin,
      industryId,
      rand.pick([5_000, 10_000, 30_000, 50_000, 100_000, 200_000]),
      '产业项目',
      owner.id,
      owner.team,
      stage,
      ts(entered),
      open ? addDaysIso(day, rand.chance(0.25) ? -rand.int(1, 20) : rand.int(1, 30)) : null,
      stage === 'dropped' ? '企业投资方向调整' : null,
      stage === 'signed' || stage === 'landed' ? ts(entered) : null,
      rand.pick(['以商招商', '网上洽谈', '东北亚博览会']),
      ts(addDaysIso(entered, -30)),
      ts(entered),
    ).lastInsertRowid,
  );
  statements.insertLeadHistory.run(id, null, 'prospect', ts(addDaysIso(entered, -30)), owner.id);
  if (stage !== 'prospect') statements.insertLeadHistory.run(id, 'prospect', stage, ts(entered), owner.id);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
