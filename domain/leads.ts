import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit, type AuditEntry } from '@/db/audit';
import {
  campaigns,
  industries,
  leadFollowups,
  leadPartners,
  leads,
  leadStageHistory,
  projects,
  units,
  users,
  type Lead,
  type LeadFollowup,
} from '@/db/schema';
import { AppError, type FieldErrors } from '@/lib/errors';
import { dateOfTimestamp, nowIso, today } from '@/lib/rules/dates';
import { LEAD_STAGE_LABELS, STAGE_LABELS, type LeadStage } from '@/lib/rules/enums';
import { resolvePledge, type Pledge, type PledgeInput } from '@/lib/rules/pledge';
import { checkConvertible, checkLeadTransition, isLeadOverdue, leadLight, OPEN_LEAD_STAGES } from '@/lib/rules/leads';
import {
  canCreateLead,
  canEditLead,
  canLogLeadFollowup,
  canSeeLeadContacts,
  type ActorContext,
} from '@/lib/rules/permissions';
import type {
  ConvertInput,
  FollowupInput,
  LeadCreateInput,
  LeadPatchInput,
  LeadTransitionInput,
} from '@/lib/schemas/lead';
import { assertChainLinkFits, chainLinkProblem } from './chains';
import { resolveEnterprise } from './enterprises';
import { refreshLight } from './light';
import { findProject, insertProject, toProjectDto, type ProjectDto } from './projects';
import { getSetting } from './settings';

// Lead writes. Each checks permission against the stored lead, writes the change and its audit
// row in one transaction, and answers with the API's Lead object.

export type LeadRow = Lead & { campaignName: string | null };

/** The API's Lead object: the fields of API.md plus the lead's other columns and its light. */
export function toLeadDto(
  lead: LeadRow,
  day = today(),
  usualDays = getSetting('leadStageUsualDays'),
  staleDays = getSetting('leadFollowupStaleDays'),
) {
  const light = leadLight(lead, day, usualDays, staleDays);
  return {
    id: lead.id,
    company: lead.company,
    enterpriseId: lead.enterpriseId,
    origin: lead.origin,
    industryId: lead.industryId,
    chainLinkId: lead.chainLinkId,
    intendedInvestment: lead.intendedInvestment,
    currency: lead.currency,
    amountOriginal: lead.amountOriginal,
    exchangeRate: lead.exchangeRate,
    rateDate: lead.rateDate,
    source: lead.campaignName ?? lead.source,
    stage: lead.stage,
    ownerId: lead.ownerId,
    nextFollowUpDate: lead.nextFollowUpDate,
    overdue: isLeadOverdue(lead, day),
    projectId: lead.projectId,
    version: lead.version,
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
    campaignId: lead.campaignId,
    channel: lead.source,
    contactName: lead.contactName,
    contactTitle: lead.contactTitle,
    contactPhone: lead.contactPhone,
    contactEmail: lead.contactEmail,
    proposedProject: lead.proposedProject,
    locationUnitId: lead.locationUnitId,
    team: lead.team,
    stageEnteredAt: lead.stageEnteredAt,
    dropReason: lead.dropReason,
    signedAt: lead.signedAt,
    lastFollowupDate: lead.lastFollowupDate,
    light: light.light,
    lightReasons: light.reasons,
  };
}
export type LeadDto = ReturnType<typeof toLeadDto>;

/**
 * The lead as `actor` may see it: phone and e-mail blanked unless canSeeLeadContacts.
 * `partnerTeams` are the lead's accepted 协同 teams (lead-partners.ts acceptedPartnerTeams).
 */
export function leadForViewer<
  T extends { ownerId: number; team: string | null; contactPhone: string | null; contactEmail: string | null },
>(actor: ActorContext, lead: T, partnerTeams: readonly string[] = []): T & { contactsHidden: boolean } {
  if (canSeeLeadContacts(actor, { ...lead, partnerTeams })) return { ...lead, contactsHidden: false };
  return { ...lead, contactPhone: null, contactEmail: null, contactsHidden: true };
}

