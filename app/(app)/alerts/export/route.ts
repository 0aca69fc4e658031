import { exportAlerts } from '@/domain/list-exports';
import { apiRoute } from '@/lib/auth/api';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { id } from '@/lib/validation';

// 导出 Excel of /alerts: the caller's own alerts; the unit filter narrows a leader's or admin's view only.
export const GET = apiRoute({}, async ({ actor, request }) => {
  const file = await exportAlerts({ actor, unitId: id.safeParse(searchParamsOf(request).unitId).data });
  return xlsxResponse(file.buffer, file.fileName);
});
