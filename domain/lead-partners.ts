import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import { leadPartners, users, type LeadPartner } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import { PARTNER_STATUS_LABELS } from '@/lib/rules/enums';
import { OPEN_LEAD_STAGES } from '@/lib/rules/leads';
import { canDecideLeadPartner, canRequestLeadPartner, type ActorContext } from '@/lib/rules/permissions';
import type { PartnerDecisionInput, PartnerRequestInput } from '@/lib/schemas/lead-partner';
import { findLead } from './leads';
import { notify } from './notifications';

// 协同招商 (首报首谈): the first reporter keeps the lead; an investment user of another team asks to
// join it, and the lead's owner or an admin accepts or declines. An accepted team sees the investor's
// contacts and logs follow-ups (lib/rules/permissions.ts isLeadPartner). Each change, its audit row and
// its notification are written in one transaction.

export function toPartnerDto(row: LeadPartner & { requestedByName?: string | null; decidedByName?: string | null }) {
  return {
    id: row.id,
    leadId: row.leadId,
    team: row.team,
    status: row.status,
    note: row.note,
    requestedBy: row.requestedBy,
    requestedByName: row.requestedByName ?? null,
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName ?? null,
    decidedAt: row.decidedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type PartnerDto = ReturnType<typeof toPartnerDto>;

/** A lead's 协同 requests, oldest first, with the names of who asked and who decided. */
export function listPartners(executor: Executor, leadId: number): PartnerDto[] {
  const rows = executor
    .select()
    .from(leadPartners)
    .where(eq(leadPartners.leadId, leadId))
    .orderBy(asc(leadPartners.id))
    .all();
  const names = new Map(
    executor
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((user) => [user.id, user.name]),
  );
  return rows.map((row) =>
    toPartnerDto({
      ...row,
      requestedByName: names.get(row.requestedBy) ?? null,
      decidedByName: row.decidedBy != null ? (names.get(row.decidedBy) ?? null) : null,
    }),
  );
}

/** The teams whose request on a lead was accepted. */
export function acceptedPartnerTeams(executor: Executor, leadId: number): string[] {
  return executor
    .select({ team: leadPartners.team })
    .from(leadPartners)
    .where(and(eq(leadPartners.leadId, leadId), eq(leadPartners.status, 'accepted')))
    .all()
    .map((row) => row.team);
}

/** The leads on which `team` is an accepted partner (for lists that blank contacts). */
export function partneredLeadIds(executor: Executor, team: string | null | undefined): Set<number> {
  if (!team) return new Set();
  return new Set(
    executor
      .select({ leadId: leadPartners.leadId })
      .from(leadPartners)
      .where(and(eq(leadPartners.team, team), eq(leadPartners.status, 'accepted')))
      .all()
      .map((row) => row.leadId),
  );
}

const stalePartner = () => new AppError('stale_version', '该协同申请已被他人处理，请刷新后再试');

/** 申请协同: one request per team and lead; a declined team may ask again. */
export function requestPartner(actor: ActorContext, leadId: number, input: PartnerRequestInput): PartnerDto {
  return getDb().transaction((tx) => {
    const lead = findLead(tx, leadId);
    if (!canRequestLeadPartner(actor, lead))
      throw new AppError(
        'forbidden',
        actor.role === 'investment' && actor.team && actor.team === lead.team
          ? '本组已负责该线索，无需申请协同'
          : '只有其他招商小组的招商专员可以申请协同',
      );
    if (!(OPEN_LEAD_STAGES as readonly string[]).includes(lead.stage))
      throw new AppError('bad_request', '该线索已结束（已转项目或已放弃），不能申请协同');
    const team = actor.team!;
    const note = input.note?.trim() || null;
    const at = nowIso();
    const prior = tx
      .select()
      .from(leadPartners)
      .where(and(eq(leadPartners.leadId, leadId), eq(leadPartners.team, team)))
      .get();
    let row: LeadPartner;
    if (prior && prior.status !== 'declined')
      throw new AppError(
        'duplicate',
        `${team}已${prior.status === 'accepted' ? '是该线索的协同小组' : '申请协同，等待负责人处理'}`,
      );
    if (prior) {
      row = tx
        .update(leadPartners)
        .set({
          status: 'pending',
          note,
          requestedBy: actor.id,
          decidedBy: null,
          decidedAt: null,
          version: prior.version + 1,
          updatedAt: at,
        })
        .where(and(eq(leadPartners.id, prior.id), eq(leadPartners.version, prior.version)))
        .returning()
        .get();
      if (!row) throw stalePartner();
    } else {
      row = tx
        .insert(leadPartners)
        .values({ leadId, team, status: 'pending', note, requestedBy: actor.id, createdAt: at, updatedAt: at })
        .returning()
        .get();
    }
    writeAudit(tx, {
      userId: actor.id,
      action: prior ? 'update' : 'create',
      entityType: 'lead_partner',
      entityId: row.id,
      before: prior ? { status: prior.status, note: prior.note, requestedBy: prior.requestedBy } : null,
      after: { leadId, team, status: 'pending', note, requestedBy: actor.id },
      ip: actor.ip ?? null,
    });
    notify(tx, {
      userIds: [lead.ownerId],
      kind: 'lead_partner_requested',
      message: `${team}申请协同线索「${lead.company}」${note ? `：${note}` : ''}`,
      link: `/leads/${leadId}#partners`,
      refId: row.id,
      exceptUserId: actor.id,
    });
    return listPartners(tx, leadId).find((partner) => partner.id === row.id)!;
  });
}

/** The owner or an admin accepts or declines a request (an accepted team may later be declined). */
export function decidePartner(
  actor: ActorContext,
  leadId: number,
  partnerId: number,
  input: PartnerDecisionInput,
): PartnerDto {
  return getDb().transaction((tx) => {
    const lead = findLead(tx, leadId);
    const current = tx
      .select()
      .from(leadPartners)
      .where(and(eq(leadPartners.id, partnerId), eq(leadPartners.leadId, leadId)))
      .get();
    if (!current) throw new AppError('not_found', '协同申请不存在');
    if (!canDecideLeadPartner(actor, lead))
      throw new AppError('forbidden', '只有线索负责人或系统管理员可以处理协同申请');
    if (input.version !== current.version) throw stalePartner();
    if (current.status === input.status) return listPartners(tx, leadId).find((partner) => partner.id === partnerId)!;
    if (current.status === 'declined')
      throw new AppError('bad_request', '该申请已被拒绝；对方可重新申请协同', { status: ['该申请已被拒绝'] });
    const at = nowIso();
    const updated = tx
      .update(leadPartners)
      .set({ status: input.status, decidedBy: actor.id, decidedAt: at, version: current.version + 1, updatedAt: at })
      .where(and(eq(leadPartners.id, partnerId), eq(leadPartners.version, current.version)))
      .returning({ id: leadPartners.id })
      .get();
    if (!updated) throw stalePartner();
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'lead_partner',
      entityId: partnerId,
      before: { status: current.status },
      after: { status: input.status, decidedBy: actor.id, decidedAt: at },
      ip: actor.ip ?? null,
    });
    notify(tx, {
      userIds: [current.requestedBy],
      kind: 'lead_partner_decided',
      message: `线索「${lead.company}」的协同申请（${current.team}）：${PARTNER_STATUS_LABELS[input.status]}`,
      link: `/leads/${leadId}`,
      refId: partnerId,
      exceptUserId: actor.id,
    });
    return listPartners(tx, leadId).find((partner) => partner.id === partnerId)!;
  });
}
