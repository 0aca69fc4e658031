import 'server-only';
import { getDb, type Executor } from '@/db';
import { enterprises, industries, packages, units, users } from '@/db/schema';
import { PROJECT_COLUMNS, projectToRow, type LedgerProject, type ProjectRowNames } from '@/lib/excel/project-columns';
import { writeSheet } from '@/lib/excel/writer';
import { EXAMPLE_MARK, EXAMPLE_NOTE } from '@/lib/excel/example-row';
import { currentYear } from './year-plans';

// Projects as spreadsheets: the import template and the ledger in the template's columns, so a
// ledger exported here imports back unchanged.

export function projectRowNames(executor: Executor = getDb()): ProjectRowNames {
  const unitNames = new Map(
    executor
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((unit) => [unit.id, unit.name]),
  );
  const industryNames = new Map(
    executor
      .select({ id: industries.id, name: industries.name })
      .from(industries)
      .all()
      .map((row) => [row.id, row.name]),
  );
  const userNames = new Map(
    executor
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((user) => [user.id, user.name]),
  );
  const packageNames = new Map(
    executor
      .select({ id: packages.id, name: packages.name })
      .from(packages)
      .all()
      .map((row) => [row.id, row.name]),
  );
  const enterpriseNames = new Map(
    executor
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .all()
      .map((row) => [row.id, row.name]),
  );
  return {
    unitName: (id) => unitNames.get(id),
    industryName: (id) => industryNames.get(id),
    userName: (id) => userNames.get(id),
    packageName: (id) => packageNames.get(id),
    enterpriseName: (id) => enterpriseNames.get(id),
  };
}

const sheetColumns = PROJECT_COLUMNS.map(({ header, key, width, type }) => ({ header, key, width, type }));

export function projectTemplate(): Promise<Buffer> {
  const example = {
    ...Object.fromEntries(PROJECT_COLUMNS.map((column) => [column.key, column.example])),
    name: `${EXAMPLE_MARK}${PROJECT_COLUMNS.find((column) => column.key === 'name')!.example}`,
    planYear: currentYear(),
  };
  return writeSheet({
    title: '重点项目导入模板',
    filtersText: `第 2 行为列名（可调整顺序）；${EXAMPLE_NOTE}；金额单位万元，日期格式 YYYY-MM-DD`,
    columns: sheetColumns,
    rows: [example],
    sheetName: '项目',
  });
}

/** The ledger in import-template columns. */
export function projectLedgerWorkbook(
  projects: LedgerProject[],
  options: { title?: string; filtersText?: string } = {},
): Promise<Buffer> {
  const names = projectRowNames();
  return writeSheet({
    title: options.title ?? '重点项目台账',
    filtersText: options.filtersText,
    columns: sheetColumns,
    rows: projects.map((project) => projectToRow(project, names, currentYear())),
    sheetName: '项目台账',
  });
}
