'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { ApprovalsOverriddenTag, ShuangshiTag, Tag } from '@/components/ui/badges';
import type { Light } from '@/lib/rules/enums';
import { LightReason } from './light-reason';
import { LightWithReasons } from './light-with-reasons';

/**
 * A ledger row as the page sends it: what the row shows, formatted on the server (labels, days in
 * stage, 万元), so the page's payload carries fifty small records and this bundle no label tables.
 * `cells` are the columns after light and name, in order: 类别, 单位, 产业, 阶段, 本阶段天数, 包保领导,
 * 责任人, 总投资, 年度计划, 累计完成.
 */
export interface LedgerRowView {
  id: number;
  name: string;
  code: string | null;
  light: Light;
  reasons: string[];
  cells: Array<string | number>;
  /** 双十 tag after the category. */
  shuangshi?: true;
  /** 暂缓 / 终止, when not active. */
  status?: string;
  /** 未批先建: the reason that says so, if any. */
  overridden?: string | null;
}

const noSubscription = () => () => {};
const inBrowser = () => true;
const onServer = () => false;
const NUMERIC_FROM = 4; // 本阶段天数 onwards

/**
 * The ledger's body rows (components/projects/ledger-table.tsx draws the rest of the table). On a
 * phone each cell's label comes from the table's one style rule per column, not from every cell.
 */
export function LedgerRows({ rows }: { rows: LedgerRowView[] }) {
  // The tooltips listing every reason are added once the page is live: the first reason is printed
  // in the row already, and fifty rows of tooltip text were a large share of the page sent.
  const live = useSyncExternalStore(noSubscription, inBrowser, onServer);
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id}>
          <td data-card="corner">
            <LightWithReasons light={row.light} reasons={row.reasons} id={`t${row.id}`} withTip={live} />
          </td>
          <td data-card="title">
            <Link href={`/projects/${row.id}`} prefetch={false}>
              {row.name}
            </Link>
            {row.status ? (
              <span className="ml-1">
                <Tag tone="amber">{row.status}</Tag>
              </span>
            ) : null}
            {row.overridden !== undefined ? (
              <span className="ml-1">
                <ApprovalsOverriddenTag detail={row.overridden} />
              </span>
            ) : null}
            <LightReason light={row.light} reasons={row.reasons} className="mt-0.5 max-w-80" />
            <small>{row.code ?? '暂无代码'}</small>
          </td>
          {row.cells.map((cell, i) => (
            <td key={i} className={i >= NUMERIC_FROM ? 'num' : undefined}>
              {cell}
              {i === 0 && row.shuangshi ? [' ', <ShuangshiTag key="s" />] : null}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
