import { apiRoute } from '@/lib/auth/api';
import { listUnits } from '@/db/queries/reference';

export const GET = apiRoute({}, () => listUnits().map(({ id, name, code, kind }) => ({ id, name, code, kind })));
