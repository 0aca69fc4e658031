import Link from 'next/link';
import { STATS_SCOPE_LABELS } from '@/lib/schemas/stats';
import { CATEGORY_LABELS, CATEGORIES, LIGHT_LABELS, LIGHTS, STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import type { ProjectFilters } from '@/lib/schemas/filters';
import {
  drillFilterChips,
  drillFilterFields,
  LEDGER_SORTS,
  minInvestmentOptions,
  PAGE_SIZES,
  SORT_LABELS,
  type LedgerView,
} from '@/lib/schemas/ledger';
import { listHref, type SearchParams } from '@/lib/list-url';
import { SelectField, TextField, enumOptions, idOptions } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button';

type Option = { id: number; name: string };

interface Props {
  filters: ProjectFilters;
  params: SearchParams;
  view: LedgerView;
  units: Option[];
  industries: Option[];
  leaders: Option[];
  owners: Option[];
  /** The name of the package a packageId filter names, for its chip. */
  packageName?: string | null;
  /** Where the form submits: the ledger, or a page showing the same set another way (/map). */
  action?: string;
  /** Parameters of that page kept across a new filter (e.g. /map's metric). */
  keep?: Record<string, string>;
  /** The ledger's sort and page-size controls; a page without a table leaves them out. */
  showView?: boolean;
}

/** A plain GET form: the filters land in the URL, work without JavaScript and can be shared as a link. */
export function LedgerFilters({
  filters,
  params,
  view,
  units,
  industries,
  leaders,
  owners,
  packageName,
  action = '/projects',
  keep = {},
  showView = true,
}: Props) {
  const chips = [
    // An older link's 双十 flag has no control of its own (范围 replaces it): it rides along as a chip.
    ...(filters.shuangshi !== undefined
      ? [{ label: filters.shuangshi ? '本年度“双十”项目' : '非本年度“双十”项目', keys: ['shuangshi'] }]
      : []),
    ...drillFilterChips(filters, { packageName }),
  ];
  const moreActive =
    Boolean(filters.industryId || filters.leaderId || filters.ownerId) ||
    (showView && (view.sort !== 'light' || view.dir !== 'asc' || view.pageSize !== 50));
  const value = (v: string | number | boolean | undefined) =>
    v === undefined ? '' : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="筛选项目"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      {chips.length ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" aria-label="统计口径筛选">
          <span className="text-slate-600">统计口径：</span>
          {chips.map((chip) => (
            <span
              key={chip.label}
              data-testid="drill-chip"
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-0.5 text-brand-900 ring-1 ring-brand-100"
            >
              {chip.label}
              <Link
                href={listHref(action, params, {
                  page: null,
                  ...Object.fromEntries(chip.keys.map((key) => [key, null])),
                })}
                className="ml-1 rounded-full px-1 text-brand-700 hover:bg-brand-100"
                aria-label={`移除筛选：${chip.label}`}
              >
                ×
              </Link>
            </span>
          ))}
        </div>
      ) : null}
      {Object.entries(keep).map(([key, kept]) => (
        <input key={key} type="hidden" name={key} value={kept} />
      ))}
      {/* The drill-down filters have no control of their own: they ride along until their chip is removed.
          minInvestment is the exception: the 规模 select below is its control. */}
      {Object.keys(drillFilterFields).map((key) => {
        if (key === 'minInvestment') return null;
        const current = filters[key as keyof typeof drillFilterFields];
        return current === undefined ? null : <input key={key} type="hidden" name={key} value={value(current)} />;
      })}
      {filters.shuangshi !== undefined ? (
        <input type="hidden" name="shuangshi" value={value(filters.shuangshi)} />
      ) : null}
      {/* 未批先建 is set by its quick-filter chip and kept here until the chip is clicked again. */}
      {filters.overridden !== undefined ? (
        <input type="hidden" name="overridden" value={value(filters.overridden)} />
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-8">
        <TextField
          name="q"
          label="搜索"
          placeholder="项目名称或代码"
          defaultValue={filters.q ?? ''}
          wrapperClassName="col-span-2"
        />
        <SelectField
          name="scope"
          label="范围"
          placeholder="全部项目"
          defaultValue={filters.scope === 'shuangshi' ? 'shuangshi' : ''}
          options={[{ value: 'shuangshi', label: STATS_SCOPE_LABELS.shuangshi }]}
        />
        <SelectField
          name="category"
          label="类别"
          placeholder="全部"
          defaultValue={value(filters.category)}
          options={enumOptions(CATEGORIES, CATEGORY_LABELS)}
        />
        <SelectField
          name="stage"
          label="阶段"
          placeholder="全部"
          defaultValue={value(filters.stage)}
          options={enumOptions(STAGES, STAGE_LABELS)}
        />
        <SelectField
          name="unitId"
          label="单位"
          placeholder="全部"
          defaultValue={value(filters.unitId)}
          options={idOptions(units)}
        />
        <SelectField
          name="light"
          label="红黄绿灯"
          placeholder="全部"
          defaultValue={value(filters.light)}
          options={enumOptions(LIGHTS, LIGHT_LABELS)}
        />
        <SelectField
          name="minInvestment"
          label="规模"
          placeholder="全部"
          defaultValue={value(filters.minInvestment)}
          options={minInvestmentOptions(filters.minInvestment)}
        />
      </div>
      {/* Controls in a closed <details> are still submitted, so the URL keeps them. */}
      <details className="group mt-3" open={moreActive || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          {showView ? '更多筛选、排序与分页' : '更多筛选'}
          {moreActive ? '（已设置）' : ''}
        </summary>
        <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
          <SelectField
            name="industryId"
            label="产业"
            placeholder="全部"
            defaultValue={value(filters.industryId)}
            options={idOptions(industries)}
          />
          <SelectField
            name="leaderId"
            label="包保领导"
            placeholder="全部"
            defaultValue={value(filters.leaderId)}
            options={idOptions(leaders)}
          />
          <SelectField
            name="ownerId"
            label="责任人"
            placeholder="全部"
            defaultValue={value(filters.ownerId)}
            options={idOptions(owners)}
          />
          {showView ? (
            <>
              <SelectField
                name="sort"
                label="排序"
                defaultValue={view.sort}
                options={enumOptions(LEDGER_SORTS, SORT_LABELS)}
              />
              <SelectField
                name="dir"
                label="顺序"
                defaultValue={view.dir}
                options={[
                  { value: 'asc', label: '升序' },
                  { value: 'desc', label: '降序' },
                ]}
              />
              <SelectField
                name="pageSize"
                label="每页条数"
                defaultValue={String(view.pageSize)}
                options={PAGE_SIZES.map((size) => ({ value: size, label: `${size} 条` }))}
              />
            </>
          ) : null}
        </div>
      </details>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <button type="submit" className={buttonClass('primary')}>
          筛选
        </button>
        <Link href={listHref(action, keep)} className={buttonClass('secondary')}>
          清除筛选
        </Link>
      </div>
    </form>
  );
}
