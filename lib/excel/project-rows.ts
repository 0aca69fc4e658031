import { z } from 'zod';
import type { Project } from '@/db/schema';
import { STAGE_LABELS, type Role, type Stage } from '@/lib/rules/enums';
import { coordinatePairErrors } from '@/lib/schemas/coordinates';
import { enterpriseNameKey } from '@/lib/rules/enterprise';
import {
  projectCreateSchema,
  projectEditableFields,
  projectEnterpriseFields,
  type ProjectCreateInput,
} from '@/lib/schemas/project';
import { blankMark, cellBoolean, cellNumber, cellText, looseLabel } from './cells';
import type { HeaderMatch } from './headers';
import {
  convertDate,
  convertMoney,
  convertReference,
  keyForLabel,
  parseCells,
  type CellConversion,
  type ConvertedCell,
  type FieldChangeOf,
  type NameLookups,
  type ParsedRow,
  type RowActor,
  type RowError,
} from './row-parse';
import { PROJECT_COLUMN_BY_KEY, type ProjectColumn, type ProjectImportField } from './project-columns';

// One spreadsheet row → a validated project input, with every problem reported as
// (row, column, Chinese message). Pure: lookups come in as maps.

export interface ImportLookups extends NameLookups {
  users: Map<string, Array<{ id: number; role: Role }>>;
  /** This year's 双十工程包 by name (lookupKey). */
  packages?: Map<string, number>;
  /** The year those packages belong to, for the error message. */
  packageYear?: number;
  /** This year (Beijing): "截至YYYY年底累计完成投资" is the opening investment only when YYYY is last year. */
  currentYear?: number;
}

export type ProjectRowValues = Partial<Omit<ProjectCreateInput, 'stagePlans' | 'stageDueDate' | 'reason'>> & {
  /** This year's 双十工程包; null = not in one. */
  packageId?: number | null;
  stage?: Stage;
  /** 累计完成投资 as the sheet gives it: the opening investment of a new project. */
  completedInvestment?: number;
  /** The year 年度计划投资 belongs to (a 计划年度 column or a year in the header); else this year. */
  planYear?: number;
  /** 建设单位 as written: matched in the 企业库 or created there at commit; null clears. */
  builderName?: string | null;
};

/** Conversions read like "2026年二季度" → "2026-04-01". */
export type ParsedProjectRow = ParsedRow<ProjectRowValues>;

// Fields a blank cell clears; a blank in any other column means "leave as it is" (or the default).
const CLEARABLE = new Set<ProjectImportField>([
  'industryId',
  'leaderId',
  'ownerId',
  'builderName',
  'packageId',
  'location',
  'longitude',
  'latitude',
  'description',
  'fundsInPlace',
  'plannedStartDate',
  'plannedCompletionDate',
  'applicationStatus',
  'appliedFunds',
  'grantedFunds',
  'taskForce',
  'plan',
]);

// Built from the editable fields, not the create schema, so a missing column gets no default.
const rowSchema = z
  .object(projectEditableFields)
  .omit({ stagePlans: true, stageDueDate: true, reason: true, openingInvestment: true })
  .extend({
    packageId: z.number().int().positive().nullable(),
    builderName: projectEnterpriseFields.builderName,
    completedInvestment: projectEditableFields.totalInvestment,
    planYear: z.number().int().min(2000, { error: '年度须在 2000 年以后' }).max(2100, { error: '年度无效' }),
  })
  .partial()
  .strict();

function acceptedLabels(column: ProjectColumn): string {
  return Object.values(column.labels ?? {})
    .map((labels) => labels[0])
    .join('、');
}

export function lookupKey(name: string): string {
  return looseLabel(name);
}

function findUser(lookups: ImportLookups, name: string, leaderOnly: boolean): { id?: number; message?: string } {
  const candidates = (lookups.users.get(lookupKey(name)) ?? []).filter(
    (user) => !leaderOnly || user.role === 'leader' || user.role === 'admin',
  );
  if (candidates.length === 0)
    return { message: leaderOnly ? `包保领导"${name}"不是系统中的领导账号` : `用户"${name}"不存在或已停用` };
  if (candidates.length > 1) return { message: `有多名用户叫"${name}"，请联系管理员区分` };
  return { id: candidates[0].id };
}

