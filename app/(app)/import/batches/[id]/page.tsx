import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ResponsiveTable } from '@/components/import/responsive-table';
import { formatTimestamp } from '@/lib/format-time';
import { Tag } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { findImportBatch, listBatchProjects } from '@/db/queries/imports';
import { requireUser } from '@/lib/auth/next';
import { STAGE_LABELS } from '@/lib/rules/enums';
import { IMPORT_ROLES } from '@/lib/rules/import';
import { formatWan } from '@/lib/rules/money';
import { id as idSchema, page as pageSchema } from '@/lib/validation';

export const metadata = { title: '导入结果 · 吉林市重点项目管理平台' };

export default async function ImportBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(IMPORT_ROLES);
  const parsedId = idSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const batch = findImportBatch(parsedId.data, { userId: user.role === 'officer' ? user.id : undefined });
  if (!batch) notFound();
  const query = await searchParams;
  const parsedPage = pageSchema.safeParse(Array.isArray(query.page) ? query.page[0] : query.page);
  const page = parsedPage.success ? parsedPage.data : 1;
  const touched = listBatchProjects(batch.id, { page, pageSize: 100 });
  const pages = Math.max(1, Math.ceil(touched.total / touched.pageSize));
  type Row = (typeof touched.items)[number];
  return (
    <div className="space-y-4">
      <PageHeader
        title={`导入批次 #${batch.id}`}
        description={`${formatTimestamp(batch.createdAt)} · ${batch.userName} 导入"${batch.fileName}"：新建 ${batch.createdCount} 个，更新 ${batch.updatedCount} 个，跳过 ${batch.skippedCount} 行`}
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
      <Card title={`本批次涉及的项目（${touched.total}）`}>
        {touched.items.length === 0 ? (
          <EmptyState title="本批次没有涉及项目" />
        ) : (
          <ResponsiveTable<Row>
            caption="本批次涉及的项目"
            rowKey={(row) => row.id}
            rows={touched.items}
            columns={[
              { header: '结果', cell: (row) => (row.created ? <Tag tone="emerald">新建</Tag> : <Tag tone="brand">更新</Tag>) },
              { header: '项目名称', cell: (row) => <Link className="text-brand-700 underline" href={`/projects/${row.id}`}>{row.name}</Link> },
              { header: '项目代码', cell: (row) => row.code ?? '—', className: 'whitespace-nowrap' },
              { header: '责任单位', cell: (row) => row.unitName },
              { header: '阶段', cell: (row) => STAGE_LABELS[row.stage] },
              { header: '总投资', cell: (row) => formatWan(row.totalInvestment), className: 'whitespace-nowrap text-right tabular-nums' },
            ]}
          />
        )}
        {pages > 1 ? (
          <nav aria-label="项目分页" className="mt-3 flex items-center gap-3 text-sm">
            {page > 1 ? <Link className="text-brand-700 underline" href={`/import/batches/${batch.id}?page=${page - 1}`}>上一页</Link> : null}
            <span className="text-slate-600">第 {page} / {pages} 页</span>
            {page < pages ? <Link className="text-brand-700 underline" href={`/import/batches/${batch.id}?page=${page + 1}`}>下一页</Link> : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
