import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit, writeAudits } from '@/db/audit';
import {
  approvalItems,
  leads,
  projects,
  projectStagePlans,
  projectYearPlans,
  stageHistory,
  units,
  users,
  type Project,
} from '@/db/schema';
import { loadProjectExtras, type ProjectExtras } from '@/db/queries/project-extras';
import { APPROVAL_TEMPLATE, isApprovalOpen } from '@/lib/rules/approvals';
import { nowIso } from '@/lib/rules/dates';
import { STAGE_LABELS, type Stage } from '@/lib/rules/enums';
import {
  canCreateProjectIn,
  canEditProject,
  canEditProjectContract,
  canMoveProject,
  type Actor,
  type ActorContext,
} from '@/lib/rules/permissions';
import { checkTransition } from '@/lib/rules/stages';
import { AppError } from '@/lib/errors';
import type { ProjectCreateInput, ProjectPatchInput } from '@/lib/schemas/project';
import { recordAdjustment, type AdjustmentField } from './adjustments';
import { planPackageChange, writePackageChange } from './packages';
import { assertChainLinkFits } from './chains';
import { refreshLight, refreshNewProjectLights } from './light';
import { notify } from './notifications';
import { findEnterprise, matchEnterprise, resolveEnterprise, validCreditCode } from './enterprises';
import { assertPlanWithinTotal, completedInYear, currentYear, hasReports, writeYearPlan } from './year-plans';

// Project writes. Every function takes the acting user, checks permission against the stored
// record, writes its change and its audit row in one transaction, and refreshes the light.

type ProjectDto = ReturnType<typeof toProjectDto>;

/**
 * The API's Project object. `completedThisYear` (Σ this calendar year's reports) is read with one
 * query when not given; lists pass it from completedInYear() for the whole page (toProjectDtos).
 */
export function toProjectDto(project: Project, completedThisYear?: number, extras?: ProjectExtras) {
  const derived = extras ?? loadProjectExtras(getDb(), [project.id], currentYear()).get(project.id)!;
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    category: project.category,
    shuangshi: derived.shuangshi,
    packageId: derived.packageId,
    nature: project.nature,
    stage: project.stage,
    status: project.status,
    unitId: project.unitId,
    industryId: project.industryId,
    chainLinkId: project.chainLinkId,
    leaderId: project.leaderId,
    ownerId: project.ownerId,
    location: project.location,
    longitude: project.longitude,
    latitude: project.latitude,
    description: project.description,
    totalInvestment: project.totalInvestment,
    plannedInvestmentThisYear: project.plannedInvestmentThisYear,
    openingInvestment: project.openingInvestment,
    completedInvestment: project.completedInvestment,
    completedThisYear: completedThisYear ?? completedInYear(getDb(), [project.id]).get(project.id) ?? 0,
    fundsInPlace: project.fundsInPlace,
    plannedStartDate: project.plannedStartDate,
    plannedCompletionDate: project.plannedCompletionDate,
    applicationStatus: derived.applicationStatus,
    appliedFunds: derived.appliedFunds,
    grantedFunds: derived.grantedFunds,
    receivedFunds: derived.receivedFunds,
    taskForce: project.taskForce,
    plan: project.plan,
    stageEnteredAt: project.stageEnteredAt,
    stageDueDate: project.stageDueDate,
    light: project.light,
    lightReasons: project.lightReasons,
    lightSignals: project.lightSignals,
    approvalsOverridden: project.approvalsOverridden,
    leadId: project.leadId,
    investorEnterpriseId: project.investorEnterpriseId,
    builderEnterpriseId: project.builderEnterpriseId,
    contractAmount: project.contractAmount,
    contractDate: project.contractDate,
    promisedStartDate: project.promisedStartDate,
    promisedFunds: project.promisedFunds,
    version: project.version,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  };
}
export type { ProjectDto };

