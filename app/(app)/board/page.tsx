import type { Metadata } from 'next';
import Link from 'next/link';
import { Board } from '@/components/board/board';
import { DensityBoard } from '@/components/board/density-board';
import { moveProjectAction } from '../projects/actions';
import { BoardFilters } from '@/components/board/board-filters';
import { ViewBar } from '@/components/views/view-bar';
import { deleteViewAction, saveViewAction } from '../views/actions';
import { RememberList } from '@/components/views/back-to-list';
import { PageHeader } from '@/components/ui/page';
import { listIndustries, listUnits, listUserOptions } from '@/db/queries/reference';
import { projectBoard } from '@/domain/fresh-light-reads';
import { requireUser } from '@/lib/auth/next';
import { CATEGORIES, CATEGORY_LABELS, LIGHTS, LIGHT_LABELS, STAGES, STAGE_LABELS } from '@/lib/rules/enums';
import { formatYi } from '@/lib/rules/money';
import {
  COLUMN_PAGE_SIZE,
  LANE_LABELS,
  LANE_PAGE_SIZE,
  PROJECT_LANES,
  filtersToQuery,
  pickLane,
} from '@/lib/schemas/board';
import { parseFiltersLenient, projectFilterSchema, scopeLabel } from '@/lib/schemas/filters';
import { STATS_SCOPE_LABELS } from '@/lib/schemas/stats';
import { minInvestmentOptions } from '@/lib/schemas/ledger';

export const metadata: Metadata = { title: '项目看板' };

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(projectFilterSchema, params);
  const lane = pickLane(PROJECT_LANES, params.lane);
  const pageSize = lane ? LANE_PAGE_SIZE : COLUMN_PAGE_SIZE;
  const { lanes, columns } = projectBoard(user, filters, lane, pageSize);
  const total = columns.reduce(
    (acc, c) => ({ count: acc.count + c.sums.count, money: acc.money + c.sums.totalInvestment }),
    { count: 0, money: 0 },
  );
  const filterQuery = filtersToQuery(filters);
  const values = Object.fromEntries(
    Object.entries({ ...filters, lane }).map(([k, v]) => [
      k,
      v === undefined ? undefined : typeof v === 'boolean' ? (v ? '1' : '0') : String(v),
    ]),
  );

  return (
    <>
      <PageHeader
        title="项目看板"
        description={`${filters.scope === 'shuangshi' ? `范围：${scopeLabel('shuangshi')}，` : ''}共 ${total.count} 个项目，总投资 ${formatYi(total.money)}。拖动卡片或使用“移动到…”推进阶段。`}
        actions={
          user.role !== 'officer' ? (
            <Link href="/leads/board" className="text-sm text-brand-700 hover:underline">
              招商线索看板 →
            </Link>
          ) : null
        }
      />
      <ViewBar
        user={user}
        page="board"
        params={params}
        chips
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      <RememberList />
      <BoardFilters
        action="/board"
        values={values}
        hidden={{ overridden: values.overridden }}
        fields={[
          {
            name: 'category',
            label: '项目类别',
            options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
          },
          {
            name: 'scope',
            label: '范围',
            allLabel: '全部项目',
            options: [{ value: 'shuangshi', label: STATS_SCOPE_LABELS.shuangshi }],
          },
          { name: 'unitId', label: '责任单位', options: listUnits().map((u) => ({ value: u.id, label: u.name })) },
          { name: 'industryId', label: '产业', options: listIndustries().map((i) => ({ value: i.id, label: i.name })) },
          {
            name: 'leaderId',
            label: '包保领导',
            options: listUserOptions({ role: 'leader' }).map((u) => ({ value: u.id, label: u.name })),
          },
          {
            name: 'ownerId',
            label: '责任人',
            options: listUserOptions({ role: 'officer' }).map((u) => ({ value: u.id, label: u.name })),
          },
          { name: 'light', label: '红黄绿灯', options: LIGHTS.map((l) => ({ value: l, label: LIGHT_LABELS[l] })) },
          { name: 'minInvestment', label: '规模', options: minInvestmentOptions(filters.minInvestment) },
          {
            name: 'lane',
            label: '泳道',
            allLabel: '不分组',
            options: PROJECT_LANES.map((l) => ({ value: l, label: LANE_LABELS[l] })),
          },
          { name: 'q', label: '搜索' },
        ]}
      />
      <DensityBoard>
        <Board
          data={{
            kind: 'projects',
            stages: STAGES.map((s) => ({ key: s, label: STAGE_LABELS[s] })),
            lanes,
            columns,
            filterQuery,
            pageSize,
          }}
          moveAction={moveProjectAction}
        />
      </DensityBoard>
    </>
  );
}
