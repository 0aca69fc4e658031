import { Card, EmptyState } from '@/components/ui/page';
import { Tag } from '@/components/ui/badges';
import { AdjustmentsList } from '@/components/projects/adjustments-list';
import { listProjectAdjustments } from '@/domain/adjustments';
import { loadAuditNames } from '@/db/queries/audit';
import { listProjectAudit, listStageHistory } from '@/db/queries/projects';
import { actionLabel, auditSubject, describeChanges, entityTypeLabel } from '@/lib/audit-format';
import { requireUser } from '@/lib/auth/next';
import { formatDateTime } from '@/lib/format-time';
import { dateOfTimestamp } from '@/lib/rules/dates';
import { STAGE_LABELS } from '@/lib/rules/enums';
import { loadProject } from '../load';

// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '历史' };

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { project } = await loadProject(params);
  const moves = listStageHistory(project.id).reverse();
  const audit = listProjectAudit(project.id);
  const names = loadAuditNames(audit.map(({ row }) => row));
  return (
    <div className="space-y-4">
      <Card title="阶段变更记录">
        <ol className="space-y-3">
          {moves.map(({ row, byName }) => (
            <li
              key={row.id}
              className={`rounded-md border p-3 text-sm ${row.override ? 'border-red-300 bg-red-50' : 'border-slate-200'}`}
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">
                  {row.fromStage
                    ? `${STAGE_LABELS[row.fromStage]} → ${STAGE_LABELS[row.toStage]}`
                    : `入库：${STAGE_LABELS[row.toStage]}`}
                </span>
                {row.override ? <Tag tone="red">强制变更（越过前期手续）</Tag> : null}
                <span className="text-slate-500">
                  {byName ?? '系统'} · <time dateTime={row.at}>{formatDateTime(row.at)}</time>
                </span>
              </p>
              {row.reason ? <p className="mt-1">原因：{row.reason}</p> : null}
              {row.fromStageDueDate ? (
                <p className="mt-1 text-slate-600">
                  原阶段计划完成时间 {row.fromStageDueDate}
                  {row.fromStageDueDate < dateOfTimestamp(row.at) ? '（变更时已超期）' : '（按期）'}
                </p>
              ) : null}
              {row.openItems?.length ? (
                <p className="mt-1 text-red-800">变更时未办结的前期手续：{row.openItems.join('、')}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
      <Card title="调整记录">
        <AdjustmentsList items={listProjectAdjustments(project.id)} />
      </Card>
      <Card title="修改记录">
        {audit.length === 0 ? (
          <EmptyState title="暂无修改记录" />
        ) : (
          <ol className="divide-y divide-slate-100">
            {audit.map(({ row, byName }) => {
              const subject = auditSubject(row);
              const changes = describeChanges(row, names, { compact: true });
              return (
                <li key={row.id} className="py-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <Tag>{entityTypeLabel(row.entityType)}</Tag>
                    <span className="font-medium">
                      {actionLabel(row.action)}
                      {subject ? `：${subject}` : ''}
                    </span>
                    <span className="text-slate-500">
                      {byName ?? '系统'} · <time dateTime={row.at}>{formatDateTime(row.at)}</time>
                    </span>
                  </p>
                  {changes.length ? (
                    <ul className="mt-1 space-y-0.5 text-slate-700">
                      {changes.map((change) => (
                        <li key={change.key}>
                          {change.label}：{change.before !== null ? `${change.before} → ` : ''}
                          <span className="font-medium">{change.after}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </div>
  );
}
