import {
  APPLICATION_STATUS_LABELS,
  CATEGORY_FULL_LABELS,
  CATEGORY_LABELS,
  NATURE_LABELS,
  PROJECT_STATUS_LABELS,
  STAGE_LABELS,
} from '@/lib/rules/enums';
import type { HeaderSpec } from './headers';
import type { SheetColumn } from './writer';

// The project ledger's columns, defined once: the import template, the importer's header
// mapping and the ledger export all read this list, which is what makes the round trip exact.

export type ProjectCellKind =
  | 'text'
  | 'money'
  | 'date'
  | 'enum'
  | 'bool'
  | 'unit'
  | 'industry'
  | 'leader'
  | 'owner'
  | 'enterprise'
  | 'year'
  | 'package'
  | 'degrees';

export interface ProjectColumn extends HeaderSpec, SheetColumn {
  /** The Project field the column fills. */
  key: ProjectImportField;
  kind: ProjectCellKind;
  /** For enum columns: key → accepted labels (the first is the one written). */
  labels?: Record<string, readonly string[]>;
  example: string | number | null;
  note?: string;
  /** For date columns: a month or quarter written means its first day (start, the default) or its last (end). */
  dateEdge?: 'start' | 'end';
  /** Derived on export (the 上争 sums of the funding applications); the importer skips the column. */
  exportOnly?: boolean;
}

export type ProjectImportField =
  | 'code'
  | 'name'
  | 'category'
  | 'packageId'
  | 'nature'
  | 'stage'
  | 'status'
  | 'unitId'
  | 'industryId'
  | 'leaderId'
  | 'ownerId'
  | 'builderName'
  | 'location'
  | 'longitude'
  | 'latitude'
  | 'description'
  | 'totalInvestment'
  | 'planYear'
  | 'plannedInvestmentThisYear'
  | 'completedInvestment'
  | 'fundsInPlace'
  | 'plannedStartDate'
  | 'plannedCompletionDate'
  | 'applicationStatus'
  | 'appliedFunds'
  | 'grantedFunds'
  | 'taskForce'
  | 'plan';

const labelsOf = <K extends string>(labels: Record<K, string>, extra: Partial<Record<K, readonly string[]>> = {}) =>
  Object.fromEntries(
    Object.entries(labels).map(([key, label]) => [key, [label as string, ...(extra[key as K] ?? [])]]),
  ) as unknown as Record<K, readonly string[]>;

const categoryLabels = labelsOf(CATEGORY_LABELS, {
  government: [CATEGORY_FULL_LABELS.government, '政府投资项目'],
  attraction: [CATEGORY_FULL_LABELS.attraction, '招商引资项目'],
  higher_level: [CATEGORY_FULL_LABELS.higher_level, '上争类项目', '上争项目', '“上争”类项目'],
});