/** toProjectDto for a page of projects: one grouped query for completedThisYear, not one per row. */
export function toProjectDtos(rows: readonly Project[], executor: Executor = getDb()): ProjectDto[] {
  const completed = completedInYear(
    executor,
    rows.map((project) => project.id),
  );
  const extras = loadProjectExtras(
    executor,
    rows.map((project) => project.id),
    currentYear(),
  );
  return rows.map((project) => toProjectDto(project, completed.get(project.id) ?? 0, extras.get(project.id)));
}

export function findProject(executor: Executor, projectId: number): Project {
  const project = executor.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw new AppError('not_found', '项目不存在');
  return project;
}

function assertReferences(
  executor: Executor,
  input: { unitId?: number; leaderId?: number | null; ownerId?: number | null },
) {
  const fields: Record<string, string[]> = {};
  if (input.unitId != null && !executor.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)).get()) {
    fields.unitId = ['单位不存在'];
  }
  for (const key of ['leaderId', 'ownerId'] as const) {
    const userId = input[key];
    if (userId == null) continue;
    const user = executor
      .select({ role: users.role, active: users.active })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!user || !user.active) fields[key] = ['用户不存在或已停用'];
    else if (key === 'leaderId' && user.role !== 'leader' && user.role !== 'admin')
      fields[key] = ['包保领导须为领导账号'];
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
}

function assertCodeFree(executor: Executor, code: string | null | undefined, exceptId?: number) {
  if (!code) return;
  const clash = executor
    .select({ id: projects.id })
    .from(projects)
    .where(exceptId ? and(eq(projects.code, code), ne(projects.id, exceptId)) : eq(projects.code, code))
    .get();
  if (clash) throw new AppError('validation_failed', undefined, { code: ['项目代码已被其他项目使用'] });
}

function writeStagePlans(executor: Executor, projectId: number, plans: Partial<Record<Stage, string | null>>) {
  for (const [stage, dueDate] of Object.entries(plans) as Array<[Stage, string | null]>) {
    if (dueDate) {
      executor
        .insert(projectStagePlans)
        .values({ projectId, stage, dueDate })
        .onConflictDoUpdate({ target: [projectStagePlans.projectId, projectStagePlans.stage], set: { dueDate } })
        .run();
    } else {
      executor
        .delete(projectStagePlans)
        .where(and(eq(projectStagePlans.projectId, projectId), eq(projectStagePlans.stage, stage)))
        .run();
    }
  }
}

function planFor(executor: Executor, projectId: number, stage: Stage): string | null {
  return (
    executor
      .select({ dueDate: projectStagePlans.dueDate })
      .from(projectStagePlans)
      .where(and(eq(projectStagePlans.projectId, projectId), eq(projectStagePlans.stage, stage)))
      .get()?.dueDate ?? null
  );
}

type EnterpriseFields = Pick<
  ProjectCreateInput,
  | 'investorEnterpriseId'
  | 'investorName'
  | 'investorCreditCode'
  | 'builderEnterpriseId'
  | 'builderName'
  | 'builderCreditCode'
>;

const ENTERPRISE_ROLES = [
  { role: 'investor', idKey: 'investorEnterpriseId', nameKey: 'investorName', codeKey: 'investorCreditCode' },
  { role: 'builder', idKey: 'builderEnterpriseId', nameKey: 'builderName', codeKey: 'builderCreditCode' },
] as const;

/**
 * Splits the 投资方 and 项目业主/建设单位 inputs off a project input and resolves them to registry ids,
 * creating the enterprises a name names for the first time (in `executor`, audited). A role none of
 * whose keys is given is left out (unchanged); all of them null clears it.
 */
