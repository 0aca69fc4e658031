import { describe, expect, it } from 'vitest';
import { LEAD_STAGES, STAGES, type LeadStage, type Stage } from '@/lib/rules/enums';
import { furthestLeadStage, leadFunnel, projectStageFunnel, stepRates, type FunnelLead } from '@/lib/rules/funnels';

const nonIncreasing = (counts: number[]) => counts.every((count, i) => i === 0 || count <= counts[i - 1]);

// A small deterministic generator, so the property runs over many shapes and fails the same way twice.
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('projectStageFunnel', () => {
  it('counts the projects at each stage or later (the issue: 43 开工建设 under 32 前期手续 is not a funnel)', () => {
    const byStage = [
      { key: 'reserve' as const, count: 10, totalInvestment: 1000 },
      { key: 'signed' as const, count: 5, totalInvestment: 500 },
      { key: 'approvals' as const, count: 32, totalInvestment: 3200 },
      { key: 'construction' as const, count: 43, totalInvestment: 4300 },
      // 竣工 has no projects and no row.
      { key: 'operating' as const, count: 2, totalInvestment: 200 },
    ];
    expect(projectStageFunnel(byStage)).toEqual([
      { stage: 'reserve', count: 92, amount: 9200 },
      { stage: 'signed', count: 82, amount: 8200 },
      { stage: 'approvals', count: 77, amount: 7700 },
      { stage: 'construction', count: 45, amount: 4500 },
      { stage: 'completed', count: 2, amount: 200 },
      { stage: 'operating', count: 2, amount: 200 },
    ]);
  });

  it('is non-increasing whatever the counts per stage, and its first step is every project', () => {
    const random = prng(17);
    for (let run = 0; run < 200; run++) {
      const byStage = STAGES.filter(() => random() > 0.2).map((key: Stage) => ({
        key,
        count: Math.floor(random() * 60),
        totalInvestment: Math.floor(random() * 1e6),
      }));
      const steps = projectStageFunnel(byStage);
      expect(steps.map((s) => s.stage)).toEqual([...STAGES]);
      expect(nonIncreasing(steps.map((s) => s.count))).toBe(true);
      expect(nonIncreasing(steps.map((s) => s.amount))).toBe(true);
      expect(steps[0].count).toBe(byStage.reduce((sum, r) => sum + r.count, 0));
    }
  });

  it('draws an empty funnel for no projects', () => {
    expect(projectStageFunnel([]).map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('leadFunnel: leads that ever reached each stage', () => {
  const lead = (stage: LeadStage, history: LeadStage[], intendedInvestment = 100): FunnelLead => ({
    stage,
    history,
    intendedInvestment,
  });

  it('keeps a dropped or moved-back lead at the furthest stage it reached, and counts skipped stages as passed', () => {
    expect(furthestLeadStage(lead('dropped', ['prospect', 'contacting', 'negotiating', 'dropped']))).toBe(
      'negotiating',
    );
    expect(furthestLeadStage(lead('contacting', ['prospect', 'signed', 'contacting']))).toBe('signed');
    expect(furthestLeadStage(lead('negotiating', ['prospect', 'negotiating']))).toBe('negotiating');
    // A lead dropped straight away, or with no history rows at all, still reached 线索.
    expect(furthestLeadStage(lead('dropped', ['dropped']))).toBe('prospect');
    expect(furthestLeadStage(lead('prospect', []))).toBe('prospect');
    expect(furthestLeadStage(lead('landed', ['prospect', 'signed', 'landed']))).toBe('landed');
  });

  it('counts a campaign by what each lead passed, not by where it stands now', () => {
    const leads = [
      lead('prospect', ['prospect'], 10),
      lead('dropped', ['prospect', 'contacting', 'negotiating', 'dropped'], 20),
      lead('negotiating', ['prospect', 'negotiating'], 30),
      lead('contacting', ['prospect', 'contacting', 'signed', 'contacting'], 40),
      lead('landed', ['prospect', 'contacting', 'negotiating', 'signed', 'landed'], 50),
    ];
    expect(leadFunnel(leads)).toEqual([
      { stage: 'prospect', count: 5, amount: 150 },
      { stage: 'contacting', count: 4, amount: 140 },
      { stage: 'negotiating', count: 4, amount: 140 },
      { stage: 'signed', count: 2, amount: 90 },
      { stage: 'landed', count: 1, amount: 50 },
    ]);
    // By current stage the same campaign shows one lead in 洽谈 and none in 签约: not a funnel.
    expect(leads.filter((l) => l.stage === 'signed')).toHaveLength(0);
  });

  it('is non-increasing for any histories', () => {
    const random = prng(2026);
    const pick = () => LEAD_STAGES[Math.floor(random() * LEAD_STAGES.length)];
    for (let run = 0; run < 200; run++) {
      const leads = Array.from({ length: Math.floor(random() * 30) }, () =>
        lead(pick(), Array.from({ length: Math.floor(random() * 5) }, pick), Math.floor(random() * 1000)),
      );
      const steps = leadFunnel(leads);
      expect(steps[0].count).toBe(leads.length);
      expect(nonIncreasing(steps.map((s) => s.count))).toBe(true);
      expect(nonIncreasing(steps.map((s) => s.amount))).toBe(true);
    }
  });
});

describe('stepRates', () => {
  it('gives each step against the one before, and no rate after an empty step', () => {
    expect(stepRates([{ count: 10 }, { count: 5 }, { count: 0 }, { count: 0 }])).toEqual([null, 0.5, 0, null]);
  });
});
