import Link from 'next/link';
import { AuditChange } from '@/components/audit/audit-change';
import { AuditFilterForm } from '@/components/audit/audit-filters';
import { ResponsiveTable } from '@/components/import/responsive-table';
import { formatDateTime } from '@/lib/format-time';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { listAuditEntityTypes, listAuditEntries, loadAuditNames, type AuditEntryRow } from '@/db/queries/audit';
import { listUserOptions } from '@/db/queries/reference';
import { actionLabel, entityTypeLabel, recordHref } from '@/lib/audit-format';
import { requireUser } from '@/lib/auth/next';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { parseFiltersLenient } from '@/lib/schemas/filters';
import { listHref, pageCount } from '@/lib/list-url';
import { Pager } from '@/components/ui/pager';

// Page 1 and the default page size keep the plain URL.
const DEFAULTS = { page: 1, pageSize: 50 };

export const metadata = { title: '审计日志' };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser(['admin']);
  const filters = auditFilterSchema.parse(parseFiltersLenient(auditFilterSchema, await searchParams));
  const result = listAuditEntries(filters);
  const names = loadAuditNames(result.items);
  const pages = pageCount(result.total, result.pageSize);
  const { page, pageSize: _pageSize, ...exportFilters } = filters;
  return (
    <div className="space-y-4">
      <PageHeader
        title="审计日志"
        description="每一次变更的操作人、时间、记录和变更前后内容。日志只增不改，任何人都不能编辑或删除。"
      />
      <Card>
        <AuditFilterForm
          filters={filters}
          users={listUserOptions()}
          entityTypes={listAuditEntityTypes()}
          exportHref={listHref('/admin/audit/export', exportFilters, {}, DEFAULTS)}
        />
      </Card>
      <Card title={`共 ${result.total.toLocaleString('zh-CN')} 条`}>
        {result.items.length === 0 ? (
          <EmptyState title="没有符合条件的记录">请调整筛选条件。</EmptyState>
        ) : (
          <ResponsiveTable<AuditEntryRow>
            caption="审计日志"
            rowKey={(entry) => entry.id}
            rows={result.items}
            columns={[
              { header: '时间', cell: (entry) => formatDateTime(entry.at), className: 'whitespace-nowrap' },
              { header: '操作人', cell: (entry) => entry.userName ?? '系统', className: 'whitespace-nowrap' },
              { header: '操作', cell: (entry) => actionLabel(entry.action), className: 'whitespace-nowrap' },
              {
                header: '记录',
                className: 'whitespace-nowrap',
                cell: (entry) => {
                  const label = `${entityTypeLabel(entry.entityType)}${entry.entityId ? ` #${entry.entityId}` : ''}`;
                  const href = recordHref(entry.entityType, entry.entityId, entry.projectId);
                  return href ? (
                    <Link className="text-brand-700 underline" href={href}>
                      {label}
                    </Link>
                  ) : (
                    label
                  );
                },
              },
              {
                header: '批次',
                cell: (entry) =>
                  entry.batchId ? (
                    <Link className="text-brand-700 underline" href={`/admin/audit?batchId=${entry.batchId}`}>
                      #{entry.batchId}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              { header: '变更前 → 变更后', cell: (entry) => <AuditChange entry={entry} names={names} /> },
            ]}
          />
        )}
        <Pager
          page={page}
          pages={pages}
          hrefFor={(target) => listHref('/admin/audit', filters, { page: target }, DEFAULTS)}
          label="审计日志分页"
          look="links"
          className="mt-3"
        />
      </Card>
    </div>
  );
}