export function toFollowupDto(row: LeadFollowup) {
  return {
    id: row.id,
    leadId: row.leadId,
    date: row.date,
    kind: row.kind,
    note: row.note,
    nextFollowUpDate: row.nextFollowUpDate,
    byUserId: row.byUserId,
    createdAt: row.createdAt,
  };
}

export function findLead(executor: Executor, leadId: number): LeadRow {
  const row = executor
    .select({ lead: leads, campaignName: campaigns.name })
    .from(leads)
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .where(eq(leads.id, leadId))
    .get();
  if (!row) throw new AppError('not_found', '线索不存在');
  return { ...row.lead, campaignName: row.campaignName };
}

const exists = (executor: Executor, table: typeof units | typeof industries | typeof campaigns, id: number) =>
  Boolean(executor.select({ id: table.id }).from(table).where(eq(table.id, id)).get());

/** Checks that referenced rows exist; returns the owner's team for defaulting. */
function assertLeadReferences(
  executor: Executor,
  input: Partial<Pick<Lead, 'industryId' | 'locationUnitId' | 'campaignId' | 'ownerId'>>,
): { ownerTeam: string | null } {
  const fields: FieldErrors = {};
  if (input.industryId != null && !exists(executor, industries, input.industryId)) fields.industryId = ['行业不存在'];
  if (input.locationUnitId != null && !exists(executor, units, input.locationUnitId))
    fields.locationUnitId = ['单位不存在'];
  if (input.campaignId != null && !exists(executor, campaigns, input.campaignId))
    fields.campaignId = ['招商活动不存在'];
  let ownerTeam: string | null = null;
  if (input.ownerId != null) {
    const owner = executor
      .select({ role: users.role, active: users.active, team: users.team })
      .from(users)
      .where(eq(users.id, input.ownerId))
      .get();
    if (!owner || !owner.active) fields.ownerId = ['用户不存在或已停用'];
    else if (owner.role !== 'investment' && owner.role !== 'admin') fields.ownerId = ['负责人须为招商专员'];
    else ownerTeam = owner.team;
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
  return { ownerTeam };
}

/**
 * A lead's team is the owner's team; only an admin sets another one, and then a team that exists
 * (one held by investment staff). Investment staff could otherwise hand leads, and their investors'
 * contacts, to another team by typing its name.
 */
function assertTeamChoice(executor: Executor, actor: ActorContext, team: string | null, allowed: string | null) {
  if (team == null || team === allowed) return;
  if (actor.role !== 'admin') throw new AppError('forbidden', '只有系统管理员可以调整线索的招商小组');
  const known = executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'investment'), eq(users.team, team)))
    .get();
  if (!known) throw new AppError('validation_failed', undefined, { team: [`招商小组"${team}"不存在`] });
}

function assertStillEditable(actor: ActorContext, scope: { ownerId: number; team: string | null }) {
  if (!canEditLead(actor, scope)) throw new AppError('forbidden', '不能把线索交给本组以外的负责人');
}

const staleLead = () => new AppError('stale_version', '该线索已被他人修改，请刷新后再试');

/** The open lead (线索 … 签约) of an enterprise, other than `exceptLeadId`, with its owner's name. */
export function openLeadOfEnterprise(executor: Executor, enterpriseId: number, exceptLeadId?: number) {
  return (
    executor
      .select({
        id: leads.id,
        company: leads.company,
        ownerId: leads.ownerId,
        ownerName: users.name,
        team: leads.team,
      })
      .from(leads)
      .innerJoin(users, eq(users.id, leads.ownerId))
      .where(
        and(
          eq(leads.enterpriseId, enterpriseId),
          inArray(leads.stage, [...OPEN_LEAD_STAGES]),
          exceptLeadId != null ? ne(leads.id, exceptLeadId) : undefined,
        ),
      )
      .orderBy(leads.id)
      .get() ?? null
  );
}

/** The message naming an open lead, its owner and team (首报首谈). */
export function duplicateLeadMessage(existing: {
  id: number;
  company: string;
  ownerName: string;
  team: string | null;
}) {
  return `该企业已有在谈线索 #${existing.id}「${existing.company}」，负责人 ${existing.ownerName}（${existing.team ?? '未分组'}）；按首报首谈由首报方跟进，可申请协同`;
}