function resolveProjectEnterprises<T extends EnterpriseFields>(
  executor: Executor,
  actor: ActorContext | null,
  input: T,
): {
  rest: Omit<T, keyof EnterpriseFields>;
  ids: { investorEnterpriseId?: number | null; builderEnterpriseId?: number | null };
} {
  const {
    investorEnterpriseId,
    investorName,
    investorCreditCode,
    builderEnterpriseId,
    builderName,
    builderCreditCode,
    ...rest
  } = input;
  const given: EnterpriseFields = {
    investorEnterpriseId,
    investorName,
    investorCreditCode,
    builderEnterpriseId,
    builderName,
    builderCreditCode,
  };
  const ids: { investorEnterpriseId?: number | null; builderEnterpriseId?: number | null } = {};
  for (const { idKey, nameKey, codeKey } of ENTERPRISE_ROLES) {
    const id = given[idKey];
    const name = given[nameKey]?.trim() || null;
    const code = given[codeKey]?.trim() || null;
    if (id === undefined && given[nameKey] === undefined && given[codeKey] === undefined) continue;
    if (id != null) {
      try {
        ids[idKey] = findEnterprise(executor, id).id;
      } catch {
        throw new AppError('validation_failed', undefined, { [idKey]: ['企业不存在'] });
      }
    } else if (name && actor) {
      ids[idKey] = resolveEnterprise(executor, actor, { name, creditCode: code }, { field: codeKey })!.id;
    } else if (code) {
      const found = matchEnterprise(executor, { creditCode: validCreditCode(code, codeKey) });
      if (!found)
        throw new AppError('validation_failed', undefined, { [nameKey]: ['企业库中没有该代码的企业，请填写企业名称'] });
      ids[idKey] = found.id;
    } else if (name) {
      const found = matchEnterprise(executor, { name });
      if (!found) throw new AppError('validation_failed', undefined, { [nameKey]: ['企业库中没有该企业'] });
      ids[idKey] = found.id;
    } else ids[idKey] = null;
  }
  return { rest, ids };
}

export interface CreateProjectOptions {
  /** Stage to start in; conversions start at `signed`. */
  stage?: Stage;
  leadId?: number | null;
  batchId?: number | null;
  /** Seed and import pass their own clock. */
  at?: string;
}

/** Inserts a project with its 前期手续 checklist, time-table and first history row. Runs inside `executor`. */
export function insertProject(
  executor: Executor,
  actor: ActorContext | null,
  input: ProjectCreateInput,
  options: CreateProjectOptions = {},
): Project {
  const [project] = insertProjects(executor, actor, [{ input, stage: options.stage }], options);
  return findProject(executor, project.id);
}

// Multi-row statements keep a 10,000-row import to seconds; 60 rows × ~30 columns stays far
// below SQLite's bound-parameter limit.
const INSERT_CHUNK = 60;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * insertProject for many projects at once (the importer): the same rows, history and audit,
 * written with multi-row statements, and the lights refreshed once at the end.
 */
