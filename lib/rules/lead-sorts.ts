// The columns the leads list can be sorted by, for the URL, the API and the page.
export const LEAD_SORTS = [
  'updatedAt',
  'company',
  'intendedInvestment',
  'nextFollowUpDate',
  'stageEnteredAt',
  'createdAt',
] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
export const LEAD_SORT_LABELS: Record<LeadSort, string> = {
  updatedAt: '最近更新',
  company: '企业名称',
  intendedInvestment: '意向投资',
  nextFollowUpDate: '下次跟进',
  stageEnteredAt: '进入本阶段',
  createdAt: '录入时间',
};
