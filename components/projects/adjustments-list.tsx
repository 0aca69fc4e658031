import { EmptyState } from '@/components/ui/page';
import type { AdjustmentDto, AdjustmentField } from '@/domain/adjustments';
import { formatTimestamp } from '@/lib/format-time';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';

// 调整记录: the changes that could have turned the light green without progress, each with the
// reason given for it (domain/adjustments.ts). Shown on the project's 历史 tab.

const FIELD_LABELS: Record<AdjustmentField, string> = {
  status: '项目状态',
  stageDueDate: '当前阶段计划完成时间',
  plannedStartDate: '计划开工时间',
  plannedCompletionDate: '计划竣工时间',
  shuangshi: '“双十”工程包',
  plannedInvestment: '本年度计划投资',
};

function describe(field: AdjustmentField, value: unknown): string {
  if (value === null || value === undefined || value === '') return field === 'plannedInvestment' ? '0 万元' : '未设定';
  switch (field) {
    case 'status':
      return PROJECT_STATUS_LABELS[value as ProjectStatus] ?? String(value);
    case 'shuangshi':
      return value ? '纳入' : '未纳入';
    case 'plannedInvestment':
      return formatWan(Number(value));
    default:
      return String(value);
  }
}

export function AdjustmentsList({ items }: { items: readonly AdjustmentDto[] }) {
  if (items.length === 0) {
    return <EmptyState title="暂无调整记录">暂缓、终止或恢复项目，推迟计划时间，调减本年度计划投资，调整“双十”工程包时，须填写原因并记录在此。</EmptyState>;
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label="调整记录">
      {[...items].reverse().map((item) => (
        <li key={item.id} className="py-3 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="font-medium text-slate-900">{FIELD_LABELS[item.field] ?? item.field}</span>
            <span>
              {describe(item.field, item.from)} → <span className="font-medium">{describe(item.field, item.to)}</span>
            </span>
            <span className="text-slate-500">
              {item.byName ?? '系统'} · <time dateTime={item.at}>{formatTimestamp(item.at)}</time>
            </span>
          </p>
          <p className="mt-1 text-slate-700">原因：{item.reason}</p>
        </li>
      ))}
    </ol>
  );
}
