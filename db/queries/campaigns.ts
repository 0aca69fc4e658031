import 'server-only';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { campaignLeaders, campaigns, leadStageHistory, leads, projects, users } from '../schema';
import type { LeadStage } from '@/lib/rules/enums';
import { leadFunnel } from '@/lib/rules/funnels';

// Reads behind /campaigns and the campaign page.

const SIGNED_OR_LANDED = sql`${leads.stage} in ('signed', 'landed')`;

/** Campaigns with their lead count, signed investment and landed count, newest first. */
export function listCampaigns() {
  const db = getDb();
  const rows = db
    .select({
      campaign: campaigns,
      leadCount: sql<number>`count(${leads.id})`.mapWith(Number),
      intendedInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`.mapWith(Number),
      signedInvestment:
        sql<number>`coalesce(sum(case when ${SIGNED_OR_LANDED} then ${leads.intendedInvestment} else 0 end), 0)`.mapWith(
          Number,
        ),
      landedCount: sql<number>`coalesce(sum(case when ${leads.stage} = 'landed' then 1 else 0 end), 0)`.mapWith(Number),
    })
    .from(campaigns)
    .leftJoin(leads, eq(leads.campaignId, campaigns.id))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.startDate), asc(campaigns.id))
    .all();
  const leaders = leaderNames(rows.map((r) => r.campaign.id));
  return rows.map(({ campaign, ...figures }) => ({ ...campaign, ...figures, leaders: leaders.get(campaign.id) ?? [] }));
}

function leaderNames(campaignIds: number[]) {
  const map = new Map<number, Array<{ id: number; name: string }>>();
  if (!campaignIds.length) return map;
  const rows = getDb()
    .select({ campaignId: campaignLeaders.campaignId, id: users.id, name: users.name })
    .from(campaignLeaders)
    .innerJoin(users, eq(users.id, campaignLeaders.userId))
    .where(inArray(campaignLeaders.campaignId, campaignIds))
    .orderBy(asc(users.id))
    .all();
  for (const row of rows) {
    const list = map.get(row.campaignId) ?? [];
    list.push({ id: row.id, name: row.name });
    map.set(row.campaignId, list);
  }
  return map;
}

/**
 * One campaign with its conversion funnel (the leads that ever reached each stage, from lead_stage_history),
 * its leads by current stage, and its landed projects.
 */
export function getCampaignDetail(campaignId: number) {
  const db = getDb();
  const campaign = db.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
  if (!campaign) return null;
  const campaignLeads = db
    .select({ id: leads.id, stage: leads.stage, intendedInvestment: leads.intendedInvestment })
    .from(leads)
    .where(eq(leads.campaignId, campaignId))
    .all();
  const history = db
    .select({ leadId: leadStageHistory.leadId, toStage: leadStageHistory.toStage })
    .from(leadStageHistory)
    .innerJoin(leads, eq(leads.id, leadStageHistory.leadId))
    .where(eq(leads.campaignId, campaignId))
    .all();
  const historyOf = new Map<number, LeadStage[]>();
  for (const row of history) historyOf.set(row.leadId, [...(historyOf.get(row.leadId) ?? []), row.toStage]);
  const funnel = leadFunnel(campaignLeads.map((lead) => ({ ...lead, history: historyOf.get(lead.id) ?? [] })));
  const byStage = db
    .select({
      stage: leads.stage,
      count: sql<number>`count(*)`.mapWith(Number),
      intendedInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`.mapWith(Number),
    })
    .from(leads)
    .where(eq(leads.campaignId, campaignId))
    .groupBy(leads.stage)
    .all() as Array<{ stage: LeadStage; count: number; intendedInvestment: number }>;
  const landedProjects = db
    .select({
      leadId: leads.id,
      company: leads.company,
      projectId: projects.id,
      projectName: projects.name,
      projectStage: projects.stage,
      totalInvestment: projects.totalInvestment,
    })
    .from(leads)
    .innerJoin(projects, eq(projects.id, leads.projectId))
    .where(eq(leads.campaignId, campaignId))
    .orderBy(asc(projects.id))
    .all();
  return { campaign, leaders: leaderNames([campaignId]).get(campaignId) ?? [], funnel, byStage, landedProjects };
}

export function listLeaderOptions() {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`${users.active} = 1 and ${users.role} = 'leader'`)
    .orderBy(asc(users.id))
    .all();
}
