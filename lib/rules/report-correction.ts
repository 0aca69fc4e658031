import { nextMonth } from './dates';

// 更正: a filed 进度清单 can be corrected. Inside its filing window (until the 5th of the month after
// the report's month, the day the report is due) its author corrects it freely, as they could have
// filed it that way. Afterwards, or by anyone else who may edit the project, a correction needs a
// written reason, which is kept with the report's history and shown on the report.

/** The last day a report for `month` is due: the 5th of the following month. */
export function reportFilingDeadline(month: string): string {
  return `${nextMonth(month)}-05`;
}

export function correctionNeedsReason(
  report: { month: string; createdBy: number | null },
  actorId: number,
  today: string,
): boolean {
  return report.createdBy !== actorId || today > reportFilingDeadline(report.month);
}

/** The figures a correction compares; only these can change. */
export const CORRECTABLE_FIELDS = ['investmentThisMonth', 'progressPercent', 'narrative', 'problemsMet'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_LABELS: Record<CorrectableField, string> = {
  investmentThisMonth: '本月完成投资',
  progressPercent: '形象进度',
  narrative: '形象进度说明',
  problemsMet: '遇到的问题',
};

/** The fields whose values differ, in a stable order. */
export function changedFields<T extends Record<CorrectableField, unknown>>(before: T, after: T): CorrectableField[] {
  return CORRECTABLE_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}
