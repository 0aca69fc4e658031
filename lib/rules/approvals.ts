// The 前期手续 checklist of DOMAIN.md, in order. Every new project gets one item per entry.
export const APPROVAL_TEMPLATE = [
  { kind: 'project_approval', name: '立项（审批/核准/备案，政府投资项目可研批复）', office: '发改委' },
  { kind: 'land_prereview', name: '用地预审与选址意见书', office: '自然资源局' },
  { kind: 'environment', name: '环境影响评价（含节能审查、水土保持）', office: '生态环境局' },
  { kind: 'land_planning', name: '建设用地规划许可证', office: '自然资源局' },
  { kind: 'land_title', name: '不动产权证（土地使用权）', office: '自然资源局' },
  { kind: 'construction_planning', name: '建设工程规划许可证', office: '自然资源局' },
  { kind: 'drawing_review', name: '施工图审查', office: '住建局' },
  { kind: 'construction_permit', name: '施工许可证', office: '住建局' },
] as const;

export type ApprovalKind = (typeof APPROVAL_TEMPLATE)[number]['kind'];
export const APPROVAL_KINDS = APPROVAL_TEMPLATE.map((item) => item.kind) as [ApprovalKind, ...ApprovalKind[]];

/** An item blocks the move into construction unless it is done or does not apply. */
export function isApprovalOpen(status: string): boolean {
  return status !== 'done' && status !== 'not_applicable';
}
