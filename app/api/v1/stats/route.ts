import { getStats } from '@/domain/stats';
import { apiRoute } from '@/lib/auth/api';
import { statsQuerySchema } from '@/lib/schemas/stats';
import { currentYear } from '@/lib/rules/dates';

// The dashboard's figures (API.md "Stats"): readable by every signed-in role, like /dashboard.
export const GET = apiRoute({ query: statsQuerySchema }, ({ query }) =>
  getStats({ year: query.year ?? currentYear(), scope: query.scope, unitId: query.unitId }),
);
