import { formatDateTime } from '@/lib/format-time';
import { listAuditEntriesForExport, loadAuditNames } from '@/db/queries/audit';
import { apiRoute } from '@/lib/auth/api';
import { actionLabel, changeText, entityTypeLabel } from '@/lib/audit-format';
import { writeSheet, xlsxResponse } from '@/lib/excel/writer';
import { today } from '@/lib/rules/dates';
import { auditFilterSchema } from '@/lib/schemas/audit';

// Spreadsheets stay usable up to this many rows; narrower filters export the rest.
const EXPORT_LIMIT = 50_000;

const querySchema = auditFilterSchema.omit({ page: true, pageSize: true });

export const GET = apiRoute({ roles: ['admin'], query: querySchema }, async ({ query }) => {
  const entries = listAuditEntriesForExport(query, EXPORT_LIMIT);
  const names = loadAuditNames(entries);
  const filtersText = [
    query.userId ? `操作人编号：${query.userId}` : null,
    query.entityType ? `记录类型：${entityTypeLabel(query.entityType)}` : null,
    query.entityId ? `记录编号：${query.entityId}` : null,
    query.batchId ? `导入批次：#${query.batchId}` : null,
    query.from || query.to ? `日期：${query.from ?? '…'} 至 ${query.to ?? '…'}` : null,
    entries.length === EXPORT_LIMIT ? `仅导出最新 ${EXPORT_LIMIT} 条` : null,
  ]
    .filter(Boolean)
    .join('；');
  const buffer = await writeSheet({
    title: '审计日志',
    filtersText: filtersText || undefined,
    sheetName: '审计日志',
    columns: [
      { header: '编号', key: 'id', type: 'int', width: 10 },
      { header: '时间', key: 'at', width: 18 },
      { header: '操作人', key: 'user', width: 12 },
      { header: '操作', key: 'action', width: 10 },
      { header: '记录类型', key: 'entityType', width: 12 },
      { header: '记录编号', key: 'entityId', type: 'int', width: 10 },
      { header: '导入批次', key: 'batchId', type: 'int', width: 10 },
      { header: '变更内容（变更前 → 变更后）', key: 'change', width: 80 },
      { header: 'IP', key: 'ip', width: 16 },
    ],
    rows: entries.map((entry) => ({
      id: entry.id,
      at: formatDateTime(entry.at),
      user: entry.userName ?? '系统',
      action: actionLabel(entry.action),
      entityType: entityTypeLabel(entry.entityType),
      entityId: entry.entityId,
      batchId: entry.batchId,
      change: changeText(entry, names),
      ip: entry.ip,
    })),
  });
  return xlsxResponse(buffer, `审计日志-${today()}.xlsx`);
});
