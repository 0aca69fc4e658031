import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { campaignLeaders, campaigns, leads, users, type Campaign } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import { canManageCampaigns, type ActorContext } from '@/lib/rules/permissions';
import type { CampaignInput } from '@/lib/schemas/lead';

// 招商季 campaigns: created and kept by admins and investment staff, with the leaders who go.

export function toCampaignDto(campaign: Campaign, leaderIds: number[]) {
  return {
    id: campaign.id,
    name: campaign.name,
    destinations: campaign.destinations,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    description: campaign.description,
    leaderIds,
    version: campaign.version,
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
  };
}
export type CampaignDto = ReturnType<typeof toCampaignDto>;

function findCampaign(executor: Executor, campaignId: number): Campaign {
  const campaign = executor.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
  if (!campaign) throw new AppError('not_found', '招商活动不存在');
  return campaign;
}

const leaderIdsOf = (executor: Executor, campaignId: number) =>
  executor
    .select({ userId: campaignLeaders.userId })
    .from(campaignLeaders)
    .where(eq(campaignLeaders.campaignId, campaignId))
    .all()
    .map((row) => row.userId)
    .sort((a, b) => a - b);

function assertAllowed(actor: ActorContext) {
  if (!canManageCampaigns(actor)) throw new AppError('forbidden', '只有招商专员或管理员可以维护招商活动');
}

function assertNameFree(executor: Executor, name: string, exceptId?: number) {
  const clash = executor.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, name)).get();
  if (clash && clash.id !== exceptId)
    throw new AppError('validation_failed', undefined, { name: ['已有同名的招商活动'] });
}

function writeLeaders(executor: Executor, campaignId: number, leaderIds: number[]) {
  const unique = [...new Set(leaderIds)];
  if (unique.length) {
    const found = executor
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, unique), inArray(users.role, ['leader', 'admin']), eq(users.active, true)))
      .all();
    if (found.length !== unique.length)
      throw new AppError('validation_failed', undefined, { leaderIds: ['带队领导须为在用的领导账号'] });
  }
  executor.delete(campaignLeaders).where(eq(campaignLeaders.campaignId, campaignId)).run();
  if (unique.length)
    executor
      .insert(campaignLeaders)
      .values(unique.map((userId) => ({ campaignId, userId })))
      .run();
}

export function createCampaign(actor: ActorContext, input: CampaignInput): CampaignDto {
  assertAllowed(actor);
  return getDb().transaction((tx) => {
    assertNameFree(tx, input.name);
    const { leaderIds, ...fields } = input;
    const campaign = tx
      .insert(campaigns)
      .values({ ...fields, createdBy: actor.id })
      .returning()
      .get();
    writeLeaders(tx, campaign.id, leaderIds);
    const dto = toCampaignDto(campaign, leaderIdsOf(tx, campaign.id));
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'campaign',
      entityId: campaign.id,
      after: dto,
      ip: actor.ip ?? null,
    });
    return dto;
  });
}

export function updateCampaign(
  actor: ActorContext,
  campaignId: number,
  input: CampaignInput & { version: number },
): CampaignDto {
  assertAllowed(actor);
  return getDb().transaction((tx) => {
    const current = findCampaign(tx, campaignId);
    if (current.version !== input.version) throw new AppError('stale_version', '该招商活动已被他人修改，请刷新后再试');
    assertNameFree(tx, input.name, campaignId);
    const { leaderIds, version: _version, ...fields } = input;
    const beforeLeaders = leaderIdsOf(tx, campaignId);
    const { before, after } = diff(current as unknown as Record<string, unknown>, fields);
    const updated = tx
      .update(campaigns)
      .set({ ...fields, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeLeaders(tx, campaignId, leaderIds);
    const afterLeaders = leaderIdsOf(tx, campaignId);
    const leadersChanged = JSON.stringify(beforeLeaders) !== JSON.stringify(afterLeaders);
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'campaign',
      entityId: campaignId,
      before: { ...before, ...(leadersChanged ? { leaderIds: beforeLeaders } : {}) },
      after: { ...after, ...(leadersChanged ? { leaderIds: afterLeaders } : {}) },
      ip: actor.ip ?? null,
    });
    return toCampaignDto(updated, afterLeaders);
  });
}

/** Deletes a campaign that no lead is attributed to; attributed leads keep their history. */
export function deleteCampaign(actor: ActorContext, campaignId: number, version: number): void {
  assertAllowed(actor);
  getDb().transaction((tx) => {
    const current = findCampaign(tx, campaignId);
    if (current.version !== version) throw new AppError('stale_version', '该招商活动已被他人修改，请刷新后再试');
    const attributed = tx.select({ id: leads.id }).from(leads).where(eq(leads.campaignId, campaignId)).limit(1).get();
    if (attributed) throw new AppError('conflict', '已有线索归属该招商活动，不能删除');
    const dto = toCampaignDto(current, leaderIdsOf(tx, campaignId));
    tx.delete(campaigns).where(eq(campaigns.id, campaignId)).run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'campaign',
      entityId: campaignId,
      before: dto,
      ip: actor.ip ?? null,
    });
  });
}
