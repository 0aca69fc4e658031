import { apiRoute, idParams, json } from '@/lib/auth/api';
import { issueSupervision, listSupervisionsOfProject } from '@/domain/supervisions';
import { issueSupervisionSchema } from '@/lib/schemas/problems';

export const GET = apiRoute({ params: idParams }, ({ params }) => listSupervisionsOfProject(params.id));

export const POST = apiRoute(
  { params: idParams, roles: ['leader', 'admin'], body: issueSupervisionSchema },
  ({ actor, params, body }) => json(issueSupervision(actor, params.id, body), 201),
);
