import { exportRankings } from '@/domain/list-exports';
import { apiRoute } from '@/lib/auth/api';
import { searchParamsOf } from '@/lib/excel/export-params';
import { xlsxResponse } from '@/lib/excel/writer';
import { currentYear } from '@/lib/rules/dates';
import { parsePeriod } from '@/lib/rules/stats';

// 导出 Excel of the dashboard's 考核排名 for the period it shows (?period=2026 or 2026-Q3).
export const GET = apiRoute({}, async ({ request }) => {
  const file = await exportRankings(parsePeriod(searchParamsOf(request).period, currentYear()));
  return xlsxResponse(file.buffer, file.fileName);
});
