import { exportFunding } from '@/domain/funding';
import { apiRoute } from '@/lib/auth/api';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { parseFiltersLenient } from '@/lib/schemas/filters';
import { fundingFilterSchema } from '@/lib/schemas/funding';

// 导出 Excel of /funding: the same filters, parsed as the page parses them, every page, with the totals.
export const GET = apiRoute({}, async ({ request }) => {
  const filters = parseFiltersLenient(fundingFilterSchema, searchParamsOf(request));
  const file = await exportFunding(filters);
  return xlsxResponse(file.buffer, file.fileName);
});