/** 首报首谈: refuses a second open lead for an enterprise (409 duplicate_lead naming the first). */
function assertNoOpenLead(executor: Executor, enterpriseId: number, exceptLeadId?: number) {
  const existing = openLeadOfEnterprise(executor, enterpriseId, exceptLeadId);
  if (!existing) return;
  const message = duplicateLeadMessage(existing);
  throw new AppError(
    'duplicate_lead',
    message,
    { company: [message] },
    { existing: { id: existing.id, ownerId: existing.ownerId, team: existing.team } },
  );
}

type EnterpriseFields = { enterpriseId?: number | null; company?: string; creditCode?: string | null };

/**
 * The enterprise a lead's input names (picked id, else credit code, else company name; created when new),
 * and the lead's company: the registry's name when one was picked without a name typed.
 */
function leadEnterprise(
  tx: Executor,
  actor: ActorContext,
  input: EnterpriseFields & { origin?: string | null; industryId?: number | null },
  batchId?: number | null,
) {
  const enterprise = resolveEnterprise(
    tx,
    actor,
    {
      enterpriseId: input.enterpriseId,
      name: input.company,
      creditCode: input.creditCode,
      region: input.origin,
      industryId: input.industryId,
    },
    { field: 'creditCode', batchId },
  );
  const company = input.company?.trim() || enterprise?.name;
  if (!company) throw new AppError('validation_failed', undefined, { company: ['请填写企业名称'] });
  return { enterpriseId: enterprise?.id ?? null, company };
}

export interface InsertLeadOptions {
  /** The import batch that creates it; also marks the audit row as an import. */
  batchId?: number;
  /** Imported ledgers bring leads already under way; the form always starts at prospect. */
  stage?: Exclude<LeadStage, 'landed' | 'dropped'>;
  /** Skip reading the new lead back (bulk import); the function then returns null. */
  bulk?: boolean;
}

const PLEDGE_KEYS = ['currency', 'amountOriginal', 'exchangeRate', 'rateDate', 'intendedInvestment'] as const;

/** The pledge columns for a lead's input (issue 16: foreign currency → 万元), else 400 naming the field. */
function pledgeOrThrow(input: PledgeInput, current?: Pledge): Pledge {
  const result = resolvePledge(input, current);
  if (!result.ok) throw new AppError('validation_failed', undefined, result.fields);
  return result.pledge;
}

