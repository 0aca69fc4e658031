import { apiRoute } from '@/lib/auth/api';
import { assertMayImport } from '@/domain/import-jobs';
import { leadTemplate } from '@/domain/lead-imports';
import { projectTemplate } from '@/domain/project-sheets';
import { xlsxResponse } from '@/lib/excel/writer';
import { IMPORT_ROLES } from '@/lib/rules/import';
import { z } from 'zod';

const querySchema = z.object({ kind: z.enum(['projects', 'leads'], { error: '模板类型无效' }).default('projects') });

export const GET = apiRoute({ roles: IMPORT_ROLES, query: querySchema }, async ({ actor, query }) => {
  assertMayImport(actor, query.kind);
  return query.kind === 'leads'
    ? xlsxResponse(await leadTemplate(), '招商线索导入模板.xlsx')
    : xlsxResponse(await projectTemplate(), '重点项目导入模板.xlsx');
});
