import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField, enumOptions, idOptions, textOptions } from '@/components/ui/field';
import { LEAD_STAGE_LABELS, LEAD_STAGES } from '@/lib/rules/enums';
import { LEAD_SORT_LABELS, LEAD_SORTS } from '@/lib/rules/lead-sorts';
import type { LeadFormOptions } from './lead-form';

export type LeadFilterValues = Partial<
  Record<
    'stage' | 'ownerId' | 'team' | 'campaignId' | 'source' | 'industryId' | 'origin' | 'overdue' | 'q' | 'sort' | 'dir',
    string
  >
>;

/** A plain GET form: the filters land in the URL, so a filtered list can be shared as a link. */
export function LeadFilters({ values, options }: { values: LeadFilterValues; options: LeadFormOptions }) {
  const moreOpen = (['ownerId', 'team', 'campaignId', 'source', 'industryId', 'origin', 'sort', 'dir'] as const).some(
    (key) => values[key],
  );
  return (
    <form
      method="get"
      action="/leads"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      role="search"
      aria-label="筛选线索"
    >
      <div className="grid gap-3 sm:grid-cols-2 md:grid-cols-4">
        <TextField
          name="q"
          id="filter-q"
          label="企业名称"
          type="search"
          defaultValue={values.q ?? ''}
          placeholder="搜索企业"
        />
        <SelectField
          name="stage"
          id="filter-stage"
          label="阶段"
          placeholder="全部"
          defaultValue={values.stage ?? ''}
          options={enumOptions(LEAD_STAGES, LEAD_STAGE_LABELS)}
        />
        <SelectField
          name="overdue"
          id="filter-overdue"
          label="跟进逾期"
          placeholder="全部"
          defaultValue={values.overdue ?? ''}
          options={[
            { value: 'true', label: '仅逾期' },
            { value: 'false', label: '未逾期' },
          ]}
        />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>
            筛选
          </button>
          <Link href="/leads" className={buttonClass('secondary')}>
            清除
          </Link>
        </div>
      </div>
      <details className="mt-2" open={moreOpen || undefined}>
        <summary className="cursor-pointer text-sm text-brand-700">更多筛选与排序</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 md:grid-cols-4">
          <SelectField
            name="ownerId"
            id="filter-owner"
            label="负责人"
            placeholder="全部"
            defaultValue={values.ownerId ?? ''}
            options={idOptions(options.owners)}
          />
          <SelectField
            name="team"
            id="filter-team"
            label="招商小组"
            placeholder="全部"
            defaultValue={values.team ?? ''}
            options={textOptions(options.teams)}
          />
          <SelectField
            name="campaignId"
            id="filter-campaign"
            label="招商活动"
            placeholder="全部"
            defaultValue={values.campaignId ?? ''}
            options={idOptions(options.campaigns)}
          />
          <SelectField
            name="source"
            id="filter-source"
            label="其他来源渠道"
            placeholder="全部"
            defaultValue={values.source ?? ''}
            options={textOptions(options.channels)}
          />
          <SelectField
            name="industryId"
            id="filter-industry"
            label="行业"
            placeholder="全部"
            defaultValue={values.industryId ?? ''}
            options={idOptions(options.industries)}
          />
          <TextField
            name="origin"
            id="filter-origin"
            label="来源地"
            defaultValue={values.origin ?? ''}
            placeholder="如 广东、德国"
          />
          <SelectField
            name="sort"
            id="filter-sort"
            label="排序"
            defaultValue={values.sort ?? 'updatedAt'}
            options={enumOptions(LEAD_SORTS, LEAD_SORT_LABELS)}
          />
          <SelectField
            name="dir"
            id="filter-dir"
            label="顺序"
            defaultValue={values.dir ?? 'desc'}
            options={[
              { value: 'desc', label: '从高到低/从新到旧' },
              { value: 'asc', label: '从低到高/从旧到新' },
            ]}
          />
        </div>
      </details>
    </form>
  );
}
