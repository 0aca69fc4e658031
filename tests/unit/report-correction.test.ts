import { describe, expect, it } from 'vitest';
import { changedFields, correctionNeedsReason, reportFilingDeadline } from '@/lib/rules/report-correction';

describe('report corrections', () => {
  it('the filing deadline is the 5th of the next month, across a year end', () => {
    expect(reportFilingDeadline('2026-10')).toBe('2026-11-05');
    expect(reportFilingDeadline('2026-12')).toBe('2027-01-05');
  });

  it('the author needs no reason up to the deadline, then does; anyone else always does', () => {
    const report = { month: '2026-10', createdBy: 7 };
    expect(correctionNeedsReason(report, 7, '2026-10-31')).toBe(false);
    expect(correctionNeedsReason(report, 7, '2026-11-05')).toBe(false);
    expect(correctionNeedsReason(report, 7, '2026-11-06')).toBe(true);
    expect(correctionNeedsReason(report, 8, '2026-10-31')).toBe(true);
    expect(correctionNeedsReason({ month: '2026-10', createdBy: null }, 7, '2026-11-01')).toBe(true);
  });

  it('lists only the fields that changed, treating blank problems as none', () => {
    const before = { investmentThisMonth: 100, progressPercent: 10, narrative: 'a', problemsMet: null };
    expect(changedFields(before, { ...before })).toEqual([]);
    expect(changedFields(before, { ...before, problemsMet: undefined as unknown as null })).toEqual([]);
    expect(changedFields(before, { ...before, investmentThisMonth: 120, narrative: 'b' })).toEqual([
      'investmentThisMonth',
      'narrative',
    ]);
  });
});
