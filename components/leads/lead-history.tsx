import type { LeadDetail } from '@/db/queries/leads';
import { actionLabel, describeChanges, type AuditNames } from '@/lib/audit-format';
import { formatDateTime } from '@/lib/format-time';

// The lead's history: stage moves and every recorded change, newest first, through the one audit formatter.

function describe(row: LeadDetail['audit'][number], names: AuditNames): string {
  if (row.action === 'create') return '录入线索';
  return describeChanges({ entityType: 'lead', ...row }, names, { compact: true })
    .map((change) =>
      change.before === null
        ? `${change.label}：${change.after}`
        : `${change.label}：${change.before} → ${change.after}`,
    )
    .join('；');
}

export function LeadHistory({ audit, names }: { audit: LeadDetail['audit']; names: AuditNames }) {
  if (!audit.length) return <p className="text-sm text-slate-500">暂无记录</p>;
  return (
    <ol className="space-y-2 text-sm">
      {audit.map((row) => (
        <li key={row.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-xs text-slate-500">
            <time dateTime={row.at}>{formatDateTime(row.at)}</time> · {row.byName ?? '系统'} · {actionLabel(row.action)}
          </p>
          <p className="text-slate-800">{describe(row, names)}</p>
        </li>
      ))}
    </ol>
  );
}
