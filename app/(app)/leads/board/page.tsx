import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import type { Metadata } from 'next';
import { Board } from '@/components/board/board';
import { DensityBoard } from '@/components/board/density-board';
import { moveLeadAction } from '../actions';
import { BoardFilters } from '@/components/board/board-filters';
import { ViewBar } from '@/components/views/view-bar';
import { deleteViewAction, saveViewAction } from '../../views/actions';
import { PageHeader } from '@/components/ui/page';
import { leadBoard } from '@/domain/board';
import { listIndustries, listUserOptions } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { LEAD_STAGES, LEAD_STAGE_LABELS } from '@/lib/rules/enums';
import { formatYi } from '@/lib/rules/money';
import {
  COLUMN_PAGE_SIZE,
  LANE_LABELS,
  LANE_PAGE_SIZE,
  LEAD_LANES,
  filtersToQuery,
  pickLane,
} from '@/lib/schemas/board';
import { leadFilterSchema, parseFiltersLenient } from '@/lib/schemas/filters';

export const metadata: Metadata = { title: '招商线索看板' };

export default async function LeadBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Everyone who reads /leads reads its board too (issue 18); only admins and 招商专员 move cards.
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(leadFilterSchema, params);
  const lane = pickLane(LEAD_LANES, params.lane);
  const pageSize = lane ? LANE_PAGE_SIZE : COLUMN_PAGE_SIZE;
  const { lanes, columns } = leadBoard(user, filters, lane, pageSize);
  const total = columns.reduce(
    (acc, c) => ({ count: acc.count + c.sums.count, money: acc.money + c.sums.totalInvestment }),
    { count: 0, money: 0 },
  );
  const values = Object.fromEntries(
    Object.entries({ ...filters, lane }).map(([k, v]) => [
      k,
      v === undefined ? undefined : typeof v === 'boolean' ? (v ? '1' : '0') : String(v),
    ]),
  );

  return (
    <>
      <PageHeader
        title="招商线索看板"
        description={`共 ${total.count} 条线索，意向投资合计 ${formatYi(total.money)}。${
          user.role === 'leader' || user.role === 'officer'
            ? '点击卡片查看线索详情。'
            : '本人或本组负责的线索卡片可拖动到后续阶段；退回、放弃和转为项目请在线索详情中操作。'
        }`}
        actions={
          <Link href="/leads" className={buttonClass('secondary')}>
            线索列表
          </Link>
        }
      />
      <ViewBar
        user={user}
        page="leads_board"
        params={params}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      <BoardFilters
        action="/leads/board"
        values={values}
        fields={[
          {
            name: 'ownerId',
            label: '招商专员',
            options: listUserOptions({ role: 'investment' }).map((u) => ({ value: u.id, label: u.name })),
          },
          { name: 'industryId', label: '产业', options: listIndustries().map((i) => ({ value: i.id, label: i.name })) },
          {
            name: 'overdue',
            label: '跟进逾期',
            options: [
              { value: '1', label: '已逾期' },
              { value: '0', label: '未逾期' },
            ],
          },
          {
            name: 'lane',
            label: '泳道',
            allLabel: '不分组',
            options: LEAD_LANES.map((l) => ({ value: l, label: LANE_LABELS[l] })),
          },
          { name: 'q', label: '搜索' },
        ]}
      />
      <DensityBoard>
        <Board
          data={{
            kind: 'leads',
            stages: LEAD_STAGES.map((s) => ({ key: s, label: LEAD_STAGE_LABELS[s] })),
            lanes,
            columns,
            filterQuery: filtersToQuery(filters),
            pageSize,
          }}
          moveAction={moveLeadAction}
        />
      </DensityBoard>
    </>
  );
}
