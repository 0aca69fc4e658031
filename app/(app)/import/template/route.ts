import { apiRoute } from '@/lib/auth/api';
import { projectTemplate } from '@/domain/project-sheets';
import { xlsxResponse } from '@/lib/excel/writer';
import { IMPORT_ROLES } from '@/lib/rules/import';

export const GET = apiRoute({ roles: IMPORT_ROLES }, async () => xlsxResponse(await projectTemplate(), '重点项目导入模板.xlsx'));
