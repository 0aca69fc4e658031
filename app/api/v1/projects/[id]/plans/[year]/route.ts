import { apiRoute } from '@/lib/auth/api';
import { putYearPlan } from '@/domain/year-plans';
import { yearPlanParams, yearPlanPutSchema } from '@/lib/schemas/year-plan';

/** Creates or replaces one year's plan; lowering the current year's needs a reason. */
export const PUT = apiRoute({ params: yearPlanParams, body: yearPlanPutSchema }, ({ actor, params, body }) =>
  putYearPlan(actor, params.id, {
    year: params.year,
    plannedInvestment: body.plannedInvestment,
    reason: body.reason,
    version: body.version,
  }),
);
