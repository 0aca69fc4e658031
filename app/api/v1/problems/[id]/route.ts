import { apiRoute, idParams } from '@/lib/auth/api';
import { changeProblem, getProblem } from '@/domain/problems';
import { parseProblemPatch } from '@/lib/schemas/problems';
import { z } from 'zod';

export const GET = apiRoute({ params: idParams }, ({ params }) => getProblem(params.id));

// One PATCH, four shapes (escalate, close off, reopen, edit); parseProblemPatch tells them apart.
export const PATCH = apiRoute({ params: idParams, body: z.unknown() }, ({ actor, params, body }) =>
  changeProblem(actor, params.id, parseProblemPatch(body)),
);