export const PROJECT_COLUMNS: readonly ProjectColumn[] = [
  {
    key: 'code',
    header: '项目代码',
    aliases: ['代码', '项目编码', '统一项目代码'],
    kind: 'text',
    type: 'text',
    width: 28,
    example: null,
    note: '选填；已在投资项目在线审批监管平台赋码的填写',
  },
  {
    key: 'name',
    header: '项目名称',
    aliases: ['名称'],
    kind: 'text',
    type: 'text',
    width: 36,
    example: '吉林化纤碳纤维原丝扩能项目',
  },
  {
    key: 'category',
    header: '项目类别',
    aliases: ['类别', '项目类型'],
    kind: 'enum',
    type: 'text',
    width: 14,
    labels: categoryLabels,
    example: CATEGORY_LABELS.attraction,
  },
  {
    key: 'packageId',
    header: '双十工程包',
    aliases: ['工程包', '所属工程包', '双十工程包名称'],
    kind: 'package',
    type: 'text',
    width: 20,
    example: null,
    note: '选填；本年度“双十”工程包的名称，留空表示不在双十名单中。导入时调入/调出须管理员或市领导，原因记为“Excel 导入（批次 N）”',
  },
  {
    key: 'nature',
    header: '建设性质',
    aliases: ['性质'],
    kind: 'enum',
    type: 'text',
    width: 10,
    labels: labelsOf(NATURE_LABELS),
    example: NATURE_LABELS.new,
  },
  {
    key: 'stage',
    header: '项目阶段',
    aliases: ['阶段', '当前阶段'],
    kind: 'enum',
    type: 'text',
    width: 12,
    labels: labelsOf(STAGE_LABELS, { construction: ['在建'], reserve: ['谋划', '储备'] }),
    example: STAGE_LABELS.reserve,
  },
  {
    key: 'status',
    header: '项目状态',
    aliases: ['状态'],
    kind: 'enum',
    type: 'text',
    width: 10,
    labels: labelsOf(PROJECT_STATUS_LABELS, { active: ['正常'] }),
    example: PROJECT_STATUS_LABELS.active,
  },
  {
    key: 'unitId',
    header: '责任单位',
    aliases: ['单位', '所属单位', '县区', '所在县区'],
    kind: 'unit',
    type: 'text',
    width: 16,
    example: '昌邑区',
  },
  {
    key: 'industryId',
    header: '所属产业',
    aliases: ['产业', '行业', '所属行业', '产业类别'],
    kind: 'industry',
    type: 'text',
    width: 16,
    example: '碳纤维及新材料',
  },
  {
    key: 'leaderId',
    header: '包保领导',
    aliases: ['包保市领导', '市级包保领导', '包保责任领导', '联系领导'],
    kind: 'leader',
    type: 'text',
    width: 12,
    example: null,
  },
  {
    key: 'ownerId',
    header: '责任人',
    aliases: ['项目专员', '项目负责人', '负责人'],
    kind: 'owner',
    type: 'text',
    width: 12,
    example: null,
  },
  {
    key: 'builderName',
    header: '建设单位',
    aliases: ['项目业主', '业主单位', '项目建设单位', '项目业主单位', '建设主体'],
    kind: 'enterprise',
    type: 'text',
    width: 24,
    example: null,
    note: '选填；项目业主/建设单位的企业名称。企业库中已有的按名称匹配，没有的导入时新建',
  },
  {
    key: 'location',
    header: '建设地点',
    aliases: ['地点', '项目地点'],
    kind: 'text',
    type: 'text',
    width: 20,
    example: '吉林市昌邑区',
  },
  {
    key: 'longitude',
    header: '经度',
    aliases: ['东经', '经度（度）', 'longitude', 'lng'],
    kind: 'degrees',
    type: 'degrees',
    width: 12,
    example: 126.570741,
    note: '选填；WGS-84 十进制度，吉林市范围 125.6–127.9，须与纬度同时填写',
  },
  {
    key: 'latitude',
    header: '纬度',
    aliases: ['北纬', '纬度（度）', 'latitude', 'lat'],
    kind: 'degrees',
    type: 'degrees',
    width: 12,
    example: 43.862117,
    note: '选填；WGS-84 十进制度，吉林市范围 42.5–44.9，须与经度同时填写',
  },
  {
    key: 'description',
    header: '建设内容',
    aliases: [
      '建设规模及内容',
      '建设规模及主要内容',
      '建设规模及主要建设内容',
      '主要建设内容及规模',
      '建设规模和内容',
      '主要建设内容',
      '项目简介',
    ],
    kind: 'text',
    type: 'text',
    width: 40,
    example: '新建年产 1.5 万吨碳纤维原丝生产线',
  },
  {
    key: 'totalInvestment',
    header: '总投资（万元）',
    aliases: ['总投资', '计划总投资'],
    kind: 'money',
    type: 'money',
    width: 16,
    example: 120000,
  },
  {
    key: 'planYear',
    header: '计划年度',
    aliases: ['年度', '计划年份', '年份'],
    kind: 'year',
    type: 'text',
    width: 10,
    example: null,
    note: '年度计划投资所属年度；不填为当年。也可把年份写在列名里，如"2026年计划投资"',
  },
  {
    key: 'plannedInvestmentThisYear',
    header: '年度计划投资（万元）',
    aliases: ['年度计划投资', '本年计划投资', '年计划投资'],
    yearInHeader: true,
    kind: 'money',
    type: 'money',
    width: 18,
    example: 30000,
  },
  {
    key: 'completedInvestment',
    header: '累计完成投资（万元）',
    aliases: ['累计完成投资', '已完成投资'],
    yearInHeader: true,
    kind: 'money',
    type: 'money',
    width: 18,
    example: 0,
    note: '新项目填写已完成的期初投资；已有月度报告的项目由期初投资与月报自动汇总，导入时不改变。也可写成"截至上年年底累计完成投资"，如"截至2025年底累计完成投资"',
  },
  {
    key: 'fundsInPlace',
    header: '资金到位（万元）',
    aliases: ['资金到位', '到位资金'],
    kind: 'money',
    type: 'money',
    width: 16,
    example: null,
  },
  {
    key: 'plannedStartDate',
    header: '计划开工时间',
    aliases: ['计划开工日期', '开工时间', '计划开工', '计划开工年月'],
    kind: 'date',
    type: 'date',
    width: 14,
    example: null,
  },
  {
    key: 'plannedCompletionDate',
    header: '计划竣工时间',
    aliases: ['计划竣工日期', '竣工时间', '计划竣工', '计划完工时间', '完工时间', '计划建成时间', '建成时间'],
    kind: 'date',
    dateEdge: 'end',
    type: 'date',
    width: 14,
    example: null,
  },
  {
    key: 'applicationStatus',
    header: '申报状态',
    aliases: ['上争申报状态'],
    kind: 'enum',
    type: 'text',
    width: 10,
    labels: labelsOf(APPLICATION_STATUS_LABELS),
    example: null,
    exportOnly: true,
    note: '由项目的上争申请汇总，仅导出；导入时忽略此列，请在项目的上争资金栏目填报',
  },
  {
    key: 'appliedFunds',
    header: '申请资金（万元）',
    aliases: ['申请资金'],
    kind: 'money',
    type: 'money',
    width: 16,
    example: null,
    exportOnly: true,
    note: '由项目的上争申请汇总，仅导出；导入时忽略此列，请在项目的上争资金栏目填报',
  },
  {
    key: 'grantedFunds',
    header: '获批资金（万元）',
    aliases: ['获批资金'],
    kind: 'money',
    type: 'money',
    width: 16,
    example: null,
    exportOnly: true,
    note: '由项目的上争申请汇总，仅导出；导入时忽略此列，请在项目的上争资金栏目填报',
  },
  { key: 'taskForce', header: '工作专班', aliases: ['专班'], kind: 'text', type: 'text', width: 24, example: null },
  { key: 'plan', header: '推进方案', aliases: [], kind: 'text', type: 'text', width: 30, example: null },
];