export function insertProjects(
  executor: Executor,
  actor: ActorContext | null,
  items: ReadonlyArray<{ input: ProjectCreateInput; stage?: Stage }>,
  options: Omit<CreateProjectOptions, 'stage'> = {},
): Project[] {
  const checked = new Set<string>();
  items = items.map(({ input, stage }) => {
    const { rest, ids } = resolveProjectEnterprises(executor, actor, input);
    return { input: { ...rest, ...ids } as ProjectCreateInput, stage };
  });
  for (const { input } of items) {
    assertPlanWithinTotal(input.plannedInvestmentThisYear, input.totalInvestment, 'plannedInvestmentThisYear');
    const key = `${input.unitId}|${input.leaderId ?? ''}|${input.ownerId ?? ''}`;
    if (!checked.has(key)) assertReferences(executor, input);
    assertChainLinkFits(executor, input.chainLinkId, input.industryId);
    checked.add(key);
    assertCodeFree(executor, input.code);
  }
  const at = options.at ?? nowIso();
  const inserted: Project[] = [];
  for (const chunk of chunks(items, INSERT_CHUNK)) {
    const rows = chunk.map(({ input, stage = 'reserve' }) => {
      const { stagePlans, stageDueDate, reason: _reason, ...fields } = input;
      return {
        ...fields,
        // No reports yet: the completed figure is the opening one.
        completedInvestment: fields.openingInvestment,
        code: fields.code || null,
        stage,
        stageEnteredAt: at,
        stageDueDate: stageDueDate ?? stagePlans?.[stage] ?? null,
        leadId: options.leadId ?? null,
        createdBy: actor?.id ?? null,
        createdAt: at,
        updatedAt: at,
      };
    });
    inserted.push(...executor.insert(projects).values(rows).returning().all());
  }
  // Eight checklist rows per project: one prepared statement bound per row beats building SQL.
  const insertApproval = executor
    .insert(approvalItems)
    .values({
      projectId: sql.placeholder('projectId'),
      kind: sql.placeholder('kind'),
      name: sql.placeholder('name'),
      office: sql.placeholder('office'),
      sortOrder: sql.placeholder('sortOrder'),
    })
    .prepare();
  for (const project of inserted) {
    APPROVAL_TEMPLATE.forEach((item, index) =>
      insertApproval.run({
        projectId: project.id,
        kind: item.kind,
        name: item.name,
        office: item.office,
        sortOrder: index + 1,
      }),
    );
  }
  // This year's plan is the first row of the project's year plans.
  const year = currentYear();
  for (const chunk of chunks(inserted, 200)) {
    executor
      .insert(projectYearPlans)
      .values(
        chunk.map((project) => ({
          projectId: project.id,
          year,
          plannedInvestment: project.plannedInvestmentThisYear,
          updatedAt: at,
        })),
      )
      .run();
  }
  inserted.forEach((project, index) => {
    const plans = {
      ...items[index].input.stagePlans,
      ...(project.stageDueDate ? { [project.stage]: project.stageDueDate } : {}),
    };
    if (Object.keys(plans).length) writeStagePlans(executor, project.id, plans);
  });
  const insertHistory = executor
    .insert(stageHistory)
    .values({
      projectId: sql.placeholder('projectId'),
      fromStage: null,
      toStage: sql.placeholder('toStage'),
      at,
      byUserId: actor?.id ?? null,
      reason: '项目入库',
    })
    .prepare();
  for (const project of inserted) insertHistory.run({ projectId: project.id, toStage: project.stage });
  writeAudits(
    executor,
    inserted.map((project) => ({
      userId: actor?.id ?? null,
      action: options.batchId ? 'import' : 'create',
      entityType: 'project',
      entityId: project.id,
      projectId: project.id,
      after: toProjectDto(project, 0),
      batchId: options.batchId ?? null,
      ip: actor?.ip ?? null,
    })),
  );
  refreshNewProjectLights(executor, inserted);
  return inserted;
}

export function createProject(actor: ActorContext, input: ProjectCreateInput): ProjectDto {
  if (!canCreateProjectIn(actor, input.unitId)) {
    throw new AppError('forbidden', '项目专员只能在本单位新建项目');
  }
  return toProjectDto(getDb().transaction((tx) => insertProject(tx, actor, input)));
}

const STATUS_WORDS: Record<string, string> = { active: '恢复推进', suspended: '暂缓', terminated: '终止' };
const DATE_WORDS: Record<string, string> = {
  stageDueDate: '推迟当前阶段计划完成时间',
  plannedStartDate: '推迟计划开工时间',
  plannedCompletionDate: '推迟计划竣工时间',
  promisedStartDate: '推迟合同承诺开工时间',
};

/** A date moved later, or cleared (no date at all is the latest of all). */
function movedLater(from: string | null, to: string | null): boolean {
  return from !== null && (to === null || to > from);
}

interface GreeningChange {
  field: AdjustmentField;
  from: unknown;
  to: unknown;
  word: string;
}

/**
 * The changes in a patch that could turn a light green without progress (API.md "Progress
 * truth"): each needs a reason and is kept in the adjustments log.
 */
