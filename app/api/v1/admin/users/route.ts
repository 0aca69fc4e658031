import { z } from 'zod';
import { apiRoute, json } from '@/lib/auth/api';
import { listUsersForAdmin } from '@/db/queries/admin';
import { createUser } from '@/domain/users';
import { ROLES } from '@/lib/rules/enums';
import { userCreateSchema } from '@/lib/schemas/admin';
import { id, page, pageSize, queryBoolean } from '@/lib/validation';

const ADMIN = ['admin'] as const;
const query = z.object({
  role: z.enum(ROLES).optional(),
  unitId: id.optional(),
  active: queryBoolean.optional(),
  q: z.string().trim().max(50).optional(),
  page,
  pageSize,
});

/** Every account, with status; admins only. (GET /api/v1/users is the pickers' list.) */
export const GET = apiRoute({ roles: ADMIN, query }, ({ query }) => {
  const result = listUsersForAdmin(query);
  return { ...result, items: result.items.map(({ unitName: _unitName, ...user }) => user) };
});

export const POST = apiRoute({ roles: ADMIN, body: userCreateSchema }, async ({ actor, body }) =>
  json(await createUser(actor, body), 201),
);