/** Columns a sheet must have: rows are matched to projects by name plus unit. */
export const REQUIRED_PROJECT_COLUMNS: readonly ProjectImportField[] = ['name', 'unitId'];

export const PROJECT_COLUMN_BY_KEY = new Map(PROJECT_COLUMNS.map((column) => [column.key, column]));

export interface ProjectRowNames {
  unitName: (id: number) => string | undefined;
  industryName: (id: number) => string | undefined;
  userName: (id: number) => string | undefined;
  /** 双十工程包 names by id (the export and the import preview). */
  packageName?: (id: number) => string | undefined;
  /** 企业库 names by id: the 建设单位 column. */
  enterpriseName?: (id: number) => string | undefined;
}

/** One field's stored value as the ledger cell shows it (labels and names, not keys and ids). */
export function projectCellValue(column: ProjectColumn, value: unknown, names: ProjectRowNames): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'enum':
      return column.labels?.[String(value)]?.[0] ?? String(value);
    case 'bool':
      return value ? '是' : '否';
    case 'unit':
      return names.unitName(Number(value)) ?? null;
    case 'industry':
      return names.industryName(Number(value)) ?? null;
    case 'leader':
    case 'owner':
      return names.userName(Number(value)) ?? null;
    case 'package':
      return names.packageName?.(Number(value)) ?? null;
    default:
      return value;
  }
}

/**
 * A stored project's ledger fields (计划年度 is not stored on the project: the ledger writes the year its
 * plan is for; 建设单位 is the name of its builderEnterpriseId).
 */
export type LedgerProject = Omit<Record<ProjectImportField, unknown>, 'planYear' | 'builderName'> & {
  builderEnterpriseId?: number | null;
};

/** A stored project as a ledger row, in the cell values the template uses; `planYear` is the year of 年度计划投资. */
export function projectToRow(
  project: LedgerProject,
  names: ProjectRowNames,
  planYear: number | null = null,
): Record<string, unknown> {
  const builderName = project.builderEnterpriseId ? names.enterpriseName?.(project.builderEnterpriseId) : null;
  const record: Record<string, unknown> = { ...project, planYear, builderName };
  return Object.fromEntries(
    PROJECT_COLUMNS.map((column) => [column.key, projectCellValue(column, record[column.key], names)]),
  );
}
