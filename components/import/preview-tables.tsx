import { Card } from '@/components/ui/page';
import type { ImportPreview } from '@/domain/imports';
import { PROJECT_COLUMN_BY_KEY, projectCellValue, type ProjectRowNames } from '@/lib/excel/project-columns';
import type { PlannedBuilder } from '@/lib/excel/project-rows';
import type { CellConversion, RowError } from '@/lib/excel/row-parse';
import { CATEGORY_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import { ResponsiveTable, type Column } from './responsive-table';

// The rows of a preview (projects or leads), by what will happen to them. Long files show the first
// rows of each kind; the counts above are always complete.
const SHOWN = 200;
const ERRORS_SHOWN = 1000;

function shownText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  return String(value);
}

/** Each changed field of a row: its header, the value before (struck out) and after. */
export function ChangeList<C extends { field: string; header: string; before: unknown; after: unknown }>({
  changes,
  text,
}: {
  changes: C[];
  text: (change: C, value: unknown) => string;
}) {
  return (
    <ul className="space-y-0.5">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="text-slate-600">{change.header}：</span>
          <del className="text-slate-500">{text(change, change.before)}</del>
          <span aria-hidden="true"> → </span>
          <span className="sr-only">改为</span>
          <ins className="font-medium text-slate-900 no-underline">{text(change, change.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** Cells the importer read differently from how they were written: "2026年二季度 → 2026-04-01". */
export function ConversionList({ conversions }: { conversions?: CellConversion[] }) {
  if (!conversions?.length) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {conversions.map((conversion) => (
        <li key={conversion.column}>
          <span className="text-slate-600">{conversion.column}：</span>
          <span>{conversion.written}</span>
          <span aria-hidden="true"> → </span>
          <span className="sr-only">读作</span>
          <span className="font-medium text-slate-900">{conversion.converted}</span>
        </li>
      ))}
    </ul>
  );
}

/** A row's 建设单位 and whether the 企业库 has it already or the import adds it. */
function BuilderCell({ builder }: { builder?: PlannedBuilder }) {
  if (!builder) return null;
  return (
    <span>
      {builder.name}
      <span className={builder.isNew ? 'ml-1 text-amber-700' : 'ml-1 text-slate-500'}>
        （{builder.isNew ? '新建' : '已有'}）
      </span>
    </span>
  );
}

function more(total: number, shown: number) {
  return total > shown ? (
    <p className="mt-2 text-xs text-slate-500">
      共 {total.toLocaleString('zh-CN')} 行，此处列出前 {shown} 行。
    </p>
  ) : null;
}

/** The file's row number, the first column of every preview table. */
const rowNumberColumn: Column<{ row: number }> = {
  header: '行号',
  cell: (row) => `第 ${row.row} 行`,
  className: 'whitespace-nowrap',
};

/** One kind of row in a card titled with its count: the first `shown` rows, and how many there are in all. */
function RowsCard<T>({
  title,
  count,
  rows,
  shown,
  rowKey,
  columns,
}: {
  title: string;
  count: number;
  rows: T[];
  shown: number;
  rowKey: (row: T) => string | number;
  columns: Column<T>[];
}) {
  return (
    <Card title={`${title}（${count}）`}>
      <ResponsiveTable<T> caption={title} rowKey={rowKey} rows={rows.slice(0, shown)} columns={columns} />
      {more(rows.length, shown)}
    </Card>
  );
}

/**
 * A preview's tables: the rows in error, then the rows to be created and those to be updated
 * (`noun` says of what: 项目, 线索), each kind with its own columns after the row number.
 */
export function PlannedRowTables<R extends { row: number; action: string }>({
  preview,
  noun,
  createColumns,
  updateColumns,
}: {
  preview: {
    rows: R[];
    errors: RowError[];
    counts: { error: number; create: number; update: number };
    warnings?: RowError[];
    sections?: Record<number, string>;
  };
  noun: string;
  createColumns: Column<Extract<R, { action: 'create' }>>[];
  updateColumns: Column<Extract<R, { action: 'update' }>>[];
}) {
  // The section a row stands under ("一、政府投资项目（3项）"), when the file has section rows.
  const sections = preview.sections ?? {};
  const sectionColumn: Column<{ row: number }>[] = Object.keys(sections).length
    ? [{ header: '分区', cell: (row) => sections[row.row] ?? '', className: 'whitespace-nowrap' }]
    : [];
  const creates = preview.rows.filter((row): row is Extract<R, { action: 'create' }> => row.action === 'create');
  const updates = preview.rows.filter((row): row is Extract<R, { action: 'update' }> => row.action === 'update');
  return (
    <>
      <WarningTable warnings={preview.warnings ?? []} />
      <ErrorTable errors={preview.errors} total={preview.counts.error} />
      {creates.length ? (
        <RowsCard
          title={`将新建的${noun}`}
          count={preview.counts.create}
          rows={creates}
          shown={SHOWN}
          rowKey={(row) => row.row}
          columns={[rowNumberColumn, ...sectionColumn, ...createColumns]}
        />
      ) : null}
      {updates.length ? (
        <RowsCard
          title={`将更新的${noun}`}
          count={preview.counts.update}
          rows={updates}
          shown={SHOWN}
          rowKey={(row) => row.row}
          columns={[rowNumberColumn, ...sectionColumn, ...updateColumns]}
        />
      ) : null}
    </>
  );
}

export function PreviewTables({ preview, names }: { preview: ImportPreview; names: ProjectRowNames }) {
  return (
    <PlannedRowTables
      preview={preview}
      noun="项目"
      createColumns={[
        { header: '项目名称', cell: (row) => row.name },
        { header: '责任单位', cell: (row) => names.unitName(row.unitId) ?? '' },
        { header: '类别', cell: (row) => CATEGORY_LABELS[row.input.category] },
        { header: '阶段', cell: (row) => STAGE_LABELS[row.stage] },
        {
          header: '总投资',
          cell: (row) => formatWan(row.input.totalInvestment),
          className: 'whitespace-nowrap text-right tabular-nums',
        },
        { header: '建设单位', cell: (row) => <BuilderCell builder={row.builder} /> },
        { header: '填写 → 读作', cell: (row) => <ConversionList conversions={row.conversions} /> },
      ]}
      updateColumns={[
        { header: '项目名称', cell: (row) => row.name },
        {
          header: '变更',
          cell: (row) => (
            <ChangeList
              changes={row.changes}
              text={(change, value) =>
                shownText(projectCellValue(PROJECT_COLUMN_BY_KEY.get(change.field)!, value, names))
              }
            />
          ),
        },
        { header: '建设单位', cell: (row) => <BuilderCell builder={row.builder} /> },
        { header: '填写 → 读作', cell: (row) => <ConversionList conversions={row.conversions} /> },
      ]}
    />
  );
}

/** The rows in error, each with its row, column and Chinese message. */
function ErrorTable({ errors, total }: { errors: RowError[]; total: number }) {
  if (!errors.length) return null;
  return (
    <RowsCard<RowError & { index: number }>
      title="有错误的行"
      count={total}
      rows={errors.map((error, index) => ({ ...error, index }))}
      shown={ERRORS_SHOWN}
      rowKey={(error) => error.index}
      columns={[
        rowNumberColumn,
        { header: '列', cell: (error) => error.column, className: 'whitespace-nowrap' },
        { header: '问题', cell: (error) => <span className="text-red-700">{error.message}</span> },
      ]}
    />
  );
}

/** Sums that do not add up and section counts that differ: shown, but they do not stop the import. */
function WarningTable({ warnings }: { warnings: RowError[] }) {
  if (!warnings.length) return null;
  return (
    <RowsCard<RowError & { index: number }>
      title="提示（不影响导入）"
      count={warnings.length}
      rows={warnings.map((warning, index) => ({ ...warning, index }))}
      shown={ERRORS_SHOWN}
      rowKey={(warning) => warning.index}
      columns={[
        rowNumberColumn,
        { header: '列', cell: (warning) => warning.column, className: 'whitespace-nowrap' },
        { header: '说明', cell: (warning) => <span className="text-amber-800">{warning.message}</span> },
      ]}
    />
  );
}
