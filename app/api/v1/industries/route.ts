import { apiRoute } from '@/lib/auth/api';
import { listIndustries } from '@/db/queries/reference';

export const GET = apiRoute({}, () => listIndustries().map(({ id, name }) => ({ id, name })));
