import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { campaigns, industries, leads, leadStageHistory } from '../schema';
import type { LeadStage } from '@/lib/rules/enums';
import { LEAD_LINE } from '@/lib/rules/leads';

// 招商统计: every figure is computed in SQL from leads and lead_stage_history. The year's 签约 and 落地
// are project figures, defined once in domain/stats.ts.

const figures = {
  count: sql<number>`count(*)`.mapWith(Number),
  intendedInvestment: sql<number>`coalesce(sum(${leads.intendedInvestment}), 0)`.mapWith(Number),
};

export interface GroupFigure {
  key: string;
  label: string;
  count: number;
  intendedInvestment: number;
}

export function leadsByStage(): Array<{ stage: LeadStage; count: number; intendedInvestment: number }> {
  return getDb()
    .select({ stage: leads.stage, ...figures })
    .from(leads)
    .groupBy(leads.stage)
    .all();
}

/** By source: the campaign, else the channel, else 未填写. */
export function leadsBySource(): GroupFigure[] {
  const label = sql<string>`coalesce(${campaigns.name}, ${leads.source}, '未填写')`;
  return getDb()
    .select({ label, ...figures })
    .from(leads)
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .groupBy(label)
    .orderBy(sql`count(*) desc`)
    .all()
    .map((row) => ({ ...row, key: row.label }));
}

export function leadsByOrigin(): GroupFigure[] {
  const label = sql<string>`coalesce(nullif(trim(${leads.origin}), ''), '未填写')`;
  return getDb()
    .select({ label, ...figures })
    .from(leads)
    .groupBy(label)
    .orderBy(sql`count(*) desc`)
    .all()
    .map((row) => ({ ...row, key: row.label }));
}

export function leadsByIndustry(): GroupFigure[] {
  const label = sql<string>`coalesce(${industries.name}, '未填写')`;
  return getDb()
    .select({ label, ...figures })
    .from(leads)
    .leftJoin(industries, eq(industries.id, leads.industryId))
    .groupBy(label)
    .orderBy(sql`count(*) desc`)
    .all()
    .map((row) => ({ ...row, key: row.label }));
}

/**
 * Conversion from each stage of the main line to the next: of the leads that ever reached a
 * stage (or any later one, since forward moves may skip), the share that reached the next.
 */
export function stageConversion(): Array<{ from: LeadStage; to: LeadStage; reachedFrom: number; reachedTo: number }> {
  const db = getDb();
  const reached = (stages: readonly LeadStage[]) =>
    db
      .select({ n: sql<number>`count(distinct ${leadStageHistory.leadId})`.mapWith(Number) })
      .from(leadStageHistory)
      .where(inArray(leadStageHistory.toStage, [...stages]))
      .get()!.n;
  const counts = LEAD_LINE.map((_, i) => reached(LEAD_LINE.slice(i)));
  return LEAD_LINE.slice(0, -1).map((from, i) => ({
    from,
    to: LEAD_LINE[i + 1],
    reachedFrom: counts[i],
    reachedTo: counts[i + 1],
  }));
}

/** Average whole days from a lead's creation to its first move into 签约. */
export function averageDaysToSign(): { average: number | null; leads: number } {
  const firstSigned = getDb()
    .select({ leadId: leadStageHistory.leadId, at: sql<string>`min(${leadStageHistory.at})`.as('first_signed_at') })
    .from(leadStageHistory)
    .where(eq(leadStageHistory.toStage, 'signed'))
    .groupBy(leadStageHistory.leadId)
    .as('first_signed');
  const row = getDb()
    .select({
      average: sql<
        number | null
      >`avg(julianday(substr(${firstSigned.at}, 1, 10)) - julianday(substr(${leads.createdAt}, 1, 10)))`,
      leads: sql<number>`count(*)`.mapWith(Number),
    })
    .from(firstSigned)
    .innerJoin(leads, eq(leads.id, firstSigned.leadId))
    .get()!;
  return { average: row.average == null ? null : Math.round(Number(row.average)), leads: row.leads };
}
