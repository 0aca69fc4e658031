import { apiRoute, idParams } from '@/lib/auth/api';
import { listApprovals, listStagePlans } from '@/db/queries/projects';
import { toApprovalDto } from '@/domain/approvals';
import { getProjectView } from '@/domain/fresh-light-reads';
import { toProjectDto, updateProject } from '@/domain/projects';
import { AppError } from '@/lib/errors';
import { projectPatchSchema } from '@/lib/schemas/project';

export const GET = apiRoute({ params: idParams }, ({ params }) => {
  const view = getProjectView(params.id);
  if (!view) throw new AppError('not_found', '项目不存在');
  const { project } = view;
  return {
    ...toProjectDto(project),
    approvals: listApprovals(project.id).map(toApprovalDto),
    // 六个一
    responsibility: {
      leaderId: project.leaderId,
      leaderName: view.leaderName,
      unitId: project.unitId,
      unitName: view.unitName,
      ownerId: project.ownerId,
      ownerName: view.ownerName,
      taskForce: project.taskForce,
      plan: project.plan,
      stagePlans: Object.fromEntries(listStagePlans(project.id).map((plan) => [plan.stage, plan.dueDate])),
    },
  };
});

export const PATCH = apiRoute({ params: idParams, body: projectPatchSchema }, ({ actor, params, body }) =>
  updateProject(actor, params.id, body),
);
