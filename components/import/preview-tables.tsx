import { Card } from '@/components/ui/page';
import type { ImportPreview } from '@/domain/imports';
import { PROJECT_COLUMN_BY_KEY, projectCellValue, type ProjectRowNames } from '@/lib/excel/project-columns';
import type { FieldChange, PlannedRow } from '@/lib/excel/project-rows';
import type { RowError } from '@/lib/excel/row-parse';
import { CATEGORY_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import { ResponsiveTable } from './responsive-table';

// The rows of a preview, by what will happen to them. Long files show the first rows of each
// kind; the counts above are always complete.
const SHOWN = 200;
const ERRORS_SHOWN = 1000;

type CreateRow = Extract<PlannedRow, { action: 'create' }>;
type UpdateRow = Extract<PlannedRow, { action: 'update' }>;

function shownText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  return String(value);
}

function ChangeList({ changes, names }: { changes: FieldChange[]; names: ProjectRowNames }) {
  return (
    <ul className="space-y-0.5">
      {changes.map((change) => {
        const column = PROJECT_COLUMN_BY_KEY.get(change.field)!;
        return (
          <li key={change.field}>
            <span className="text-slate-600">{change.header}：</span>
            <del className="text-slate-500">{shownText(projectCellValue(column, change.before, names))}</del>
            <span aria-hidden="true"> → </span>
            <span className="sr-only">改为</span>
            <ins className="font-medium text-slate-900 no-underline">
              {shownText(projectCellValue(column, change.after, names))}
            </ins>
          </li>
        );
      })}
    </ul>
  );
}

export function more(total: number, shown: number) {
  return total > shown ? (
    <p className="mt-2 text-xs text-slate-500">
      共 {total.toLocaleString('zh-CN')} 行，此处列出前 {shown} 行。
    </p>
  ) : null;
}

export function PreviewTables({ preview, names }: { preview: ImportPreview; names: ProjectRowNames }) {
  const creates = preview.rows.filter((row): row is CreateRow => row.action === 'create');
  const updates = preview.rows.filter((row): row is UpdateRow => row.action === 'update');
  return (
    <>
      <ErrorTable errors={preview.errors} total={preview.counts.error} />
      {creates.length ? (
        <Card title={`将新建的项目（${preview.counts.create}）`}>
          <ResponsiveTable<CreateRow>
            caption="将新建的项目"
            rowKey={(row) => row.row}
            rows={creates.slice(0, SHOWN)}
            columns={[
              { header: '行号', cell: (row) => `第 ${row.row} 行`, className: 'whitespace-nowrap' },
              { header: '项目名称', cell: (row) => row.name },
              { header: '责任单位', cell: (row) => names.unitName(row.unitId) ?? '' },
              { header: '类别', cell: (row) => CATEGORY_LABELS[row.input.category] },
              { header: '阶段', cell: (row) => STAGE_LABELS[row.stage] },
              {
                header: '总投资',
                cell: (row) => formatWan(row.input.totalInvestment),
                className: 'whitespace-nowrap text-right tabular-nums',
              },
            ]}
          />
          {more(creates.length, SHOWN)}
        </Card>
      ) : null}
      {updates.length ? (
        <Card title={`将更新的项目（${preview.counts.update}）`}>
          <ResponsiveTable<UpdateRow>
            caption="将更新的项目"
            rowKey={(row) => row.row}
            rows={updates.slice(0, SHOWN)}
            columns={[
              { header: '行号', cell: (row) => `第 ${row.row} 行`, className: 'whitespace-nowrap' },
              { header: '项目名称', cell: (row) => row.name },
              { header: '变更', cell: (row) => <ChangeList changes={row.changes} names={names} /> },
            ]}
          />
          {more(updates.length, SHOWN)}
        </Card>
      ) : null}
    </>
  );
}

/** The rows in error, each with its row, column and Chinese message. */
export function ErrorTable({ errors, total }: { errors: RowError[]; total: number }) {
  if (!errors.length) return null;
  return (
    <Card title={`有错误的行（${total}）`}>
      <ResponsiveTable<RowError & { index: number }>
        caption="有错误的行"
        rowKey={(error) => error.index}
        rows={errors.slice(0, ERRORS_SHOWN).map((error, index) => ({ ...error, index }))}
        columns={[
          { header: '行号', cell: (error) => `第 ${error.row} 行`, className: 'whitespace-nowrap' },
          { header: '列', cell: (error) => error.column, className: 'whitespace-nowrap' },
          { header: '问题', cell: (error) => <span className="text-red-700">{error.message}</span> },
        ]}
      />
      {more(errors.length, ERRORS_SHOWN)}
    </Card>
  );
}
