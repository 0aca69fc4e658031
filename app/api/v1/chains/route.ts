import { z } from 'zod';
import { apiRoute, json } from '@/lib/auth/api';
import { createChain, listChains } from '@/domain/chains';
import { chainCreateSchema } from '@/lib/schemas/chains';
import { id, queryBoolean } from '@/lib/validation';

const query = z.object({ industryId: id.optional(), includeInactive: queryBoolean.optional() });

/** 产业链 with their links, by industry; links upstream first. Inactive ones only on request. */
export const GET = apiRoute({ query }, ({ query }) =>
  listChains({ industryId: query.industryId, includeInactive: query.includeInactive ?? false }),
);

export const POST = apiRoute({ roles: ['admin'], body: chainCreateSchema }, ({ actor, body }) =>
  json(createChain(actor, body), 201),
);
