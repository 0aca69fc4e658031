import { z } from 'zod';
import { apiRoute } from '@/lib/auth/api';
import { listUserOptions } from '@/db/queries/reference';
import { ROLES } from '@/lib/rules/enums';
import { id } from '@/lib/validation';

const query = z.object({ role: z.enum(ROLES).optional(), unitId: id.optional() });

export const GET = apiRoute({ query }, ({ query }) => listUserOptions(query));
