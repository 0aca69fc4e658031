import type { Metadata } from 'next';
import { MonthlyReportView } from '@/components/reports/monthly-report-view';
import { PrintButton } from '@/components/reports/print-button';
import { buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/page';
import { listUnits } from '@/db/queries/reference';
import { assertReportMonth, monthLabel, monthlyReport, REPORT_TITLE } from '@/domain/monthly-report';
import { requireUser } from '@/lib/auth/next';
import { isAppError } from '@/lib/errors';
import { monthOf, previousMonth, today } from '@/lib/rules/dates';
import { STATS_SCOPE_LABELS, statsQuerySchema } from '@/lib/schemas/stats';

export const metadata: Metadata = { title: '月度调度通报' };

type Search = Record<string, string | string[] | undefined>;

/** A4 with a running header and page numbers in the page margins (Chromium 131+ prints margin boxes). */
function printStyles(label: string) {
  const header = JSON.stringify(`${REPORT_TITLE} · ${label}`);
  return `
@page {
  size: A4;
  margin: 18mm 14mm 16mm 14mm;
  @top-center { content: ${header}; font-size: 9pt; color: #475569; }
  @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 9pt; color: #475569; }
}
@media print {
  #main { max-width: none; padding: 0; }
  .monthly-report .report-section + .report-section { break-before: page; }
  .monthly-report h2, .monthly-report h3 { break-after: avoid; }
  .monthly-report thead { display: table-header-group; }
  .monthly-report tr { break-inside: avoid; }
  .monthly-report .overflow-x-auto { overflow: visible; }
}`;
}

export default async function MonthlyReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser(['admin', 'leader']);
  const params = await searchParams;
  const raw = Array.isArray(params.month) ? params.month[0] : params.month;
  const lastMonth = previousMonth(monthOf(today()));
  let month = lastMonth;
  let monthError: string | null = null;
  if (raw) {
    try {
      assertReportMonth(raw);
      month = raw;
    } catch (error) {
      if (!isAppError(error)) throw error;
      monthError = `月份“${raw}”无效（${error.fields?.month?.[0] ?? error.message}），已显示${monthLabel(lastMonth)}。`;
    }
  }
  const scope = statsQuerySchema.shape.scope
    .catch('all')
    .parse(Array.isArray(params.scope) ? params.scope[0] : params.scope);
  const report = monthlyReport({ month, scope });
  const scopeQuery = scope === 'shuangshi' ? '&scope=shuangshi' : '';
  const unitNames = new Map(listUnits({ includeInactive: true }).map((unit) => [unit.id, unit.name]));

  return (
    <>
      <style>{printStyles(monthLabel(month))}</style>
      <div className="no-print mb-4 flex flex-wrap items-end justify-between gap-3">
        <form method="get" action="/reports/monthly" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="report-month" className="block text-sm font-medium text-slate-700">
              通报月份
            </label>
            <input
              id="report-month"
              type="month"
              name="month"
              defaultValue={month}
              max={monthOf(today())}
              aria-invalid={monthError ? true : undefined}
              aria-describedby={monthError ? 'report-month-error' : undefined}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </div>
          <div>
            <label htmlFor="report-scope" className="block text-sm font-medium text-slate-700">
              范围
            </label>
            <select
              id="report-scope"
              name="scope"
              defaultValue={scope}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="all">{STATS_SCOPE_LABELS.all}</option>
              <option value="shuangshi">{`${month.slice(0, 4)}年“双十”项目`}</option>
            </select>
          </div>
          <button type="submit" className={buttonClass('secondary')}>
            查看
          </button>
        </form>
        <div className="flex flex-wrap gap-2">
          <PrintButton />
          <a href={`/reports/monthly/export?month=${month}${scopeQuery}`} className={buttonClass('secondary')} download>
            导出 Excel
          </a>
        </div>
      </div>
      {monthError ? (
        <div id="report-month-error" className="no-print mb-3">
          <Notice tone="error">{monthError}</Notice>
        </div>
      ) : null}
      <MonthlyReportView report={report} unitNames={unitNames} />
    </>
  );
}
