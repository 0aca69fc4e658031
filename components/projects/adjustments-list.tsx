import { EmptyState } from '@/components/ui/page';
import type { AdjustmentDto } from '@/domain/adjustments';
import { adjustmentChange, adjustmentFieldLabel, adjustmentValue } from '@/lib/adjustment-format';
import { formatDateTime } from '@/lib/format-time';

// 调整记录: the changes that could have turned the light green without progress, each with the
// reason given for it (domain/adjustments.ts). Shown on the project's 历史 tab.

export function AdjustmentsList({ items }: { items: readonly AdjustmentDto[] }) {
  if (items.length === 0) {
    return (
      <EmptyState title="暂无调整记录">
        暂缓、终止或恢复项目，推迟计划时间，调减本年度计划投资，调整“双十”工程包时，须填写原因并记录在此。
      </EmptyState>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label="调整记录">
      {[...items].reverse().map((item) => (
        <li key={item.id} className="py-3 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="font-medium text-slate-900">{adjustmentFieldLabel(item.field)}</span>
            {item.field === 'packageId' ? (
              <span className="font-medium">{adjustmentChange(item.field, item.from, item.to)}</span>
            ) : (
              <span>
                {adjustmentValue(item.field, item.from)} →{' '}
                <span className="font-medium">{adjustmentValue(item.field, item.to)}</span>
              </span>
            )}
            <span className="text-slate-500">
              {item.byName ?? '系统'} · <time dateTime={item.at}>{formatDateTime(item.at)}</time>
            </span>
          </p>
          <p className="mt-1 text-slate-700">原因：{item.reason}</p>
        </li>
      ))}
    </ol>
  );
}
