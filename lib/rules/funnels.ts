import { STAGES, type LeadStage, type Stage } from './enums';
import { LEAD_LINE } from './leads';

// The two funnels the app draws: projects by stage (the dashboard, the 大屏) and a campaign's leads
// (招商活动 转化漏斗). A funnel's step counts everything that got at least that far, so each step is
// a sum over the steps after it and can never be wider than the step before. Counting by current
// stage instead draws an hourglass (43 开工建设 under 32 前期手续) that reads as a loss that never happened.

export interface FunnelStep<S extends string> {
  stage: S;
  /** How many reached this stage or a later one. */
  count: number;
  /** The money those carry (万元): total investment for projects, intended investment for leads. */
  amount: number;
}

/**
 * Sums the figures standing at each position of `order` from the last position back, so step i counts
 * what stands at position i or later. `at(i)` gives what stands at position i.
 */
function suffixSums<S extends string>(
  order: readonly S[],
  at: (index: number) => { count: number; amount: number },
): FunnelStep<S>[] {
  const steps: FunnelStep<S>[] = [];
  let count = 0;
  let amount = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const here = at(i);
    count += here.count;
    amount += here.amount;
    steps.unshift({ stage: order[i], count, amount });
  }
  return steps;
}

/**
 * The stage funnel of a set of projects: for each stage, the projects whose current stage is that one or
 * later (the ledger's `minStage` filter opens exactly those). Takes the count and total investment per
 * current stage; stages missing from `byStage` count as empty.
 */
export function projectStageFunnel(
  byStage: ReadonlyArray<{ key: Stage; count: number; totalInvestment: number }>,
): FunnelStep<Stage>[] {
  return suffixSums(STAGES, (i) => {
    const row = byStage.find((r) => r.key === STAGES[i]);
    return { count: row?.count ?? 0, amount: row?.totalInvestment ?? 0 };
  });
}

export type LeadLineStage = (typeof LEAD_LINE)[number];

export interface FunnelLead {
  /** The lead's stage now (may be 放弃). */
  stage: LeadStage;
  /** Every stage the lead's history moved it to (lead_stage_history.to_stage). */
  history: readonly LeadStage[];
  intendedInvestment: number | null;
}

/**
 * The furthest stage of the line (线索 → 接洽 → 洽谈 → 签约 → 已转项目) a lead ever reached, from its current
 * stage and its history. A lead that skipped a stage (线索 straight to 洽谈) passed it; a lead moved back or
 * dropped keeps the furthest stage it reached; every lead reached 线索.
 */
export function furthestLeadStage(lead: Pick<FunnelLead, 'stage' | 'history'>): LeadLineStage {
  const line = LEAD_LINE as readonly LeadStage[];
  const index = Math.max(0, ...[lead.stage, ...lead.history].map((stage) => line.indexOf(stage)));
  return LEAD_LINE[index];
}

/** A campaign's conversion funnel: for each stage of the line, the leads that ever reached it or a later one. */
export function leadFunnel(leads: readonly FunnelLead[]): FunnelStep<LeadLineStage>[] {
  const furthest = leads.map((lead) => ({ stage: furthestLeadStage(lead), amount: lead.intendedInvestment ?? 0 }));
  return suffixSums(LEAD_LINE, (i) => {
    const here = furthest.filter((lead) => lead.stage === LEAD_LINE[i]);
    return { count: here.length, amount: here.reduce((sum, lead) => sum + lead.amount, 0) };
  });
}

/** Each step as a share of the one before it (null for the first step, or after an empty step). */
export function stepRates(steps: ReadonlyArray<{ count: number }>): Array<number | null> {
  return steps.map((step, i) => (i === 0 || steps[i - 1].count === 0 ? null : step.count / steps[i - 1].count));
}
