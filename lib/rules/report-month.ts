import { monthOf, previousMonth } from './dates';

/**
 * The month the 进度清单 form should offer first: last month while its report is missing
 * (it is due by the 5th of this month), otherwise this month. A project registered this month
 * owes nothing for last month, as the light rule also holds.
 */
export function dueReportMonth(today: string, reportedMonths: readonly string[], projectCreatedAt?: string): string {
  const thisMonth = monthOf(today);
  const lastMonth = previousMonth(thisMonth);
  if (projectCreatedAt && projectCreatedAt.slice(0, 10) >= `${thisMonth}-01`) return thisMonth;
  return reportedMonths.includes(lastMonth) ? thisMonth : lastMonth;
}

/** Chinese label for YYYY-MM: 2018年3月. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

export interface YearPoint {
  month: string;
  thisMonth: number | null;
  yearToDate: number | null;
}

/** This year's months up to today's, with each month's reported investment and the running total. */
export function yearSeries(
  today: string,
  reports: ReadonlyArray<{ month: string; investmentThisMonth: number }>,
): { points: YearPoint[]; yearToDate: number } {
  const year = today.slice(0, 4);
  const byMonth = new Map(reports.map((report) => [report.month, report.investmentThisMonth]));
  const points: YearPoint[] = [];
  let running = 0;
  for (let m = 1; m <= Number(today.slice(5, 7)); m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const thisMonth = byMonth.get(month) ?? null;
    running += thisMonth ?? 0;
    points.push({ month, thisMonth, yearToDate: thisMonth === null ? null : running });
  }
  return { points, yearToDate: running };
}
