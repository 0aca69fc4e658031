import Link from 'next/link';
import { EmptyState } from '@/components/ui/page';
import { HeadRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format-time';

export interface BatchRow {
  id: number;
  fileName: string;
  userName: string;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  createdAt: string;
}

/** A batch's 导入结果 link, and its 审计日志 for those who may read the audit log. */
function BatchLinks({ id, auditLinks }: { id: number; auditLinks: boolean }) {
  return (
    <>
      <Link className="text-brand-700 underline" href={`/import/batches/${id}`}>
        导入结果
      </Link>
      {auditLinks ? (
        <Link className="ml-3 text-brand-700 underline" href={`/admin/audit?batchId=${id}`}>
          审计日志
        </Link>
      ) : null}
    </>
  );
}

/** Import batches: a table on wide screens, cards on phones. */
export function BatchList({ batches, auditLinks }: { batches: BatchRow[]; auditLinks: boolean }) {
  if (batches.length === 0)
    return <EmptyState title="还没有导入记录">上传第一个文件后，导入批次会列在这里。</EmptyState>;
  return (
    <>
      <table className="hidden w-full text-sm md:table">
        <caption className="sr-only">导入批次</caption>
        <thead className="border-b border-slate-200 text-left text-slate-600">
          <HeadRow
            cellClass="py-2 pr-3 font-medium"
            columns={[
              '批次',
              '时间',
              '导入人',
              '文件',
              { label: '新建', className: 'py-2 pr-3 text-right font-medium' },
              { label: '更新', className: 'py-2 pr-3 text-right font-medium' },
              { label: '跳过', className: 'py-2 pr-3 text-right font-medium' },
              { label: '查看', className: 'py-2 font-medium' },
            ]}
          />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {batches.map((batch) => (
            <tr key={batch.id}>
              <td className="py-2 pr-3">#{batch.id}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(batch.createdAt)}</td>
              <td className="py-2 pr-3">{batch.userName}</td>
              <td className="max-w-xs truncate py-2 pr-3" title={batch.fileName}>
                {batch.fileName}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{batch.createdCount}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{batch.updatedCount}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{batch.skippedCount}</td>
              <td className="py-2 whitespace-nowrap">
                <BatchLinks id={batch.id} auditLinks={auditLinks} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-2 md:hidden">
        {batches.map((batch) => (
          <li key={batch.id} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="font-medium text-slate-800">
              #{batch.id} · {batch.fileName}
            </p>
            <p className="text-slate-600">
              {formatDateTime(batch.createdAt)} · {batch.userName}
            </p>
            <p className="text-slate-600">
              新建 {batch.createdCount} · 更新 {batch.updatedCount} · 跳过 {batch.skippedCount}
            </p>
            <p className="mt-1">
              <BatchLinks id={batch.id} auditLinks={auditLinks} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