/** Inserts one lead, its first stage-history row and its audit row inside `tx`; checks owner and team. */
export function insertLead(
  tx: Executor,
  actor: ActorContext,
  input: LeadCreateInput,
  options: InsertLeadOptions = {},
): LeadDto | null {
  const ownerId = input.ownerId ?? actor.id;
  const pledge = pledgeOrThrow(input);
  const { ownerTeam } = assertLeadReferences(tx, { ...input, ownerId });
  assertChainLinkFits(tx, input.chainLinkId, input.industryId);
  // A blank team means the owner's team.
  const team = input.team ?? ownerTeam;
  assertTeamChoice(tx, actor, team, ownerTeam);
  assertStillEditable(actor, { ownerId, team });
  const { creditCode: _creditCode, enterpriseId: _enterpriseId, ...columns } = input;
  const { enterpriseId, company } = leadEnterprise(tx, actor, input, options.batchId);
  if (enterpriseId != null) assertNoOpenLead(tx, enterpriseId);
  const at = nowIso();
  const stage = options.stage ?? 'prospect';
  const lead = tx
    .insert(leads)
    .values({
      ...columns,
      ...pledge,
      company,
      enterpriseId,
      ownerId,
      team,
      stage,
      stageEnteredAt: at,
      signedAt: stage === 'signed' ? at : null,
      // A new lead counts as followed up the day it is logged; the 跟进停滞 light runs from here.
      lastFollowupDate: today(),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  const reason = options.batchId ? `Excel 导入（批次 #${options.batchId}）` : '新建线索';
  tx.insert(leadStageHistory)
    .values({ leadId: lead.id, fromStage: null, toStage: stage, at, byUserId: actor.id, reason })
    .run();
  // In bulk the audit row records the campaign by id only, saving a read per lead.
  const dto = toLeadDto(options.bulk ? { ...lead, campaignName: null } : findLead(tx, lead.id));
  writeAudit(tx, {
    userId: actor.id,
    action: options.batchId ? 'import' : 'create',
    entityType: 'lead',
    entityId: lead.id,
    after: dto,
    batchId: options.batchId ?? null,
    ip: actor.ip ?? null,
  });
  return options.bulk ? null : dto;
}

export function createLead(actor: ActorContext, input: LeadCreateInput): LeadDto {
  if (!canCreateLead(actor)) throw new AppError('forbidden', '只有招商专员可以新建线索');
  return getDb().transaction((tx) => insertLead(tx, actor, input)!);
}

function loadEditable(tx: Executor, actor: ActorContext, leadId: number, version: number | undefined): LeadRow {
  const current = findLead(tx, leadId);
  if (!canEditLead(actor, current)) throw new AppError('forbidden', '只能编辑本人或本组负责的线索');
  if (version !== undefined && version !== current.version) throw staleLead();
  return current;
}

export function updateLead(actor: ActorContext, leadId: number, patch: LeadPatchInput): LeadDto {
  return getDb().transaction((tx) => {
    const current = loadEditable(tx, actor, leadId, patch.version);
    const { version: _version, ...fields } = patch;
    applyLeadPatch(tx, actor, current, fields);
    return toLeadDto(findLead(tx, leadId));
  });
}

/** Applies a patch to a loaded lead inside `tx` (the form, the API and the importer); false when nothing changed. */
export function applyLeadPatch(
  tx: Executor,
  actor: ActorContext,
  current: LeadRow,
  fields: Omit<LeadPatchInput, 'version'>,
  batchId: number | null = null,
): boolean {
  const { ownerTeam } = assertLeadReferences(tx, { ...fields, ownerId: fields.ownerId ?? current.ownerId });
  // The link must stay a link of the lead's industry, whichever of the two the patch changes.
  if (fields.chainLinkId !== undefined || fields.industryId !== undefined)
    assertChainLinkFits(
      tx,
      fields.chainLinkId === undefined ? current.chainLinkId : fields.chainLinkId,
      fields.industryId === undefined ? current.industryId : fields.industryId,
      current.chainLinkId,
    );
  const { creditCode, enterpriseId: pickedId, ...columns } = fields;
  const changes: Partial<Lead> = { ...columns };
  if (PLEDGE_KEYS.some((key) => fields[key] !== undefined)) Object.assign(changes, pledgeOrThrow(fields, current));
  // The enterprise is resolved again only when the form names another one: a picked id, a credit code,
  // or a changed name. An open lead may not move onto an enterprise that has another open lead.
  const renamed = fields.company !== undefined && fields.company.trim() !== current.company;
  if ((pickedId != null && pickedId !== current.enterpriseId) || creditCode || renamed) {
    const resolved = leadEnterprise(
      tx,
      actor,
      {
        enterpriseId: pickedId,
        company: fields.company ?? current.company,
        creditCode,
        origin: fields.origin ?? current.origin,
      },
      batchId,
    );
    changes.enterpriseId = resolved.enterpriseId;
    changes.company = resolved.company;
    if (
      resolved.enterpriseId != null &&
      resolved.enterpriseId !== current.enterpriseId &&
      (OPEN_LEAD_STAGES as readonly string[]).includes(current.stage)
    )
      assertNoOpenLead(tx, resolved.enterpriseId, current.id);
  }
  // A new owner brings the lead into the owner's team unless a team is given; a blank team means the owner's.
  const ownerChanged = fields.ownerId != null && fields.ownerId !== current.ownerId;
  if ((ownerChanged && fields.team === undefined) || ('team' in fields && fields.team == null))
    changes.team = ownerTeam;
  const next = {
    ownerId: changes.ownerId ?? current.ownerId,
    team: changes.team === undefined ? current.team : changes.team,
  };
  // Keeping the team, or following a new owner into theirs, needs no admin.
  if (next.team !== current.team) assertTeamChoice(tx, actor, next.team, ownerChanged ? ownerTeam : current.team);
  assertStillEditable(actor, next);
  const { before, after, changed } = diff(
    current as unknown as Record<string, unknown>,
    changes as Record<string, unknown>,
  );
  if (!changed) return false;
  const updated = tx
    .update(leads)
    .set({ ...changes, version: current.version + 1, updatedAt: nowIso() })
    .where(and(eq(leads.id, current.id), eq(leads.version, current.version)))
    .returning({ id: leads.id })
    .get();
  if (!updated) throw staleLead();
  writeAudit(tx, {
    userId: actor.id,
    action: batchId ? 'import' : 'update',
    entityType: 'lead',
    entityId: current.id,
    before,
    after,
    batchId,
    ip: actor.ip ?? null,
  });
  return true;
}

/**
 * Puts a lead in a new stage at the version that was read: the row (with `set`), a line of its
 * stage history and a 'transition' audit row.
 */
function writeLeadStage(
  tx: Executor,
  actor: ActorContext,
  current: Lead,
  move: {
    to: LeadStage;
    at: string;
    set: Partial<Lead>;
    reason: string | null;
    audit: Pick<AuditEntry, 'projectId' | 'before' | 'after'>;
  },
): void {
  const updated = tx
    .update(leads)
    .set({
      stage: move.to,
      stageEnteredAt: move.at,
      ...move.set,
      version: current.version + 1,
      updatedAt: move.at,
    })
    .where(and(eq(leads.id, current.id), eq(leads.version, current.version)))
    .returning({ id: leads.id })
    .get();
  if (!updated) throw staleLead();
  tx.insert(leadStageHistory)
    .values({
      leadId: current.id,
      fromStage: current.stage,
      toStage: move.to,
      at: move.at,
      byUserId: actor.id,
      reason: move.reason,
    })
    .run();
  writeAudit(tx, {
    userId: actor.id,
    action: 'transition',
    entityType: 'lead',
    entityId: current.id,
    ...move.audit,
    ip: actor.ip ?? null,
  });
}

export function moveLead(actor: ActorContext, leadId: number, input: LeadTransitionInput): LeadDto {
  return getDb().transaction((tx) => {
    const current = loadEditable(tx, actor, leadId, input.version);
    const check = checkLeadTransition({ from: current.stage, to: input.to, reason: input.reason });
    if (!check.ok)
      throw new AppError(
        check.code,
        check.message,
        check.code === 'reason_required' ? { reason: [check.message] } : undefined,
      );
    // Reopening a dropped lead is a new claim on the investor: refused while another team works it.
    if (check.kind === 'reopen' && current.enterpriseId != null) assertNoOpenLead(tx, current.enterpriseId, current.id);
    const at = nowIso();
    const reason = input.reason?.trim() || null;
    writeLeadStage(tx, actor, current, {
      to: input.to,
      at,
      set: {
        dropReason: input.to === 'dropped' ? reason : null,
        // signedAt marks the current agreement; leaving 签约 backwards (the deal fell through) clears it.
        signedAt: input.to === 'signed' ? at : check.kind === 'forward' ? current.signedAt : null,
      },
      reason,
      audit: { before: { stage: current.stage }, after: { stage: input.to, reason } },
    });
    return toLeadDto(findLead(tx, leadId));
  });
}

export function addFollowup(actor: ActorContext, leadId: number, input: FollowupInput) {
  const day = today();
  const fields: FieldErrors = {};
  if (input.date > day) fields.date = ['跟进日期不能晚于今天'];
  if (input.nextFollowUpDate && input.nextFollowUpDate < input.date)
    fields.nextFollowUpDate = ['下次跟进日期不能早于本次跟进日期'];
  if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
  return getDb().transaction((tx) => {
    const current = findLead(tx, leadId);
    // The owner's team and the accepted 协同 teams log follow-ups.
    const partnerTeams = tx
      .select({ team: leadPartners.team })
      .from(leadPartners)
      .where(and(eq(leadPartners.leadId, leadId), eq(leadPartners.status, 'accepted')))
      .all()
      .map((row) => row.team);
    if (!canLogLeadFollowup(actor, { ...current, partnerTeams }))
      throw new AppError('forbidden', '只有线索负责人、本组及已同意的协同小组可以添加跟进');
    const followup = tx
      .insert(leadFollowups)
      .values({
        leadId,
        date: input.date,
        kind: input.kind,
        note: input.note,
        nextFollowUpDate: input.nextFollowUpDate ?? null,
        byUserId: actor.id,
      })
      .returning()
      .get();
    // The latest follow-up day (a back-dated record leaves a later one standing) and the next date, if given.
    const lastFollowupDate =
      current.lastFollowupDate && current.lastFollowupDate > input.date ? current.lastFollowupDate : input.date;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (lastFollowupDate !== current.lastFollowupDate) {
      before.lastFollowupDate = current.lastFollowupDate;
      after.lastFollowupDate = lastFollowupDate;
    }
    if (input.nextFollowUpDate) {
      before.nextFollowUpDate = current.nextFollowUpDate;
      after.nextFollowUpDate = input.nextFollowUpDate;
    }
    if (Object.keys(after).length) {
      tx.update(leads)
        .set({ ...after, version: current.version + 1, updatedAt: nowIso() })
        .where(eq(leads.id, leadId))
        .run();
    }
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'lead',
      entityId: leadId,
      before: Object.keys(before).length ? before : null,
      after: { followup: toFollowupDto(followup), ...after },
      ip: actor.ip ?? null,
    });
    return { followup: toFollowupDto(followup), lead: toLeadDto(findLead(tx, leadId)) };
  });
}

