// The sections of a project page, each a nested route under /projects/[id].
export const PROJECT_TABS = [
  { segment: '', label: '概况' },
  { segment: 'approvals', label: '前期手续' },
  { segment: 'tasks', label: '任务清单' },
  { segment: 'reports', label: '进度清单' },
  { segment: 'responsibility', label: '责任清单' },
  { segment: 'problems', label: '问题与督办' },
  { segment: 'funding', label: '上争资金' },
  { segment: 'history', label: '历史' },
] as const;

export type ProjectTab = (typeof PROJECT_TABS)[number];

export function projectTabHref(projectId: number, segment: ProjectTab['segment']): string {
  return segment ? `/projects/${projectId}/${segment}` : `/projects/${projectId}`;
}
