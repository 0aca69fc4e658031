import { z } from 'zod';
import { apiRoute, json } from '@/lib/auth/api';
import { listApiTokens } from '@/db/queries/admin';
import { createApiToken } from '@/domain/tokens';
import { tokenCreateSchema } from '@/lib/schemas/admin';
import { page, pageSize } from '@/lib/validation';

const ADMIN = ['admin'] as const;

export const GET = apiRoute({ roles: ADMIN, query: z.object({ page, pageSize }) }, ({ query }) => {
  const result = listApiTokens(query);
  return {
    ...result,
    items: result.items.map(({ id, name, prefix, userId, createdBy, createdAt, lastUsedAt, revokedAt }) => ({
      id,
      name,
      prefix,
      userId,
      createdBy,
      createdAt,
      lastUsedAt,
      revokedAt,
    })),
  };
});

/** `201 { token, apiToken }`: the only response that ever contains the token. */
export const POST = apiRoute({ roles: ADMIN, body: tokenCreateSchema }, ({ actor, body }) =>
  json(createApiToken(actor, body), 201),
);