/** The project name a conversion proposes: the company and its proposed project. */
export function proposedProjectName(lead: Pick<Lead, 'company' | 'proposedProject'>): string {
  const proposed = lead.proposedProject?.trim();
  if (!proposed) return `${lead.company}投资项目`;
  return proposed.includes(lead.company) ? proposed : `${lead.company}${proposed}`;
}

/**
 * 转为项目 (lead stage 已转项目): turns a signed lead into an investment-attraction project at 已签约, in one transaction.
 * The project gets its 前期手续 checklist from insertProject; the lead becomes `landed` and the two
 * point at each other. Any refusal leaves both untouched.
 */
export function convertLead(
  actor: ActorContext,
  leadId: number,
  input: ConvertInput,
): { project: ProjectDto; lead: LeadDto } {
  return getDb().transaction((tx) => {
    const current = loadEditable(tx, actor, leadId, input.version);
    const convertible = checkConvertible(current);
    if (!convertible.ok) throw new AppError('not_convertible', convertible.message);
    const project =
      input.projectId != null
        ? linkableProject(tx, leadId, input.projectId)
        : insertProject(tx, actor, newProjectInput(tx, current, input), { stage: 'signed', leadId });
    const linked = recordContract(tx, actor, project, current);
    const at = nowIso();
    const reason = input.projectId != null ? `关联已有项目：${linked.name}` : `转为项目：${linked.name}`;
    writeLeadStage(tx, actor, current, {
      to: 'landed',
      at,
      set: { projectId: linked.id, nextFollowUpDate: null },
      reason,
      audit: {
        projectId: linked.id,
        before: { stage: current.stage, projectId: null },
        after: {
          stage: 'landed',
          projectId: linked.id,
          reason: `${LEAD_STAGE_LABELS.landed}：${input.projectId != null ? '关联已有项目' : '转为项目'}`,
        },
      },
    });
    return { project: toProjectDto(linked), lead: toLeadDto(findLead(tx, leadId)) };
  });
}

