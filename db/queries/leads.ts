import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import {
  enterprises,
  auditLog,
  campaigns,
  industries,
  leadFollowups,
  leads,
  leadStageHistory,
  projects,
  units,
  users,
} from '../schema';
import { leadWhere } from './project-filters';
import type { LeadFilters } from '@/lib/schemas/filters';
import { today } from '@/lib/rules/dates';
import type { LeadSort } from '@/lib/rules/lead-sorts';

// Reads behind /leads, the lead page and GET /api/v1/leads. Filters come from leadWhere so the
// list, its total row and the leads board agree.

const sortColumns = {
  updatedAt: leads.updatedAt,
  company: leads.company,
  intendedInvestment: leads.intendedInvestment,
  nextFollowUpDate: leads.nextFollowUpDate,
  stageEnteredAt: leads.stageEnteredAt,
  createdAt: leads.createdAt,
} as const;

export interface ListLeadsOptions {
  filters: LeadFilters;
  sort?: LeadSort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  day?: string;
}

/** The names a lead row shows for its ids (campaign, owner, industry, location unit), all left-joined. */
const leadNameColumns = {
  campaignName: campaigns.name,
  ownerName: users.name,
  industryName: industries.name,
  locationUnitName: units.name,
};

/** One page of leads with the names the list shows. */
export function listLeads({
  filters,
  sort = 'updatedAt',
  dir = 'desc',
  page = 1,
  pageSize = 50,
  day = today(),
}: ListLeadsOptions) {
  const order = dir === 'asc' ? asc : desc;
  // Blank follow-up dates sort last whichever way the column is sorted.
  const nullsLast = sort === 'nextFollowUpDate' ? [sql`${leads.nextFollowUpDate} is null`] : [];
  return getDb()
    .select({
      lead: leads,
      ...leadNameColumns,
    })
    .from(leads)
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(industries, eq(industries.id, leads.industryId))
    .leftJoin(units, eq(units.id, leads.locationUnitId))
    .where(leadWhere(filters, day))
    .orderBy(...nullsLast, order(sortColumns[sort]), desc(leads.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map(({ lead, ...names }) => ({ ...lead, ...names }));
}
export type LeadListRow = ReturnType<typeof listLeads>[number];

export const leadSumColumns = {
  count: sql<number>`count(*)`.mapWith(Number),
  intendedInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`.mapWith(Number),
};

/** Count and intended investment of the filtered set, in SQL: the list's total row. */
export function sumLeads(filters: LeadFilters, day = today()) {
  return getDb().select(leadSumColumns).from(leads).where(leadWhere(filters, day)).get()!;
}

/** Everything the lead page shows besides the lead itself. */
export function getLeadDetail(leadId: number) {
  const db = getDb();
  const row = db
    .select({
      lead: leads,
      ...leadNameColumns,
      projectName: projects.name,
      enterpriseCreditCode: enterprises.creditCode,
    })
    .from(leads)
    .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(industries, eq(industries.id, leads.industryId))
    .leftJoin(units, eq(units.id, leads.locationUnitId))
    .leftJoin(projects, eq(projects.id, leads.projectId))
    .where(eq(leads.id, leadId))
    .get();
  if (!row) return null;
  const byUser = alias(users, 'by_user');
  const history = db
    .select({
      id: leadStageHistory.id,
      fromStage: leadStageHistory.fromStage,
      toStage: leadStageHistory.toStage,
      at: leadStageHistory.at,
      reason: leadStageHistory.reason,
      byName: byUser.name,
    })
    .from(leadStageHistory)
    .leftJoin(byUser, eq(byUser.id, leadStageHistory.byUserId))
    .where(eq(leadStageHistory.leadId, leadId))
    .orderBy(asc(leadStageHistory.at), asc(leadStageHistory.id))
    .all();
  const followups = db
    .select({ followup: leadFollowups, byName: byUser.name })
    .from(leadFollowups)
    .leftJoin(byUser, eq(byUser.id, leadFollowups.byUserId))
    .where(eq(leadFollowups.leadId, leadId))
    .orderBy(desc(leadFollowups.date), desc(leadFollowups.id))
    .all()
    .map(({ followup, byName }) => ({ ...followup, byName }));
  const audit = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      byName: byUser.name,
    })
    .from(auditLog)
    .leftJoin(byUser, eq(byUser.id, auditLog.userId))
    .where(and(eq(auditLog.entityType, 'lead'), eq(auditLog.entityId, leadId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200)
    .all();
  return {
    ...row.lead,
    campaignName: row.campaignName,
    ownerName: row.ownerName,
    industryName: row.industryName,
    locationUnitName: row.locationUnitName,
    projectName: row.projectName,
    enterpriseCreditCode: row.enterpriseCreditCode,
    history,
    followups,
    audit,
  };
}
export type LeadDetail = NonNullable<ReturnType<typeof getLeadDetail>>;

/** A page of the follow-up log, oldest first, with its total. */
export function listFollowups({
  leadId,
  page = 1,
  pageSize = 50,
}: {
  leadId: number;
  page?: number;
  pageSize?: number;
}) {
  const db = getDb();
  const items = db
    .select()
    .from(leadFollowups)
    .where(eq(leadFollowups.leadId, leadId))
    .orderBy(asc(leadFollowups.date), asc(leadFollowups.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(leadFollowups)
    .where(eq(leadFollowups.leadId, leadId))
    .get()!.count;
  return { items, total };
}

/** Pickers: investment staff (lead owners), teams, channels and campaigns. */
export function listLeadOwners() {
  return getDb()
    .select({ id: users.id, name: users.name, team: users.team })
    .from(users)
    .where(and(eq(users.active, true), eq(users.role, 'investment')))
    .orderBy(asc(users.id))
    .all();
}

/** Teams of investment users (the only role whose team owns leads), for the lead filters and forms. */
export function listInvestmentTeams(): string[] {
  return getDb()
    .selectDistinct({ team: users.team })
    .from(users)
    .where(and(eq(users.role, 'investment'), isNotNull(users.team)))
    .orderBy(asc(users.team))
    .all()
    .map((row) => row.team!);
}

export function listChannels(): string[] {
  return getDb()
    .selectDistinct({ source: leads.source })
    .from(leads)
    .where(isNotNull(leads.source))
    .orderBy(asc(leads.source))
    .all()
    .map((row) => row.source!);
}

export function listCampaignOptions() {
  return getDb()
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .orderBy(desc(campaigns.startDate), asc(campaigns.id))
    .all();
}

/** Officers of a set of units, for the conversion dialog's owner picker. */
export function listOfficers(unitIds?: number[]) {
  return getDb()
    .select({ id: users.id, name: users.name, unitId: users.unitId })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        eq(users.role, 'officer'),
        unitIds?.length ? inArray(users.unitId, unitIds) : undefined,
      ),
    )
    .orderBy(asc(users.unitId), asc(users.id))
    .all();
}

/** Projects a signed lead may be linked to (谋划项目找到合作伙伴): active, 谋划储备 or 已签约, no lead yet. */
export function listLinkableProjects() {
  return getDb()
    .select({ id: projects.id, name: projects.name, stage: projects.stage, unitId: projects.unitId })
    .from(projects)
    .where(
      and(
        inArray(projects.stage, ['reserve', 'signed']),
        eq(projects.status, 'active'),
        sql`${projects.leadId} is null`,
        sql`not exists (select 1 from leads l where l.project_id = ${projects.id})`,
      ),
    )
    .orderBy(asc(projects.name))
    .all();
}

/** The 统一社会信用代码 of the given enterprises (those that have one), for the leads export. */
export function enterpriseCreditCodes(ids: Array<number | null>): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  const codes = new Map<number, string>();
  // In chunks: SQLite caps the number of bound parameters.
  for (let i = 0; i < wanted.length; i += 500)
    for (const row of getDb()
      .select({ id: enterprises.id, code: enterprises.creditCode })
      .from(enterprises)
      .where(and(inArray(enterprises.id, wanted.slice(i, i + 500)), isNotNull(enterprises.creditCode)))
      .all())
      codes.set(row.id, row.code!);
  return codes;
}
