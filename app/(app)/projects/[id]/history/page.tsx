import { Card, EmptyState } from '@/components/ui/page';
import { Tag } from '@/components/ui/badges';
import { AdjustmentsList } from '@/components/projects/adjustments-list';
import { listProjectAdjustments } from '@/domain/adjustments';
import { ACTION_LABELS, ENTITY_LABELS, describeChanges } from '@/components/projects/audit-describe';
import { listProjectAudit, listStageHistory, referenceNames } from '@/db/queries/projects';
import { requireUser } from '@/lib/auth/next';
import { STAGE_LABELS } from '@/lib/rules/enums';
import { loadProject } from '../load';

const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const at = (iso: string) => timeFormat.format(new Date(iso)).replace(/\//g, '-');

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { project } = await loadProject(params);
  const moves = listStageHistory(project.id).reverse();
  const audit = listProjectAudit(project.id);
  const names = referenceNames();
  return (
    <div className="space-y-4">
      <Card title="阶段变更记录">
        <ol className="space-y-3">
          {moves.map(({ row, byName }) => (
            <li key={row.id} className={`rounded-md border p-3 text-sm ${row.override ? 'border-red-300 bg-red-50' : 'border-slate-200'}`}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{row.fromStage ? `${STAGE_LABELS[row.fromStage]} → ${STAGE_LABELS[row.toStage]}` : `入库：${STAGE_LABELS[row.toStage]}`}</span>
                {row.override ? <Tag tone="red">强制变更（越过前期手续）</Tag> : null}
                <span className="text-slate-500">
                  {byName ?? '系统'} · <time dateTime={row.at}>{at(row.at)}</time>
                </span>
              </p>
              {row.reason ? <p className="mt-1">原因：{row.reason}</p> : null}
              {row.fromStageDueDate ? (
                <p className="mt-1 text-slate-600">
                  原阶段计划完成时间 {row.fromStageDueDate}
                  {row.fromStageDueDate < row.at.slice(0, 10) ? '（变更时已超期）' : '（按期）'}
                </p>
              ) : null}
              {row.openItems?.length ? <p className="mt-1 text-red-800">变更时未办结的前期手续：{row.openItems.join('、')}</p> : null}
            </li>
          ))}
        </ol>
      </Card>
      <Card title="调整记录"><AdjustmentsList items={listProjectAdjustments(project.id)} /></Card>
      <Card title="修改记录">
        {audit.length === 0 ? (
          <EmptyState title="暂无修改记录" />
        ) : (
          <ol className="divide-y divide-slate-100">
            {audit.map(({ row, byName }) => {
              const after = (row.after ?? {}) as Record<string, unknown>;
              const subject = row.entityType === 'project' ? '' : String(after.title ?? after.name ?? after.month ?? '');
              const changes = row.action === 'transition' ? [] : describeChanges(row.action, row.before, row.after, names);
              return (
                <li key={row.id} className="py-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <Tag>{ENTITY_LABELS[row.entityType] ?? row.entityType}</Tag>
                    <span className="font-medium">
                      {ACTION_LABELS[row.action] ?? row.action}
                      {subject ? `：${subject}` : ''}
                    </span>
                    <span className="text-slate-500">
                      {byName ?? '系统'} · <time dateTime={row.at}>{at(row.at)}</time>
                    </span>
                  </p>
                  {row.action === 'transition' ? (
                    <p className="mt-1 text-slate-700">
                      阶段：{STAGE_LABELS[(row.before as { stage?: keyof typeof STAGE_LABELS })?.stage ?? project.stage]} → {STAGE_LABELS[(after.stage as keyof typeof STAGE_LABELS) ?? project.stage]}
                      {after.override ? '（强制变更）' : ''}
                      {after.reason ? `，原因：${String(after.reason)}` : ''}
                    </p>
                  ) : changes.length ? (
                    <ul className="mt-1 space-y-0.5 text-slate-700">
                      {changes.map((change) => (
                        <li key={change.field}>
                          {change.field}：{change.before !== undefined ? `${change.before} → ` : ''}
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