function greeningChanges(
  current: Project,
  next: {
    status?: string;
    stageDueDate: string | null;
    plannedStartDate?: string | null;
    plannedCompletionDate?: string | null;
    promisedStartDate?: string | null;
    plannedInvestmentThisYear?: number;
  },
): GreeningChange[] {
  const out: GreeningChange[] = [];
  if (next.status !== undefined && next.status !== current.status)
    out.push({
      field: 'status',
      from: current.status,
      to: next.status,
      word: `${STATUS_WORDS[next.status] ?? next.status}项目`,
    });
  if (movedLater(current.stageDueDate, next.stageDueDate))
    out.push({
      field: 'stageDueDate',
      from: current.stageDueDate,
      to: next.stageDueDate,
      word: DATE_WORDS.stageDueDate,
    });
  for (const key of ['plannedStartDate', 'plannedCompletionDate', 'promisedStartDate'] as const) {
    const to = next[key];
    if (to !== undefined && movedLater(current[key], to ?? null))
      out.push({ field: key, from: current[key], to: to ?? null, word: DATE_WORDS[key] });
  }
  if (
    next.plannedInvestmentThisYear !== undefined &&
    next.plannedInvestmentThisYear < current.plannedInvestmentThisYear
  ) {
    out.push({
      field: 'plannedInvestment',
      from: current.plannedInvestmentThisYear,
      to: next.plannedInvestmentThisYear,
      word: '调减本年度计划投资',
    });
  }
  return out;
}

/**
 * Applies a patch to a stored project inside `executor`; shared by the API, the forms and the
 * importer. Greening changes and 调入/调出 a 双十 package (`packageId`) need `reason`, else 400
 * `reason_required` and nothing is written; accepted ones are kept in the adjustments log. This
 * year's plan is written to the year plans; the opening investment only while no report exists.
 */
