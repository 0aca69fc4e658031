import { apiRoute, idParams } from '@/lib/auth/api';
import { updateChainLink } from '@/domain/chains';
import { chainLinkPatchSchema } from '@/lib/schemas/chains';

/** `{ version, name?, position?, active? }`: rename, reorder, deactivate or reactivate. Answers the chain. */
export const PATCH = apiRoute(
  { roles: ['admin'], params: idParams, body: chainLinkPatchSchema },
  ({ actor, params, body }) => updateChainLink(actor, params.id, body),
);
