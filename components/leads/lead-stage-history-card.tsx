import { Card } from '@/components/ui/page';
import { HeadRow } from '@/components/ui/table';
import type { LeadDetail } from '@/db/queries/leads';
import { formatDate } from '@/lib/format-time';
import { LEAD_STAGE_LABELS } from '@/lib/rules/enums';

/** 阶段变更记录: every stage move of the lead, newest first. */
export function LeadStageHistoryCard({ history }: { history: LeadDetail['history'] }) {
  return (
    <Card title="阶段变更记录">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-slate-600">
            <HeadRow cellClass="py-1 pr-3" columns={['时间', '变更', '操作人', { label: '原因', className: 'py-1' }]} />
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...history].reverse().map((move) => (
              <tr key={move.id}>
                <td className="py-1 pr-3 tabular-nums">{formatDate(move.at)}</td>
                <td className="py-1 pr-3">
                  {move.fromStage ? `${LEAD_STAGE_LABELS[move.fromStage]} → ` : ''}
                  {LEAD_STAGE_LABELS[move.toStage]}
                </td>
                <td className="py-1 pr-3">{move.byName ?? '—'}</td>
                <td className="py-1">{move.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