export function applyProjectPatch(
  executor: Executor,
  actor: ActorContext,
  current: Project,
  patch: Omit<ProjectPatchInput, 'version'>,
  batchId: number | null = null,
  options: { deferLight?: boolean } = {},
): Project {
  const { rest: plainPatch, ids: enterpriseIds } = resolveProjectEnterprises(executor, actor, patch);
  const { stagePlans, reason: givenReason, stageDueDate, packageId, ...plainFields } = plainPatch;
  const fields = { ...plainFields, ...enterpriseIds };
  if (fields.unitId != null && fields.unitId !== current.unitId && !canCreateProjectIn(actor, fields.unitId)) {
    throw new AppError('forbidden', '不能把项目移交到其他单位');
  }
  assertReferences(executor, fields);
  // The link must stay a link of the project's industry, whichever of the two the patch changes.
  if (fields.chainLinkId !== undefined || fields.industryId !== undefined)
    assertChainLinkFits(
      executor,
      fields.chainLinkId === undefined ? current.chainLinkId : fields.chainLinkId,
      fields.industryId === undefined ? current.industryId : fields.industryId,
      current.chainLinkId,
    );
  assertCodeFree(executor, fields.code, current.id);
  const plans: Partial<Record<Stage, string | null>> = { ...stagePlans };
  if (stageDueDate !== undefined) plans[current.stage] = stageDueDate;
  const nextStageDue = current.stage in plans ? (plans[current.stage] ?? null) : current.stageDueDate;

  const reason = givenReason?.trim() || null;
  const greening = greeningChanges(current, { ...fields, stageDueDate: nextStageDue });
  const packageChange = packageId !== undefined ? planPackageChange(executor, actor, current, packageId) : null;
  const words = greening.map((change) => change.word);
  if (packageChange)
    words.push(
      packageChange.to
        ? `调入"双十"工程包「${packageChange.to.name}」`
        : `调出"双十"工程包「${packageChange.from!.name}」`,
    );
  if (words.length && !reason) {
    throw new AppError('reason_required', `${words.join('、')}须填写原因`, {
      reason: ['请填写调整原因'],
    });
  }
  if (
    fields.openingInvestment !== undefined &&
    fields.openingInvestment !== current.openingInvestment &&
    hasReports(executor, current.id)
  ) {
    throw new AppError('validation_failed', undefined, {
      openingInvestment: ['已有月度进度报告，期初完成投资不能再修改'],
    });
  }
  const nextPlan = fields.plannedInvestmentThisYear ?? current.plannedInvestmentThisYear;
  const nextTotal = fields.totalInvestment ?? current.totalInvestment;
  if (
    (fields.plannedInvestmentThisYear !== undefined || fields.totalInvestment !== undefined) &&
    nextPlan > nextTotal &&
    (nextPlan !== current.plannedInvestmentThisYear || nextTotal !== current.totalInvestment)
  ) {
    assertPlanWithinTotal(
      nextPlan,
      nextTotal,
      fields.plannedInvestmentThisYear !== undefined ? 'plannedInvestmentThisYear' : 'totalInvestment',
    );
  }

  const changes = {
    ...fields,
    ...(fields.code === '' ? { code: null } : {}),
    // No reports yet (checked above), so completed = opening.
    ...(fields.openingInvestment !== undefined && fields.openingInvestment !== current.openingInvestment
      ? { completedInvestment: fields.openingInvestment }
      : {}),
    stageDueDate: nextStageDue,
  };
  const { before, after, changed } = diff(current as unknown as Record<string, unknown>, changes);
  if (!changed && Object.keys(plans).length === 0 && !packageChange) return current;
  const at = nowIso();
  const updated = executor
    .update(projects)
    .set({ ...changes, version: current.version + 1, updatedAt: at })
    .where(and(eq(projects.id, current.id), eq(projects.version, current.version)))
    .returning()
    .get();
  if (!updated) throw new AppError('stale_version', '该项目已被他人修改，请刷新后再试');
  writeStagePlans(executor, current.id, plans);
  if (packageChange) writePackageChange(executor, actor, current.id, packageChange, reason!, at);
  if ('plannedInvestmentThisYear' in after) {
    // The project's version check guards this write; the lowering was already let through above.
    writeYearPlan(
      executor,
      actor,
      current,
      { year: currentYear(), plannedInvestment: nextPlan, reason },
      {
        versionChecked: true,
        batchId,
        field: 'plannedInvestmentThisYear',
        totalInvestment: nextTotal,
        skipAdjustment: true,
      },
    );
  }
  writeAudit(executor, {
    userId: actor.id,
    action: batchId ? 'import' : 'update',
    entityType: 'project',
    entityId: current.id,
    projectId: current.id,
    before: {
      ...before,
      ...(Object.keys(plans).length ? { stagePlans: '…' } : {}),
      ...(packageChange ? { package: packageChange.from?.name ?? null } : {}),
    },
    after: {
      ...after,
      ...(Object.keys(plans).length ? { stagePlans: plans } : {}),
      ...(packageChange ? { package: packageChange.to?.name ?? null } : {}),
      ...(words.length && reason ? { reason } : {}),
    },
    batchId,
    ip: actor.ip ?? null,
  });
  for (const change of greening) {
    recordAdjustment(executor, {
      projectId: current.id,
      byUserId: actor.id,
      field: change.field,
      from: change.from,
      to: change.to,
      reason: reason!,
      at,
    });
  }
  // The importer refreshes the lights of all the projects it patched in one pass.
  if (options.deferLight) return updated;
  refreshLight(executor, current.id);
  return findProject(executor, current.id);
}

/** 履约 fields of a project (issue 16). */
export const CONTRACT_FIELDS = ['contractAmount', 'contractDate', 'promisedStartDate', 'promisedFunds'] as const;

/** The owner of the lead a project was converted from, or null. */
export function leadOwnerOf(executor: Executor, project: Pick<Project, 'leadId'>): number | null {
  if (project.leadId == null) return null;
  return (
    executor.select({ ownerId: leads.ownerId }).from(leads).where(eq(leads.id, project.leadId)).get()?.ownerId ?? null
  );
}

/**
 * Who may apply `patch`: the project's editors (canEditProject); for a patch of 履约 fields only
 * (plus `reason`), also the investment owner of the lead the project came from.
 */
function assertMayPatch(executor: Executor, actor: Actor, current: Project, patch: ProjectPatchInput) {
  if (canEditProject(actor, current)) return;
  const keys = Object.keys(patch).filter((key) => key !== 'version' && key !== 'reason');
  const contractOnly = keys.every((key) => (CONTRACT_FIELDS as readonly string[]).includes(key));
  if (contractOnly && canEditProjectContract(actor, current, leadOwnerOf(executor, current))) return;
  throw new AppError('forbidden', '只能编辑本单位或本人负责的项目');
}

