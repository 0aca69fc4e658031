import { CURRENCIES, CURRENCY_LABELS, LEAD_STAGE_LABELS, type Currency, type LeadStage } from '@/lib/rules/enums';
import type { HeaderSpec } from './headers';
import type { SheetColumn } from './writer';

// The lead ledger's columns, defined once: the leads template and the importer's header mapping
// both read this list.

export type LeadCellKind =
  | 'text'
  | 'money'
  | 'date'
  | 'stage'
  | 'industry'
  | 'chainLink'
  | 'unit'
  | 'campaign'
  | 'owner'
  | 'currency'
  | 'amountOriginal'
  | 'rate';

export type LeadImportField =
  | 'company'
  | 'creditCode'
  | 'origin'
  | 'contactName'
  | 'contactTitle'
  | 'contactPhone'
  | 'contactEmail'
  | 'industryId'
  | 'chainLinkId'
  | 'intendedInvestment'
  | 'currency'
  | 'amountOriginal'
  | 'exchangeRate'
  | 'rateDate'
  | 'proposedProject'
  | 'locationUnitId'
  | 'campaignId'
  | 'source'
  | 'ownerId'
  | 'team'
  | 'stage'
  | 'nextFollowUpDate';

/** Columns the leads export writes beside the importable ones; the importer knows and skips them. */
export type LeadExportField = 'light' | 'lightReasons' | 'updatedAt';

export interface LeadColumn extends HeaderSpec, SheetColumn {
  key: LeadImportField | LeadExportField;
  kind: LeadCellKind;
  example: string | number | null;
  /** Derived (the lead's light, its last update): exported, not in the template, skipped on import. */
  exportOnly?: boolean;
}

/** Stages a ledger may bring a new lead in at: 已转项目 needs a project and 放弃 a reason, both given in the app. */
export const IMPORTABLE_LEAD_STAGES: readonly LeadStage[] = ['prospect', 'contacting', 'negotiating', 'signed'];

export const LEAD_STAGE_ALIASES: Record<LeadStage, readonly string[]> = {
  prospect: [LEAD_STAGE_LABELS.prospect, '初步接触', '线索阶段'],
  contacting: [LEAD_STAGE_LABELS.contacting, '接触', '对接'],
  negotiating: [LEAD_STAGE_LABELS.negotiating, '商谈', '谈判'],
  signed: [LEAD_STAGE_LABELS.signed, '已签约'],
  landed: [LEAD_STAGE_LABELS.landed, '转为项目', '已落地', '落地'],
  dropped: [LEAD_STAGE_LABELS.dropped, '已放弃'],
};

/** What a 币种 cell may say: the code, the label, and a few names people use. */
export const CURRENCY_ALIASES: Record<Currency, readonly string[]> = {
  CNY: [CURRENCY_LABELS.CNY, 'RMB', '元', '人民币元'],
  USD: [CURRENCY_LABELS.USD, '美金', 'US$', '$'],
  EUR: [CURRENCY_LABELS.EUR, '€'],
  JPY: [CURRENCY_LABELS.JPY, '日币'],
  HKD: [CURRENCY_LABELS.HKD, '港币', 'HK$'],
  SGD: [CURRENCY_LABELS.SGD, '新币', 'S$'],
  KRW: [CURRENCY_LABELS.KRW, '韩币'],
};

/** "人民币（CNY）、美元（USD）…" for messages. */
export const CURRENCY_CHOICES = CURRENCIES.map((code) => `${CURRENCY_LABELS[code]}（${code}）`).join('、');

