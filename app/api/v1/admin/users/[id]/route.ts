import { apiRoute, idParams } from '@/lib/auth/api';
import { setUserActive, updateUser } from '@/domain/users';
import { userUpdateSchema } from '@/lib/schemas/admin';
import { z } from 'zod';

const ADMIN = ['admin'] as const;
// JSON takes a real boolean: the form helper would read any junk ("yes", {}, null) as false and
// deactivate the account.
const body = z.union([
  userUpdateSchema.omit({ id: true }),
  z.object({ version: userUpdateSchema.shape.version, active: z.boolean({ error: 'active 应为 true 或 false' }) }),
]);

/** `{ version, name, role, unitId?, team? }` edits; `{ version, active }` deactivates or reactivates. */
export const PATCH = apiRoute({ roles: ADMIN, params: idParams, body }, ({ actor, params, body }) => {
  return 'active' in body
    ? setUserActive(actor, { id: params.id, ...body })
    : updateUser(actor, { id: params.id, ...body });
});
