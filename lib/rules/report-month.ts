import { monthOf, previousMonth } from './dates';

/**
 * The month the 进度清单 form should offer first: last month while its report is missing
 * (it is due by the 5th of this month), otherwise this month.
 */
export function dueReportMonth(today: string, reportedMonths: readonly string[]): string {
  const thisMonth = monthOf(today);
  const lastMonth = previousMonth(thisMonth);
  return reportedMonths.includes(lastMonth) ? thisMonth : lastMonth;
}

/** Chinese label for YYYY-MM: 2018年3月. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}
