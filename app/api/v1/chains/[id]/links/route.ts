import { apiRoute, idParams, json } from '@/lib/auth/api';
import { createChainLink } from '@/domain/chains';
import { chainLinkCreateSchema } from '@/lib/schemas/chains';

/** `{ name, position? }`: a new link, at the downstream end unless a position is given. Answers the chain. */
export const POST = apiRoute(
  { roles: ['admin'], params: idParams, body: chainLinkCreateSchema },
  ({ actor, params, body }) => json(createChainLink(actor, params.id, body), 201),
);