/** Converts one cell; returns the value, undefined for "not given", or an error message. */
function convertCell(column: ProjectColumn, raw: unknown, unit: string | null, lookups: ImportLookups): ConvertedCell {
  const text = cellText(raw);
  // "—", "-", "/" and "无" are how ledgers write "nothing".
  if (blankMark(text) === '') return { value: CLEARABLE.has(column.key) ? null : undefined };
  switch (column.kind) {
    case 'text':
    case 'enterprise':
      return { value: text };
    case 'money':
      return convertMoney(raw, text, unit);
    case 'year': {
      const year = Number(
        text
          .normalize('NFKC')
          .replace(/\s/g, '')
          .replace(/年度?$/, ''),
      );
      return Number.isInteger(year) && year >= 1900 && year <= 2100
        ? { value: year }
        : { message: `"${text}"不是有效年度，请填写如 2026` };
    }
    case 'date':
      return convertDate(raw, text, column.dateEdge);
    case 'degrees': {
      const degrees = cellNumber(raw);
      return degrees === null
        ? { message: `"${text}"不是数字，${column.header}请填写十进制度，如 ${column.example}` }
        : { value: degrees };
    }
    case 'bool': {
      const yes = cellBoolean(raw);
      return yes === null ? { message: `"${text}"无法识别，请填写"是"或"否"` } : { value: yes };
    }
    case 'enum': {
      const key = keyForLabel(text, column.labels ?? {});
      return key !== undefined ? { value: key } : { message: `"${text}"无法识别，可填：${acceptedLabels(column)}` };
    }
    case 'unit':
      return convertReference(lookups.units, text, 'unit');
    case 'industry':
      return convertReference(lookups.industries, text, 'industry');
    case 'package': {
      const found = lookups.packages?.get(lookupKey(text));
      return found
        ? { value: found }
        : {
            message: `双十工程包"${text}"不是${lookups.packageYear ? ` ${lookups.packageYear} 年` : '本年度'}的工程包`,
          };
    }
    case 'leader':
    case 'owner': {
      const found = findUser(lookups, text, column.kind === 'leader');
      return found.id ? { value: found.id } : { message: found.message };
    }
  }
}

/** Parses one row; `cells` holds the raw cell value for each matched column. */
export function parseProjectRow(
  row: number,
  matches: readonly HeaderMatch[],
  cells: readonly unknown[],
  lookups: ImportLookups,
): ParsedProjectRow {
  const { values, stage, errors, conversions } = parseCells<ProjectColumn, ProjectRowValues>(row, matches, cells, {
    // Export-only columns (the 上争 sums) are read past: a re-imported ledger changes nothing there.
    columnOf: (key) => {
      const column = PROJECT_COLUMN_BY_KEY.get(key as ProjectImportField);
      return column?.exportOnly ? undefined : column;
    },
    convert: (column, raw, unit) => convertCell(column, raw, unit, lookups),
    schema: rowSchema,
    headerFor: (key) => key,
  });
  // A year in the 年度计划投资 header ("2025年计划投资") names the plan's year unless a 计划年度 column does.
  const headerYear = matches.find((match) => match.key === 'plannedInvestmentThisYear')?.year;
  // 经度/纬度 come as a pair: a row that gives one (the other blank or its column missing) is refused.
  const headerOf = (key: ProjectImportField) =>
    matches.find((match) => match.key === key)?.header ?? PROJECT_COLUMN_BY_KEY.get(key)!.header;
  const pairErrors = coordinatePairErrors({ longitude: values.longitude, latitude: values.latitude });
  const cellFailed = errors.some(
    (error) => error.column === headerOf('longitude') || error.column === headerOf('latitude'),
  );
  if (pairErrors && !cellFailed)
    for (const [key, messages] of Object.entries(pairErrors))
      errors.push({ row, column: headerOf(key as ProjectImportField), message: messages.join('；') });
  openingYearErrors(row, matches, values, errors, lookups.currentYear ?? lookups.packageYear);
  const planYear = values.planYear ?? headerYear;
  return {
    row,
    values: { ...values, ...(planYear !== undefined ? { planYear } : {}), ...(stage ? { stage: stage as Stage } : {}) },
    errors,
    ...(conversions.length ? { conversions } : {}),
  };
}

