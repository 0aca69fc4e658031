import { z } from 'zod';
import { monthlyReport } from '@/domain/monthly-report';
import { apiRoute } from '@/lib/auth/api';
import { month } from '@/lib/validation';
import { statsQuerySchema } from '@/lib/schemas/stats';

// The 月度调度通报 as JSON (API.md "Reports"). It is the leaders' meeting report: leaders and admins.
export const GET = apiRoute(
  { roles: ['admin', 'leader'], query: z.object({ month, scope: statsQuerySchema.shape.scope }) },
  ({ query }) => monthlyReport({ month: query.month, scope: query.scope }),
);