export function updateProject(actor: ActorContext, projectId: number, patch: ProjectPatchInput): ProjectDto {
  return toProjectDto(
    getDb().transaction((tx) => {
      const current = findProject(tx, projectId);
      assertMayPatch(tx, actor, current, patch);
      if (patch.version !== current.version) throw new AppError('stale_version', '该项目已被他人修改，请刷新后再试');
      const { version: _version, ...rest } = patch;
      return applyProjectPatch(tx, actor, current, rest);
    }),
  );
}

export interface MoveInput {
  to: Stage;
  reason?: string | null;
  override?: boolean;
  version: number;
}

export function openApprovalNames(executor: Executor, projectId: number): string[] {
  return executor
    .select({ name: approvalItems.name, status: approvalItems.status })
    .from(approvalItems)
    .where(eq(approvalItems.projectId, projectId))
    .orderBy(approvalItems.sortOrder)
    .all()
    .filter((item) => isApprovalOpen(item.status))
    .map((item) => item.name);
}

/** Moves a project to another stage under the rules of lib/rules/stages.ts. */
export function moveProjectStage(actor: ActorContext, projectId: number, input: MoveInput): ProjectDto {
  return toProjectDto(
    getDb().transaction((tx) => {
      const current = findProject(tx, projectId);
      if (!canMoveProject(actor, current)) throw new AppError('forbidden', '只能推进本单位或本人负责的项目');
      if (input.version !== current.version) throw new AppError('stale_version', '该项目已被他人修改，请刷新后再试');
      const openItems = input.to === 'construction' ? openApprovalNames(tx, projectId) : [];
      const check = checkTransition({
        from: current.stage,
        to: input.to,
        reason: input.reason,
        override: input.override,
        openApprovals: openItems,
      });
      if (!check.ok) {
        const fields: Record<string, string[]> | undefined =
          check.code === 'approvals_incomplete'
            ? { approvals: openItems }
            : check.code === 'reason_required'
              ? { reason: [check.message] }
              : undefined;
        throw new AppError(check.code, check.message, fields);
      }
      const at = nowIso();
      const isOverride = input.to === 'construction' && openItems.length > 0;
      const nextDue = planFor(tx, projectId, input.to);
      const updated = tx
        .update(projects)
        .set({
          stage: input.to,
          stageEnteredAt: at,
          stageDueDate: nextDue,
          version: current.version + 1,
          updatedAt: at,
        })
        .where(and(eq(projects.id, projectId), eq(projects.version, current.version)))
        .returning()
        .get();
      if (!updated) throw new AppError('stale_version');
      tx.insert(stageHistory)
        .values({
          projectId,
          fromStage: current.stage,
          toStage: input.to,
          at,
          byUserId: actor.id,
          reason: input.reason?.trim() || null,
          override: isOverride,
          fromStageDueDate: current.stageDueDate,
          openItems: isOverride ? openItems : null,
        })
        .run();
      writeAudit(tx, {
        userId: actor.id,
        action: 'transition',
        entityType: 'project',
        entityId: projectId,
        projectId,
        before: { stage: current.stage },
        after: {
          stage: input.to,
          reason: input.reason ?? null,
          override: isOverride,
          ...(isOverride ? { openItems } : {}),
        },
        ip: actor.ip ?? null,
      });
      notify(tx, {
        userIds: [current.ownerId, current.leaderId],
        kind: 'stage_moved',
        message: `${current.name}：${STAGE_LABELS[current.stage]} → ${STAGE_LABELS[input.to]}${isOverride ? '（未批先建）' : ''}`,
        link: `/projects/${projectId}`,
        projectId,
        exceptUserId: actor.id,
      });
      refreshLight(tx, projectId);
      return findProject(tx, projectId);
    }),
  );
}
