import 'server-only';
import { and, asc, eq, gte, inArray, lte, min } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { campaigns, leads, projects, stageHistory, units } from '@/db/schema';
import {
  attractionFigures,
  attractionGroups,
  type AttractionFigures,
  type AttractionRow,
} from '@/lib/rules/attraction';
import { dateOfTimestamp, today as todayIso } from '@/lib/rules/dates';

// 履约 by team, campaign and unit (GET /api/v1/stats/attraction and the 招商统计 page). The figures'
// definitions are in lib/rules/attraction.ts; this file only reads the rows.

/** The year's contracted projects (contractDate in the year) with their lead's team and campaign. */
export function loadAttractionRows(year: number, executor: Executor = getDb()): AttractionRow[] {
  const rows = executor
    .select({
      projectId: projects.id,
      team: leads.team,
      campaignId: leads.campaignId,
      unitId: projects.unitId,
      contractAmount: projects.contractAmount,
      promisedFunds: projects.promisedFunds,
      fundsInPlace: projects.fundsInPlace,
      promisedStartDate: projects.promisedStartDate,
    })
    .from(projects)
    .leftJoin(leads, eq(leads.id, projects.leadId))
    .where(and(gte(projects.contractDate, `${year}-01-01`), lte(projects.contractDate, `${year}-12-31`)))
    .orderBy(asc(projects.id))
    .all();
  const started = new Map<number, string>();
  const ids = rows.map((row) => row.projectId);
  for (let i = 0; i < ids.length; i += 500) {
    for (const first of executor
      .select({ projectId: stageHistory.projectId, at: min(stageHistory.at) })
      .from(stageHistory)
      .where(and(inArray(stageHistory.projectId, ids.slice(i, i + 500)), eq(stageHistory.toStage, 'construction')))
      .groupBy(stageHistory.projectId)
      .all()) {
      if (first.at) started.set(first.projectId, dateOfTimestamp(first.at));
    }
  }
  return rows.map((row) => ({ ...row, startedOn: started.get(row.projectId) ?? null }));
}

/** One team, campaign or unit with its figures beside its key (API.md: `{ signedAmount, fundsInPlace, startedOnTime, performanceRate }` …). */
export type AttractionGroup = { key: string | number | null; label: string } & AttractionFigures;

export interface AttractionStats {
  year: number;
  asOf: string;
  total: AttractionFigures;
  byTeam: AttractionGroup[];
  byCampaign: AttractionGroup[];
  byUnit: AttractionGroup[];
}

const byLabel = (a: AttractionGroup, b: AttractionGroup) =>
  a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, 'zh-CN');

export function getAttractionStats(year: number, executor: Executor = getDb()): AttractionStats {
  const day = todayIso();
  const rows = loadAttractionRows(year, executor);
  const campaignNames = new Map(
    executor
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .all()
      .map((c) => [c.id, c.name]),
  );
  const unitNames = new Map(
    executor
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((u) => [u.id, u.name]),
  );
  return {
    year,
    asOf: day,
    total: attractionFigures(rows, day),
    byTeam: attractionGroups(rows, (row) => row.team || null, day)
      .map(({ key, figures }) => ({ key, label: key ?? '未关联招商小组', ...figures }))
      .sort(byLabel),
    byCampaign: attractionGroups(rows, (row) => row.campaignId, day)
      .map(({ key, figures }) => ({
        key,
        label: key == null ? '非招商活动' : (campaignNames.get(key) ?? `活动 ${key}`),
        ...figures,
      }))
      .sort(byLabel),
    byUnit: attractionGroups(rows, (row) => row.unitId, day)
      .map(({ key, figures }) => ({ key, label: unitNames.get(key) ?? `单位 ${key}`, ...figures }))
      .sort(byLabel),
  };
}

/** The Beijing day a project first entered 开工建设, or null. */
export function startedOnOf(projectId: number, executor: Executor = getDb()): string | null {
  const first = executor
    .select({ at: min(stageHistory.at) })
    .from(stageHistory)
    .where(and(eq(stageHistory.projectId, projectId), eq(stageHistory.toStage, 'construction')))
    .get();
  return first?.at ? dateOfTimestamp(first.at) : null;
}