/** The new project's fields: the lead's unit unless another is chosen, and an officer of that unit. */
function newProjectInput(tx: Executor, current: LeadRow, input: ConvertInput) {
  const unitId = input.unitId ?? current.locationUnitId;
  const fields: FieldErrors = {};
  if (unitId == null) fields.unitId = ['请选择项目所在单位'];
  else if (!exists(tx, units, unitId)) fields.unitId = ['单位不存在'];
  if (input.ownerId != null && unitId != null) {
    const owner = tx
      .select({ role: users.role, unitId: users.unitId, active: users.active })
      .from(users)
      .where(eq(users.id, input.ownerId))
      .get();
    if (!owner || !owner.active || owner.role !== 'officer' || owner.unitId !== unitId)
      fields.ownerId = ['责任人须为所选单位的项目专员'];
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
  return {
    name: input.name ?? proposedProjectName(current),
    category: 'attraction' as const,
    nature: 'new' as const,
    status: 'active' as const,
    unitId: unitId!,
    industryId: current.industryId,
    // The project sits at the lead's 产业链环节 (unless the link has been deactivated since).
    chainLinkId: chainLinkProblem(tx, current.chainLinkId, current.industryId) ? null : current.chainLinkId,
    ownerId: input.ownerId ?? null,
    totalInvestment: current.intendedInvestment,
    plannedInvestmentThisYear: 0,
    openingInvestment: 0,
    description: `由招商线索转入：${current.company}${current.origin ? `（${current.origin}）` : ''}`,
  };
}

/** The stages a lead may be linked into: a project still being planned (谋划储备) or signed (已签约). */
const LINKABLE_STAGES = ['reserve', 'signed'] as const;

/**
 * An existing project the lead may link to (谋划项目找到合作伙伴): in 谋划储备 or 已签约, and linked
 * to no other lead, so the pair points at each other once. Else 400 naming projectId.
 */
function linkableProject(tx: Executor, leadId: number, projectId: number) {
  const refuse = (message: string) => new AppError('validation_failed', message, { projectId: [message] });
  const project = tx.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw refuse('项目不存在');
  if (!(LINKABLE_STAGES as readonly string[]).includes(project.stage))
    throw refuse(`项目「${project.name}」已处于「${STAGE_LABELS[project.stage]}」阶段，只能关联谋划储备或已签约的项目`);
  if (project.status !== 'active') throw refuse(`项目「${project.name}」已暂缓或终止，不能关联`);
  const otherLead = tx
    .select({ id: leads.id, company: leads.company })
    .from(leads)
    .where(and(eq(leads.projectId, projectId), ne(leads.id, leadId)))
    .get();
  if ((project.leadId != null && project.leadId !== leadId) || otherLead)
    throw refuse(
      `项目「${project.name}」已关联招商线索${otherLead ? `「${otherLead.company}」` : ` #${project.leadId}`}，一个项目只能关联一条线索`,
    );
  return project;
}

/**
 * 履约: the project takes the lead's contract — contractDate (the day the lead was signed), contractAmount
 * (its intended investment), the investor when it has none — and points back at the lead as an
 * attraction project. One update and one audit row, inside the conversion's transaction.
 */
function recordContract(tx: Executor, actor: ActorContext, project: typeof projects.$inferSelect, lead: LeadRow) {
  const changes: Partial<typeof projects.$inferInsert> = {
    leadId: lead.id,
    category: 'attraction',
    contractDate: lead.signedAt ? dateOfTimestamp(lead.signedAt) : today(),
    contractAmount: lead.intendedInvestment,
  };
  if (project.investorEnterpriseId == null && lead.enterpriseId != null)
    changes.investorEnterpriseId = lead.enterpriseId;
  const { before, after, changed } = diff(
    project as unknown as Record<string, unknown>,
    changes as Record<string, unknown>,
  );
  if (!changed) return project;
  const updated = tx
    .update(projects)
    .set({ ...changes, version: project.version + 1, updatedAt: nowIso() })
    .where(and(eq(projects.id, project.id), eq(projects.version, project.version)))
    .returning({ id: projects.id })
    .get();
  if (!updated) throw new AppError('stale_version', '该项目已被他人修改，请刷新后再试');
  writeAudit(tx, {
    userId: actor.id,
    action: 'update',
    entityType: 'project',
    entityId: project.id,
    projectId: project.id,
    before,
    after,
    ip: actor.ip ?? null,
  });
  refreshLight(tx, project.id);
  return findProject(tx, project.id);
}
