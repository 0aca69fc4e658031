import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ResponsiveTable } from '@/components/import/responsive-table';
import { formatDateTime } from '@/lib/format-time';
import { Tag } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { findImportBatch, listBatchLeads, listBatchProjects } from '@/db/queries/imports';
import { requireUser } from '@/lib/auth/next';
import { LEAD_STAGE_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { IMPORT_ROLES } from '@/lib/rules/import';
import { formatWan } from '@/lib/rules/money';
import { id as idSchema, page as pageSchema } from '@/lib/validation';
import { pageCount } from '@/lib/list-url';
import { Pager } from '@/components/ui/pager';

export const metadata = { title: '导入结果' };

export default async function ImportBatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(IMPORT_ROLES);
  const parsedId = idSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const batch = findImportBatch(parsedId.data, {
    userId: user.role === 'officer' || user.role === 'investment' ? user.id : undefined,
  });
  if (!batch) notFound();
  const query = await searchParams;
  const parsedPage = pageSchema.safeParse(Array.isArray(query.page) ? query.page[0] : query.page);
  const page = parsedPage.success ? parsedPage.data : 1;
  const leadBatch = batch.kind === 'leads';
  const touched = listBatchProjects(leadBatch ? -1 : batch.id, { page, pageSize: 100 });
  const touchedLeads = listBatchLeads(leadBatch ? batch.id : -1, { page, pageSize: 100 });
  const pages = pageCount(leadBatch ? touchedLeads.total : touched.total, 100);
  type Row = (typeof touched.items)[number];
  type LeadRow = (typeof touchedLeads.items)[number];
  const pagination = (
    <Pager
      page={page}
      pages={pages}
      hrefFor={(target) => `/import/batches/${batch.id}?page=${target}`}
      look="links"
      className="mt-3"
    />
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={`导入批次 #${batch.id}`}
        description={`${formatDateTime(batch.createdAt)} · ${batch.userName} 导入"${batch.fileName}"：新建 ${batch.createdCount} ${leadBatch ? '条' : '个'}，更新 ${batch.updatedCount} ${leadBatch ? '条' : '个'}，跳过 ${batch.skippedCount} 行`}
        actions={
          <>
            {user.role === 'admin' ? (
              <Link className={buttonClass('secondary')} href={`/admin/audit?batchId=${batch.id}`}>
                查看审计日志
              </Link>
            ) : null}
            <Link className={buttonClass('primary')} href="/import">
              返回导入
            </Link>
          </>
        }
      />
      {leadBatch ? (
        <Card title={`本批次涉及的线索（${touchedLeads.total}）`}>
          {touchedLeads.items.length === 0 ? (
            <EmptyState title="本批次没有涉及线索" />
          ) : (
            <ResponsiveTable<LeadRow>
              caption="本批次涉及的线索"
              rowKey={(row) => row.id}
              rows={touchedLeads.items}
              columns={[
                {
                  header: '结果',
                  cell: (row) => (row.created ? <Tag tone="emerald">新建</Tag> : <Tag tone="brand">更新</Tag>),
                },
                {
                  header: '企业名称',
                  cell: (row) => (
                    <Link className="text-brand-700 underline" href={`/leads/${row.id}`}>
                      {row.company}
                    </Link>
                  ),
                },
                { header: '拟建项目', cell: (row) => row.proposedProject ?? '—' },
                { header: '负责人', cell: (row) => row.ownerName, className: 'whitespace-nowrap' },
                { header: '阶段', cell: (row) => LEAD_STAGE_LABELS[row.stage] },
                {
                  header: '意向投资',
                  cell: (row) => formatWan(row.intendedInvestment),
                  className: 'whitespace-nowrap text-right tabular-nums',
                },
              ]}
            />
          )}
          {pagination}
        </Card>
      ) : (
        <Card title={`本批次涉及的项目（${touched.total}）`}>
          {touched.items.length === 0 ? (
            <EmptyState title="本批次没有涉及项目" />
          ) : (
            <ResponsiveTable<Row>
              caption="本批次涉及的项目"
              rowKey={(row) => row.id}
              rows={touched.items}
              columns={[
                {
                  header: '结果',
                  cell: (row) => (row.created ? <Tag tone="emerald">新建</Tag> : <Tag tone="brand">更新</Tag>),
                },
                {
                  header: '项目名称',
                  cell: (row) => (
                    <Link className="text-brand-700 underline" href={`/projects/${row.id}`}>
                      {row.name}
                    </Link>
                  ),
                },
                { header: '项目代码', cell: (row) => row.code ?? '—', className: 'whitespace-nowrap' },
                { header: '责任单位', cell: (row) => row.unitName },
                { header: '阶段', cell: (row) => STAGE_LABELS[row.stage] },
                {
                  header: '总投资',
                  cell: (row) => formatWan(row.totalInvestment),
                  className: 'whitespace-nowrap text-right tabular-nums',
                },
              ]}
            />
          )}
          {pagination}
        </Card>
      )}
    </div>
  );
}
