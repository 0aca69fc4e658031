import { exportLeads } from '@/domain/list-exports';
import { apiRoute } from '@/lib/auth/api';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { leadFilterSchema, parseFiltersLenient } from '@/lib/schemas/filters';
import { leadListQuerySchema } from '@/lib/schemas/lead-query';

// 导出 Excel of /leads: the same filters and sort, parsed as the page parses them, every page.
export const GET = apiRoute({}, async ({ request }) => {
  const params = searchParamsOf(request);
  const { sort, dir } = parseFiltersLenient(leadListQuerySchema.pick({ sort: true, dir: true }), params);
  const file = await exportLeads({
    filters: parseFiltersLenient(leadFilterSchema, params),
    sort: sort ?? 'updatedAt',
    dir: dir ?? 'desc',
  });
  return xlsxResponse(file.buffer, file.fileName);
});
