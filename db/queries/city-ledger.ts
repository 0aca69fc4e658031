import 'server-only';
import { like, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { enterprises, monthlyReports } from '../schema';

// What the 按市里格式 export shows beside the ledger's own columns: each project's 本年完成投资
// (its monthly reports of the year) and the 建设单位 names from the enterprise registry.

/** Σ investmentThisMonth of the year's monthly reports, by project id (projects with none are absent). */
export function yearReportedInvestmentByProject(year: number): Map<number, number> {
  const rows = getDb()
    .select({
      projectId: monthlyReports.projectId,
      amount: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number),
    })
    .from(monthlyReports)
    .where(like(monthlyReports.month, `${year}-%`))
    .groupBy(monthlyReports.projectId)
    .all();
  return new Map(rows.map((row) => [row.projectId, row.amount]));
}

/** Enterprise names by id. */
export function enterpriseNames(): Map<number, string> {
  return new Map(
    getDb()
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .all()
      .map((row) => [row.id, row.name]),
  );
}
