import { apiRoute, idParams } from '@/lib/auth/api';
import { updateChain } from '@/domain/chains';
import { chainPatchSchema } from '@/lib/schemas/chains';

/** `{ version, name?, position?, active? }`: rename, move among the industry's chains, (de)activate. */
export const PATCH = apiRoute(
  { roles: ['admin'], params: idParams, body: chainPatchSchema },
  ({ actor, params, body }) => updateChain(actor, params.id, body),
);
