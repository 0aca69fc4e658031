import { apiRoute, idParams, json } from '@/lib/auth/api';
import { listProblemsOfProject, raiseProblem } from '@/domain/problems';
import { raiseProblemSchema } from '@/lib/schemas/problems';

export const GET = apiRoute({ params: idParams }, ({ params }) => listProblemsOfProject(params.id));

export const POST = apiRoute({ params: idParams, body: raiseProblemSchema }, ({ actor, params, body }) =>
  json(raiseProblem(actor, params.id, body), 201),
);
