import { exportCityLedger, exportLedger } from '@/domain/list-exports';
import { apiRoute } from '@/lib/auth/api';
import { AppError } from '@/lib/errors';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { parseFiltersLenient, projectFilterSchema } from '@/lib/schemas/filters';
import { parseLedgerView } from '@/lib/schemas/ledger';

const LAYOUT_MESSAGE = '导出格式 layout 只能为 city（按市里格式），或不填（平台台账格式）';

// 导出 Excel of /projects: the same filters and sort, parsed as the page parses them, every page.
// layout=city lays the same rows out as the city's 重点建设项目计划表 (按市里格式).
export const GET = apiRoute({}, async ({ request }) => {
  const params = searchParamsOf(request);
  const layout = params.layout;
  if (layout !== undefined && layout !== '' && layout !== 'city')
    throw new AppError('validation_failed', LAYOUT_MESSAGE, { layout: [LAYOUT_MESSAGE] });
  const view = parseLedgerView(params);
  const options = {
    filters: parseFiltersLenient(projectFilterSchema, params),
    sort: view.sort,
    dir: view.dir,
  };
  const file = layout === 'city' ? await exportCityLedger(options) : await exportLedger(options);
  return xlsxResponse(file.buffer, file.fileName);
});
