import { apiRoute, idParams } from '@/lib/auth/api';
import { revokeApiToken } from '@/domain/tokens';

/** Revokes the token and returns it; revoking twice is harmless. */
export const DELETE = apiRoute({ roles: ['admin'], params: idParams }, ({ actor, params }) =>
  revokeApiToken(actor, params.id),
);
