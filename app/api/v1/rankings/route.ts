import { rankingOfGroup } from '@/domain/rankings';
import { apiRoute } from '@/lib/auth/api';
import { currentYear } from '@/lib/rules/dates';
import { rankingsQuerySchema } from '@/lib/schemas/rankings';

// 考核排名 of one group (API.md "rankings"): readable by every signed-in role, like /dashboard.
export const GET = apiRoute({ query: rankingsQuerySchema }, ({ query }) =>
  rankingOfGroup(query.period ?? { year: currentYear(), quarter: null }, query.group),
);
