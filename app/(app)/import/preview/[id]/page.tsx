import { notFound } from 'next/navigation';
import { CommitForm } from '@/components/import/commit-form';
import { LeadPreviewTables } from '@/components/import/lead-preview-tables';
import { PreviewTables } from '@/components/import/preview-tables';
import { Card, Notice, PageHeader } from '@/components/ui/page';
import { loadPreview, type PreviewBase } from '@/domain/import-store';
import type { ImportPreview } from '@/domain/imports';
import { leadRowNames, type LeadImportPreview } from '@/domain/lead-imports';
import { projectRowNames } from '@/domain/project-sheets';
import { requireUser } from '@/lib/auth/next';
import { EXAMPLE_MARK } from '@/lib/excel/example-row';
import { isAppError } from '@/lib/errors';
import { IMPORT_ROLES } from '@/lib/rules/import';

export const metadata = { title: '导入预览' };

export default async function ImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(IMPORT_ROLES);
  const { id } = await params;
  let preview: PreviewBase<unknown>;
  try {
    preview = loadPreview(user, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const { counts } = preview;
  const noun = preview.kind === 'leads' ? '线索' : '项目';
  return (
    <div className="space-y-4">
      <PageHeader
        title={preview.kind === 'leads' ? '导入预览：招商线索' : '导入预览'}
        description={`文件：${preview.fileName} · 工作表"${preview.sheetName}"，第 ${preview.headerRow} 行为表头 · 检查用时 ${(preview.durationMs / 1000).toFixed(1)} 秒。尚未写入任何数据。`}
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="预览汇总">
        {[
          { label: '将新建', value: counts.create, tone: 'text-emerald-700' },
          { label: '将更新', value: counts.update, tone: 'text-brand-700' },
          { label: '无变化', value: counts.unchanged, tone: 'text-slate-700' },
          { label: '有错误', value: counts.error, tone: counts.error ? 'text-red-700' : 'text-slate-700' },
        ].map((item) => (
          <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{item.label}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${item.tone}`}>
              {item.value.toLocaleString('zh-CN')} 行
            </dd>
          </div>
        ))}
      </dl>
      {preview.exampleRows?.length ? (
        <Notice tone="info">
          <span data-testid="example-rows-skipped">
            已跳过示例行（第 {preview.exampleRows.join('、')} 行，以“{EXAMPLE_MARK}”开头），不会导入。
          </span>
        </Notice>
      ) : null}
      {preview.unknownHeaders.length ? (
        <Notice tone="info">以下列不是平台字段，导入时忽略：{preview.unknownHeaders.join('、')}</Notice>
      ) : null}
      <Card title="确认导入">
        <CommitForm
          previewId={preview.id}
          errorRows={counts.error}
          writableRows={counts.create + counts.update}
          noun={noun}
        />
      </Card>
      {preview.kind === 'leads' ? (
        <LeadPreviewTables preview={preview as LeadImportPreview} names={leadRowNames()} />
      ) : (
        <PreviewTables preview={preview as ImportPreview} names={projectRowNames()} />
      )}
    </div>
  );
}
