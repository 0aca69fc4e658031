import { exportLedger } from '@/domain/list-exports';
import { apiRoute } from '@/lib/auth/api';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { parseFiltersLenient, projectFilterSchema } from '@/lib/schemas/filters';
import { parseLedgerView } from '@/lib/schemas/ledger';

// 导出 Excel of /projects: the same filters and sort, parsed as the page parses them, every page.
export const GET = apiRoute({}, async ({ request }) => {
  const params = searchParamsOf(request);
  const view = parseLedgerView(params);
  const file = await exportLedger({
    filters: parseFiltersLenient(projectFilterSchema, params),
    sort: view.sort,
    dir: view.dir,
  });
  return xlsxResponse(file.buffer, file.fileName);
});
