import { exportProblems } from '@/domain/list-exports';
import { apiRoute } from '@/lib/auth/api';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { parseFiltersLenient } from '@/lib/schemas/filters';
import { problemFilterSchema } from '@/lib/schemas/problems';

// 导出 Excel of /problems: the same view, filters and sort, parsed as the page parses them, every page.
export const GET = apiRoute({}, async ({ request }) => {
  const params = searchParamsOf(request);
  const { sort, ...filters } = parseFiltersLenient(problemFilterSchema, params);
  const file = await exportProblems({ filters, meetingView: params.view === 'meeting', sort: sort ?? 'oldest' });
  return xlsxResponse(file.buffer, file.fileName);
});
