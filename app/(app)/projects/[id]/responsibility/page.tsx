import { Card } from '@/components/ui/page';
import { ResponsibilityForm } from '@/components/projects/responsibility-form';
import { listStagePlans } from '@/db/queries/projects';
import { listUnits, listUserOptions } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import { canEditProject } from '@/lib/rules/permissions';
import { loadProject } from '../load';
import { updateResponsibilityAction } from './actions';

// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '责任清单' };

export default async function ResponsibilityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { project, unitName, leaderName, ownerName } = await loadProject(params);
  const plans = Object.fromEntries(listStagePlans(project.id).map((plan) => [plan.stage, plan.dueDate])) as Record<
    string,
    string
  >;
  if (canEditProject(user, project)) {
    const initial: Record<string, string> = {
      projectId: String(project.id),
      version: String(project.version),
      leaderId: project.leaderId ? String(project.leaderId) : '',
      unitId: String(project.unitId),
      ownerId: project.ownerId ? String(project.ownerId) : '',
      taskForce: project.taskForce ?? '',
      plan: project.plan ?? '',
      ...Object.fromEntries(STAGES.map((stage) => [`plan_${stage}`, plans[stage] ?? ''])),
    };
    const units = listUnits().filter(
      (unit) => user.role !== 'officer' || unit.id === project.unitId || unit.id === user.unitId,
    );
    return (
      <Card title="责任清单（六个一）">
        <ResponsibilityForm
          initial={initial}
          units={units}
          leaders={listUserOptions({ role: 'leader' })}
          officers={listUserOptions({ role: 'officer' })}
          action={updateResponsibilityAction}
        />
      </Card>
    );
  }
  const rows: Array<[string, string]> = [
    ['① 包保领导', leaderName ?? '未指定'],
    ['② 责任单位', unitName],
    ['③ 责任人', ownerName ?? '未指定'],
    ['④ 工作专班', project.taskForce ?? '—'],
    ['⑤ 推进方案', project.plan ?? '—'],
  ];
  return (
    <Card title="责任清单（六个一）">
      <dl className="space-y-3 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium whitespace-pre-line text-slate-900">{value}</dd>
          </div>
        ))}
        <div>
          <dt className="text-slate-500">⑥ 时间表</dt>
          <dd>
            <ul className="mt-1 grid gap-1 sm:grid-cols-3">
              {STAGES.map((stage) => (
                <li key={stage}>
                  {STAGE_LABELS[stage]}：{plans[stage] ?? '未定'}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
