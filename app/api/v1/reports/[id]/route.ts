import { apiRoute, idParams } from '@/lib/auth/api';
import { correctReport } from '@/domain/reports';
import { reportCorrectSchema } from '@/lib/schemas/project-lists';

// 更正 a filed 进度清单 (issue 18): the author until the 5th of the next month; afterwards, or any
// other project editor, with a reason. The correction is kept and listed on the report.
export const PATCH = apiRoute({ params: idParams, body: reportCorrectSchema }, ({ actor, params, body }) =>
  correctReport(actor, params.id, body),
);
