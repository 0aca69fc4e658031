import { z } from 'zod';
import { monthlyReport } from '@/domain/monthly-report';
import { monthlyReportFileName, monthlyReportWorkbook } from '@/domain/monthly-report-sheets';
import { apiRoute } from '@/lib/auth/api';
import { xlsxResponse } from '@/lib/excel/writer';
import { month } from '@/lib/validation';
import { statsQuerySchema } from '@/lib/schemas/stats';

// The 月度调度通报 as a workbook, a sheet per section; the same data as the page and the JSON API.
export const GET = apiRoute(
  { roles: ['admin', 'leader'], query: z.object({ month, scope: statsQuerySchema.shape.scope }) },
  async ({ query }) => {
    const report = monthlyReport({ month: query.month, scope: query.scope });
    return xlsxResponse(await monthlyReportWorkbook(report), monthlyReportFileName(report.month, report.scope));
  },
);
