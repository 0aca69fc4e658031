import { apiRoute, idParams } from '@/lib/auth/api';
import { listStageHistory } from '@/db/queries/projects';
import { findProject } from '@/domain/projects';
import { getDb } from '@/db';

export const GET = apiRoute({ params: idParams }, ({ params }) => {
  findProject(getDb(), params.id);
  return listStageHistory(params.id).map(({ row, byName }) => ({
    at: row.at,
    by: row.byUserId,
    byName,
    from: row.fromStage,
    to: row.toStage,
    reason: row.reason,
    override: row.override,
    openItems: row.openItems ?? [],
    fromStageDueDate: row.fromStageDueDate,
  }));
});
