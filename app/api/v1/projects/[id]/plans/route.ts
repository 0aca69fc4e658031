import { apiRoute, idParams } from '@/lib/auth/api';
import { getDb } from '@/db';
import { findProject } from '@/domain/projects';
import { listYearPlans } from '@/domain/year-plans';

/** 年度计划投资, one row per year, oldest first. */
export const GET = apiRoute({ params: idParams }, ({ params }) => {
  findProject(getDb(), params.id);
  return listYearPlans(params.id);
});
