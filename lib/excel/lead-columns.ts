import { LEAD_STAGE_LABELS, type LeadStage } from '@/lib/rules/enums';
import type { HeaderSpec } from './headers';
import type { SheetColumn } from './writer';

// The lead ledger's columns, defined once: the leads template and the importer's header mapping
// both read this list.

export type LeadCellKind = 'text' | 'money' | 'date' | 'stage' | 'industry' | 'unit' | 'campaign' | 'owner';

export type LeadImportField =
  | 'company'
  | 'creditCode'
  | 'origin'
  | 'contactName'
  | 'contactTitle'
  | 'contactPhone'
  | 'contactEmail'
  | 'industryId'
  | 'intendedInvestment'
  | 'proposedProject'
  | 'locationUnitId'
  | 'campaignId'
  | 'source'
  | 'ownerId'
  | 'team'
  | 'stage'
  | 'nextFollowUpDate';

export interface LeadColumn extends HeaderSpec, SheetColumn {
  key: LeadImportField;
  kind: LeadCellKind;
  example: string | number | null;
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
    key: 'intendedInvestment',
    header: '意向投资（万元）',
    aliases: ['意向投资', '意向投资额', '拟投资额', '投资额'],
    kind: 'money',
    type: 'money',
    width: 16,
    example: 50000,
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
];

export const REQUIRED_LEAD_COLUMNS: readonly LeadImportField[] = ['company'];

export const LEAD_COLUMN_BY_KEY = new Map(LEAD_COLUMNS.map((column) => [column.key, column]));
