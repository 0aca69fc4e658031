import { apiRoute, idParams } from '@/lib/auth/api';
import { getDb } from '@/db';
import { listProjectAdjustments } from '@/domain/adjustments';
import { findProject } from '@/domain/projects';

/** 调整记录: every change made under a reason, oldest first. Every signed-in role reads projects. */
export const GET = apiRoute({ params: idParams }, ({ params }) => {
  findProject(getDb(), params.id);
  return listProjectAdjustments(params.id).map(({ at, by, byName, field, from, to, reason }) => ({
    at,
    by,
    byName,
    field,
    from,
    to,
    reason,
  }));
});