/**
 * "截至YYYY年底累计完成投资" is the investment made before YYYY+1. The platform keeps one such figure, the
 * opening investment at the start of this year, so the column is read only when YYYY is last year; a
 * total up to another year end cannot be placed and is a cell error (the rest of the row is fine).
 */
function openingYearErrors(
  row: number,
  matches: readonly HeaderMatch[],
  values: ProjectRowValues,
  errors: RowError[],
  year: number | undefined,
) {
  const match = matches.find((candidate) => candidate.key === 'completedInvestment');
  if (!match?.year || year === undefined || match.year + 1 === year || values.completedInvestment === undefined) return;
  delete values.completedInvestment;
  errors.push({
    row,
    column: match.header,
    message: `这是 ${match.year + 1} 年初的累计完成投资；平台的期初投资按 ${year} 年初计，请填写"截至${year - 1}年底累计完成投资"，或删去此列`,
  });
}

// ------------------------------------------------------------------ planning against the DB

export type ImportActor = RowActor;
export type FieldChange = FieldChangeOf<ProjectImportField>;

/** A plan for a year other than the current one (the current year's travels as plannedInvestmentThisYear). */
export interface OtherYearPlan {
  year: number;
  plannedInvestment: number;
}

/** The 建设单位 a row names: an enterprise the registry has (已有) or one the commit creates (新建). */
export interface PlannedBuilder {
  name: string;
  isNew: boolean;
}

/** What the preview shows beside a row: cells read differently from how they were written, and its 建设单位. */
interface RowNotes {
  conversions?: CellConversion[];
  builder?: PlannedBuilder;
}

export type PlannedRow =
  | (RowNotes & {
      row: number;
      action: 'create';
      name: string;
      unitId: number;
      stage: Stage;
      input: ProjectCreateInput;
      yearPlan?: OtherYearPlan;
      /** 调入 this year's package after the insert. */
      packageId?: number;
    })
  | (RowNotes & {
      row: number;
      action: 'update';
      name: string;
      unitId: number;
      projectId: number;
      version: number;
      patch: Partial<ProjectCreateInput> & { packageId?: number | null };
      changes: FieldChange[];
      yearPlan?: OtherYearPlan;
    })
  | (RowNotes & { row: number; action: 'unchanged'; name: string; unitId: number; projectId: number })
  | { row: number; action: 'error'; name: string; errors: RowError[] };

type Existing = Pick<Project, 'id' | 'version' | 'unitId' | 'ownerId' | 'name' | 'code' | 'stage'> &
  Partial<Pick<Project, 'builderEnterpriseId'>> &
  Record<string, unknown>;

export interface PlanContext {
  actor: ImportActor;
  existing: readonly Existing[];
  headers: ReadonlyMap<string, string>;
  unitName: (id: number) => string;
  /** This calendar year (Beijing); plans of other years go to their own year plan. */
  currentYear: number;
  /** A stored plan of another year, null when none. */
  yearPlanOf?: (projectId: number, year: number) => number | null;
  /** Whether the project has monthly reports (then 累计完成投资 is computed, and the cell is ignored). */
  hasReports?: (projectId: number) => boolean;
  /** 企业库 names by id (a project's current 建设单位). */
  enterpriseName?: (id: number) => string | undefined;
  /** Whether the 企业库 has an enterprise of this name (lib/rules/enterprise.ts enterpriseNameKey). */
  enterpriseExists?: (name: string) => boolean;
}

const nameKey = (unitId: number, name: string) => `${unitId}|${looseLabel(name)}`;

/** Indexes stored projects once for a whole file. */
export function indexProjects(existing: readonly Existing[]) {
  const byCode = new Map<string, Existing>();
  const byName = new Map<string, Existing[]>();
  for (const project of existing) {
    if (project.code) byCode.set(project.code, project);
    const key = nameKey(project.unitId, project.name);
    byName.set(key, [...(byName.get(key) ?? []), project]);
  }
  return { byCode, byName };
}

