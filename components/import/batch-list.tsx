import Link from 'next/link';
import { EmptyState } from '@/components/ui/page';
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

/** Import batches: a table on wide screens, cards on phones. */
export function BatchList({ batches, auditLinks }: { batches: BatchRow[]; auditLinks: boolean }) {
  if (batches.length === 0)
    return <EmptyState title="还没有导入记录">上传第一个文件后，导入批次会列在这里。</EmptyState>;
  return (
    <>
      <table className="hidden w-full text-sm md:table">
        <caption className="sr-only">导入批次</caption>
        <thead className="border-b border-slate-200 text-left text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              批次
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              时间
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              导入人
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              文件
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              新建
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              更新
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              跳过
            </th>
            <th scope="col" className="py-2 font-medium">
              查看
            </th>
          </tr>
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
                <Link className="text-brand-700 underline" href={`/import/batches/${batch.id}`}>
                  导入结果
                </Link>
                {auditLinks ? (
                  <Link className="ml-3 text-brand-700 underline" href={`/admin/audit?batchId=${batch.id}`}>
                    审计日志
                  </Link>
                ) : null}
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
              <Link className="text-brand-700 underline" href={`/import/batches/${batch.id}`}>
                导入结果
              </Link>
              {auditLinks ? (
                <Link className="ml-3 text-brand-700 underline" href={`/admin/audit?batchId=${batch.id}`}>
                  审计日志
                </Link>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