export const LEAD_COLUMNS: readonly LeadColumn[] = [
  {
    key: 'company',
    header: '企业名称',
    aliases: ['企业', '公司名称', '客商名称', '企业全称', '投资方'],
    kind: 'text',
    type: 'text',
    width: 30,
    example: '苏州某新材料科技有限公司',
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    aliases: ['信用代码', '社会信用代码', '统一信用代码'],
    kind: 'text',
    type: 'text',
    width: 22,
    example: null,
  },
  {
    key: 'origin',
    header: '来源地',
    aliases: ['企业来源地', '来源地区', '客商来源地', '企业所在地'],
    kind: 'text',
    type: 'text',
    width: 12,
    example: '江苏苏州',
  },
  {
    key: 'contactName',
    header: '联系人',
    aliases: ['企业联系人'],
    kind: 'text',
    type: 'text',
    width: 10,
    example: '王经理',
  },
  {
    key: 'contactTitle',
    header: '职务',
    aliases: ['联系人职务'],
    kind: 'text',
    type: 'text',
    width: 12,
    example: '总经理',
  },
  {
    key: 'contactPhone',
    header: '电话',
    aliases: ['联系电话', '手机', '手机号码', '联系方式'],
    kind: 'text',
    type: 'text',
    width: 16,
    example: '13800000000',
  },
  {
    key: 'contactEmail',
    header: '邮箱',
    aliases: ['电子邮箱', 'email', 'e-mail'],
    kind: 'text',
    type: 'text',
    width: 22,
    example: null,
  },
  {
    key: 'industryId',
    header: '产业',
    aliases: ['所属产业', '行业', '所属行业', '产业类别'],
    kind: 'industry',
    type: 'text',
    width: 16,
    example: '碳纤维及新材料',
  },
  {
    // "碳纤维产业链/原丝", or the link's name alone when no other chain has a link of that name.
    key: 'chainLinkId',
    header: '产业链环节',
    aliases: ['产业链', '环节', '所属产业链环节', '产业链/环节'],
    kind: 'chainLink',
    type: 'text',
    width: 22,
    example: null,
  },
  {
    key: 'intendedInvestment',
    header: '意向投资（万元）',
    aliases: ['意向投资', '意向投资额', '拟投资额', '投资额'],
    kind: 'money',
    type: 'money',
    width: 16,
    example: 50000,
  },
  {
    // A pledge in a foreign currency (issue 16): 原币金额 in whole units at 汇率 yuan per unit; the
    // 意向投资（万元） is then computed (toWan), as the form and the API do. Blank means 人民币.
    key: 'currency',
    header: '币种',
    aliases: ['货币', '币别', '投资币种'],
    kind: 'currency',
    type: 'text',
    width: 8,
    example: CURRENCY_LABELS.CNY,
  },
  {
    key: 'amountOriginal',
    header: '原币金额',
    aliases: ['外币金额', '协议金额（原币）', '原币意向投资', '意向投资原币金额'],
    kind: 'amountOriginal',
    type: 'int',
    width: 16,
    example: null,
  },
  {
    key: 'exchangeRate',
    header: '汇率',
    aliases: ['汇率（元/单位）', '折算汇率', '兑人民币汇率'],
    kind: 'rate',
    type: 'text',
    width: 10,
    example: null,
  },
  {
    key: 'rateDate',
    header: '汇率日期',
    aliases: ['汇率时间', '折算日期'],
    kind: 'date',
    type: 'date',
    width: 12,
    example: null,
  },
  {
    key: 'proposedProject',
    header: '拟建项目',
    aliases: ['拟建项目名称', '拟投资项目', '意向项目'],
    kind: 'text',
    type: 'text',
    width: 30,
    example: '碳纤维复合材料制品项目',
  },
  {
    key: 'locationUnitId',
    header: '意向落地单位',
    aliases: ['落地单位', '拟落地单位', '意向落地县区', '意向落地地区'],
    kind: 'unit',
    type: 'text',
    width: 14,
    example: '昌邑区',
  },
  {
    key: 'campaignId',
    header: '招商活动',
    aliases: ['活动', '所属招商活动'],
    kind: 'campaign',
    type: 'text',
    width: 20,
    example: null,
  },
  {
    key: 'source',
    header: '渠道',
    aliases: ['来源渠道', '信息来源', '线索来源'],
    kind: 'text',
    type: 'text',
    width: 12,
    example: '以商招商',
  },
  {
    key: 'ownerId',
    header: '负责人',
    aliases: ['招商专员', '跟进人', '责任人'],
    kind: 'owner',
    type: 'text',
    width: 10,
    example: null,
  },
  {
    key: 'team',
    header: '小组',
    aliases: ['招商小组', '所属小组'],
    kind: 'text',
    type: 'text',
    width: 12,
    example: null,
  },
  {
    key: 'stage',
    header: '阶段',
    aliases: ['线索阶段', '当前阶段', '进展阶段'],
    kind: 'stage',
    type: 'text',
    width: 8,
    example: LEAD_STAGE_LABELS.prospect,
  },
  {
    key: 'nextFollowUpDate',
    header: '下次跟进日期',
    aliases: ['下次跟进时间', '下次跟进'],
    kind: 'date',
    type: 'date',
    width: 14,
    example: null,
  },
  {
    key: 'light',
    header: '状态',
    aliases: ['状态灯', '灯'],
    kind: 'text',
    type: 'text',
    width: 8,
    example: null,
    exportOnly: true,
  },
  {
    key: 'lightReasons',
    header: '状态说明',
    kind: 'text',
    type: 'text',
    width: 30,
    example: null,
    exportOnly: true,
  },
  {
    key: 'updatedAt',
    header: '更新时间',
    aliases: ['最后更新'],
    kind: 'date',
    type: 'date',
    width: 12,
    example: null,
    exportOnly: true,
  },
];

/** The columns a leads file brings in: the template's, and what the importer reads. */
export const IMPORTED_LEAD_COLUMNS = LEAD_COLUMNS.filter((column) => !column.exportOnly);

export const REQUIRED_LEAD_COLUMNS: readonly LeadImportField[] = ['company'];

export const LEAD_COLUMN_BY_KEY = new Map<string, LeadColumn>(
  IMPORTED_LEAD_COLUMNS.map((column) => [column.key, column]),
);