const PACKAGE_ROLE_MESSAGE = '只有管理员和市领导可以调入或调出双十工程包';

const createRequired = z.object({ category: z.string({ error: '新建项目须填写项目类别' }) });

/** Decides, row by row, whether it creates, updates, changes nothing, or is in error. */
export function planRows(rows: readonly ParsedProjectRow[], context: PlanContext): PlannedRow[] {
  const { actor, headers } = context;
  const index = indexProjects(context.existing);
  const header = (field: ProjectImportField) => headers.get(field) ?? PROJECT_COLUMN_BY_KEY.get(field)?.header ?? field;
  const firstRowByKey = new Map<string, number>();
  const mayManagePackages = actor.role === 'admin' || actor.role === 'leader';
  const mayWriteUnit = (unitId: number) =>
    actor.role === 'admin' || actor.role === 'leader' || (actor.role === 'officer' && actor.unitId === unitId);

  function planRow(parsed: ParsedProjectRow): PlannedRow {
    const { row, values } = parsed;
    const errors = [...parsed.errors];
    const name = values.name ?? '';
    const fail = (field: ProjectImportField, message: string) => errors.push({ row, column: header(field), message });
    if (!values.name && !errors.some((error) => error.column === header('name'))) fail('name', '项目名称不能为空');
    if (!values.unitId && !errors.some((error) => error.column === header('unitId')))
      fail('unitId', '责任单位不能为空');
    if (errors.length) return { row, action: 'error', name, errors };
    const unitId = values.unitId!;

    for (const key of [values.code ? `code:${values.code}` : null, nameKey(unitId, name)]) {
      if (!key) continue;
      const first = firstRowByKey.get(key);
      if (first !== undefined) {
        fail(
          key.startsWith('code:') ? 'code' : 'name',
          `与第 ${first} 行是同一个项目（${key.startsWith('code:') ? '项目代码' : '名称和单位'}相同）`,
        );
        return { row, action: 'error', name, errors };
      }
      firstRowByKey.set(key, row);
    }

    let current: Existing | undefined = values.code ? index.byCode.get(values.code) : undefined;
    if (!current) {
      const sameName = index.byName.get(nameKey(unitId, name)) ?? [];
      if (sameName.length > 1) fail('name', '本单位有多个同名项目，请填写项目代码以区分');
      else current = sameName[0];
      if (current?.code && values.code && current.code !== values.code) {
        fail('code', `同名项目的项目代码为 ${current.code}，与文件中的不一致`);
      }
    }
    if (!mayWriteUnit(unitId))
      fail('unitId', `项目专员只能导入本单位（${actor.unitId ? context.unitName(actor.unitId) : '未分配单位'}）的项目`);
    if (errors.length) return { row, action: 'error', name, errors };

    const planYear = values.planYear ?? context.currentYear;
    if (planYear > context.currentYear + 1) fail('planYear', `年度须在 2000 至 ${context.currentYear + 1} 之间`);
    const otherYear = planYear !== context.currentYear && values.plannedInvestmentThisYear !== undefined;
    const yearPlan = otherYear ? { year: planYear, plannedInvestment: values.plannedInvestmentThisYear! } : undefined;
    const planHeader = otherYear ? `${planYear}年计划投资` : header('plannedInvestmentThisYear');
    const totalAfter = values.totalInvestment ?? (current?.totalInvestment as number | undefined) ?? 0;
    if (values.plannedInvestmentThisYear !== undefined && values.plannedInvestmentThisYear > totalAfter) {
      fail('plannedInvestmentThisYear', `年度计划投资不能超过总投资（${totalAfter} 万元）`);
    }
    if (errors.length) return { row, action: 'error', name, errors };

    if (!current) {
      if (!createRequired.safeParse(values).success) {
        fail('category', '新建项目须填写项目类别');
        return { row, action: 'error', name, errors };
      }
      const { stage, planYear: _year, plannedInvestmentThisYear, packageId, ...fields } = values;
      if (packageId && !mayManagePackages) {
        fail('packageId', PACKAGE_ROLE_MESSAGE);
        return { row, action: 'error', name, errors };
      }
      const input = projectCreateSchema.safeParse({ ...fields, ...(otherYear ? {} : { plannedInvestmentThisYear }) });
      if (!input.success)
        for (const issue of input.error.issues) fail(String(issue.path[0]) as ProjectImportField, issue.message);
      if (errors.length || !input.success) return { row, action: 'error', name, errors };
      return {
        row,
        action: 'create',
        name,
        unitId,
        stage: stage ?? 'reserve',
        input: input.data,
        ...(yearPlan ? { yearPlan } : {}),
        ...(packageId ? { packageId } : {}),
      };
    }

    const mayEdit =
      actor.role === 'admin' ||
      actor.role === 'leader' ||
      (actor.role === 'officer' && (current.unitId === actor.unitId || current.ownerId === actor.id));
    if (!mayEdit) fail('unitId', `已有项目属于${context.unitName(current.unitId)}，项目专员只能修改本单位的项目`);
    if (values.stage && values.stage !== current.stage) {
      fail('stage', `项目当前阶段为"${STAGE_LABELS[current.stage]}"；阶段变更须在项目页推进，导入不改变阶段`);
    }
    if (errors.length) return { row, action: 'error', name, errors };

    const patch: Record<string, unknown> = {};
    const changes: FieldChange[] = [];
    for (const [field, value] of Object.entries(values) as Array<[ProjectImportField, unknown]>) {
      if (field === 'stage' || field === 'planYear') continue;
      if (field === 'plannedInvestmentThisYear' && yearPlan) {
        const before = context.yearPlanOf?.(current.id, yearPlan.year) ?? null;
        if (before !== yearPlan.plannedInvestment)
          changes.push({ field, header: planHeader, before, after: yearPlan.plannedInvestment });
        continue;
      }
      if (field === 'builderName') {
        const beforeName = current.builderEnterpriseId
          ? (context.enterpriseName?.(current.builderEnterpriseId) ?? null)
          : null;
        const same =
          (beforeName === null && value === null) ||
          (beforeName !== null &&
            typeof value === 'string' &&
            enterpriseNameKey(beforeName) === enterpriseNameKey(value));
        if (value === undefined || same) continue;
        patch.builderName = value;
        changes.push({ field, header: header(field), before: beforeName, after: value });
        continue;
      }
      if (field === 'completedInvestment') {
        // One source of completed investment: the sheet's figure is the opening investment while the
        // project has no monthly report; after that the reports decide and the cell is ignored.
        if (value === undefined || value === current.completedInvestment || context.hasReports?.(current.id)) continue;
        patch.openingInvestment = value;
        changes.push({ field, header: header(field), before: current.completedInvestment, after: value });
        continue;
      }
      const before = current[field] ?? null;
      if (JSON.stringify(before) === JSON.stringify(value ?? null)) continue;
      if (field === 'packageId') {
        if (!mayManagePackages) fail('packageId', PACKAGE_ROLE_MESSAGE);
        else if (before !== null && value !== null)
          fail('packageId', '该项目已在本年度另一个工程包中，请先调出（此列留空导入）再调入');
      }
      patch[field] = value;
      changes.push({ field, header: header(field), before, after: value ?? null });
    }
    if (errors.length) return { row, action: 'error', name, errors };
    if (changes.length === 0) return { row, action: 'unchanged', name, unitId, projectId: current.id };
    const changedYearPlan = yearPlan && changes.some((change) => change.header === planHeader) ? { yearPlan } : {};
    return {
      row,
      action: 'update',
      name,
      unitId,
      projectId: current.id,
      version: current.version,
      patch: patch as Partial<ProjectCreateInput>,
      changes,
      ...changedYearPlan,
    };
  }

  const builderOf = (name: string | null | undefined): PlannedBuilder | undefined =>
    name ? { name, isNew: !(context.enterpriseExists?.(name) ?? false) } : undefined;
  return rows.map((parsed): PlannedRow => {
    const planned = planRow(parsed);
    if (planned.action === 'error') return planned;
    const builder = builderOf(parsed.values.builderName);
    return {
      ...planned,
      ...(parsed.conversions?.length ? { conversions: parsed.conversions } : {}),
      ...(builder ? { builder } : {}),
    };
  });
}
