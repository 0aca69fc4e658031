import Link from 'next/link';
import { ApprovalsOverriddenTag, ShuangshiTag, Tag } from '@/components/ui/badges';
import type { LedgerRow } from '@/db/queries/projects';
import type { ProjectSums } from '@/db/queries/project-filters';
import { CATEGORY_LABELS, PROJECT_STATUS_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { daysBetween, today } from '@/lib/rules/dates';
import { LEDGER_SORTS, SORT_LABELS, type LedgerSort, type LedgerView } from '@/lib/schemas/ledger';
import { LightWithReasons } from './light-with-reasons';
import { LightReason } from './light-reason';
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

const wan = (value: number) => new Intl.NumberFormat('zh-CN').format(value);

/**
 * The project ledger: one `<table>` for every screen. The `.ledger` block in globals.css lays it
 * out, and on phones turns each row into a card whose lines are labelled from `data-label`, so
 * each row is sent once.
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
    <div className="ledger" data-nowrap>
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
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td data-card="corner">
                <LightWithReasons light={row.light} reasons={row.lightReasons} id={`t${row.id}`} />
              </td>
              <td data-card="title">
                <Link href={`/projects/${row.id}`} prefetch={false}>
                  {row.name}
                </Link>
                {row.status !== 'active' ? (
                  <span className="ml-1">
                    <Tag tone="amber">{PROJECT_STATUS_LABELS[row.status]}</Tag>
                  </span>
                ) : null}
                {row.approvalsOverridden ? (
                  <span className="ml-1">
                    <ApprovalsOverriddenTag detail={row.lightReasons.find((reason) => reason.startsWith('未批先建'))} />
                  </span>
                ) : null}
                <LightReason light={row.light} reasons={row.lightReasons} className="mt-0.5 max-w-80" />
                <small>{row.code ?? '暂无代码'}</small>
              </td>
              <td data-label={SORT_LABELS.category}>
                {row.shuangshi
                  ? [`${CATEGORY_LABELS[row.category]} `, <ShuangshiTag key="s" />]
                  : CATEGORY_LABELS[row.category]}
              </td>
              <td data-label={SORT_LABELS.unit}>{row.unitName}</td>
              <td data-label={SORT_LABELS.industry}>{row.industryName ?? '—'}</td>
              <td data-label={SORT_LABELS.stage}>{STAGE_LABELS[row.stage]}</td>
              <td data-label={SORT_LABELS.days} className="num">
                {daysBetween(row.stageEnteredAt, day)}
              </td>
              <td data-label={SORT_LABELS.leader}>{row.leaderName ?? '—'}</td>
              <td data-label={SORT_LABELS.owner}>{row.ownerName ?? '—'}</td>
              <td data-label={MONEY_LABEL('total')} className="num">
                {wan(row.totalInvestment)}
              </td>
              <td data-label={MONEY_LABEL('planned')} className="num">
                {wan(row.plannedInvestmentThisYear)}
              </td>
              <td data-label={MONEY_LABEL('completed')} className="num">
                {wan(row.completedInvestment)}
              </td>
            </tr>
          ))}
        </tbody>
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
