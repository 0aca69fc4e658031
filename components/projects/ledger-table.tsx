import type { LedgerRow } from '@/db/queries/projects';
import type { ProjectSums } from '@/db/queries/project-filters';
import { daysBetween, today } from '@/lib/rules/dates';
import { LEDGER_SORTS, SORT_LABELS, type LedgerSort, type LedgerView } from '@/lib/schemas/ledger';
import { LedgerRows, type LedgerRowView } from './ledger-rows';
import { CATEGORY_LABELS, PROJECT_STATUS_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { SortHeader, SortLink, type SortState } from '@/components/ui/sort-header';
import { listHref, type SearchParams } from '@/lib/list-url';

const NUMERIC: ReadonlySet<LedgerSort> = new Set(['days', 'total', 'planned', 'completed']);
// The light leads, and the code sits under the name, so the whole row fits a 1366-pixel screen.
const ORDER: LedgerSort[] = [
  'light',
  'name',
  'code',
  ...LEDGER_SORTS.filter((sort) => !['light', 'name', 'code'].includes(sort)),
];
const COLUMNS = ORDER.map((sort) => ({ sort, label: SORT_LABELS[sort], numeric: NUMERIC.has(sort) }));
const MONEY_LABEL = (sort: 'total' | 'planned' | 'completed') => `${SORT_LABELS[sort]}（万元）`;
// The phone card's line label of each body column, from the third on (light and name come first):
// one CSS rule per column, sent once, rather than a data-label on each of fifty rows' cells.
const BODY_LABELS = [
  SORT_LABELS.category,
  SORT_LABELS.unit,
  SORT_LABELS.industry,
  SORT_LABELS.stage,
  SORT_LABELS.days,
  SORT_LABELS.leader,
  SORT_LABELS.owner,
  MONEY_LABEL('total'),
  MONEY_LABEL('planned'),
  MONEY_LABEL('completed'),
];
const BODY_LABEL_CSS = `@media (width < 48rem){${BODY_LABELS.map(
  (label, i) => `.ledger[data-ledger=projects] tbody td:nth-child(${i + 3})::before{content:${JSON.stringify(label)}}`,
).join('')}}`;
const wan = (value: number) => new Intl.NumberFormat('zh-CN').format(value);

/** What one row shows, formatted here so the client rows receive only that. */
function rowView(row: LedgerRow, day: string): LedgerRowView {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    light: row.light,
    reasons: row.lightReasons,
    cells: [
      CATEGORY_LABELS[row.category],
      row.unitName,
      row.industryName ?? '—',
      STAGE_LABELS[row.stage],
      daysBetween(row.stageEnteredAt, day),
      row.leaderName ?? '—',
      row.ownerName ?? '—',
      wan(row.totalInvestment),
      wan(row.plannedInvestmentThisYear),
      wan(row.completedInvestment),
    ],
    ...(row.shuangshi ? { shuangshi: true as const } : {}),
    ...(row.status !== 'active' ? { status: PROJECT_STATUS_LABELS[row.status] } : {}),
    ...(row.approvalsOverridden
      ? { overridden: row.lightReasons.find((reason) => reason.startsWith('未批先建')) ?? null }
      : {}),
  };
}

/**
 * The project ledger: one `<table>` for every screen. The `.ledger` block in globals.css lays it
 * out, and on phones turns each row into a card whose lines are labelled (BODY_LABELS), so
 * each row is sent once. The rows are drawn by a client component from their data: the page's
 * payload then carries fifty small records instead of fifty rows' element trees.
 */
export function LedgerTable({
  rows,
  sums,
  params,
  view,
}: {
  rows: LedgerRow[];
  sums: ProjectSums;
  params: SearchParams;
  view: LedgerView;
}) {
  const day = today();
  const sortState: SortState<LedgerSort> = {
    sort: view.sort,
    dir: view.dir,
    hrefFor: (sort, dir) => listHref('/projects', params, { sort, dir, page: null }),
  };
  return (
    <div className="ledger" data-ledger="projects" data-nowrap>
      <style href="ledger-labels-projects" precedence="default">
        {BODY_LABEL_CSS}
      </style>
      <table>
        <caption className="sr-only">项目台账，金额单位万元</caption>
        <thead>
          <tr>
            {COLUMNS.filter((column) => column.sort !== 'code').map((column) => (
              <SortHeader
                key={column.sort}
                sortKey={column.sort}
                label={column.label}
                state={sortState}
                className={column.numeric ? 'num' : ''}
                extra={
                  column.sort === 'name' ? (
                    <SortLink sortKey="code" label={SORT_LABELS.code} state={sortState} />
                  ) : undefined
                }
              />
            ))}
          </tr>
        </thead>
        <LedgerRows rows={rows.map((row) => rowView(row, day))} />
        <tfoot>
          <tr>
            <th scope="row" colSpan={9}>
              合计：{sums.count} 个项目（红灯 {sums.red}，黄灯 {sums.yellow}）
            </th>
            <td data-label={MONEY_LABEL('total')} className="num">
              {wan(sums.totalInvestment)}
            </td>
            <td data-label={MONEY_LABEL('planned')} className="num">
              {wan(sums.plannedInvestmentThisYear)}
            </td>
            <td data-label={MONEY_LABEL('completed')} className="num">
              {wan(sums.completedInvestment)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
