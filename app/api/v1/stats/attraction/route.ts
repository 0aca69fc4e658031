import { getAttractionStats } from '@/domain/attraction';
import { apiRoute } from '@/lib/auth/api';
import { attractionQuerySchema } from '@/lib/schemas/stats';
import { currentYear } from '@/lib/rules/dates';

// 履约 (issue 16): by team, campaign and unit; definitions in lib/rules/attraction.ts. Readable by
// every signed-in role, like the 招商统计 page.
export const GET = apiRoute({ query: attractionQuerySchema }, ({ query }) =>
  getAttractionStats(query.year ?? currentYear()),
);
