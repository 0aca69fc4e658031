import type { Signal } from './light';

// Pure pieces of the alert centre (预警): the kinds of alert, where each is fixed, and the order.

export type AlertKind = Signal['kind'] | 'supervision_pending' | 'supervision_replied' | 'lead_overdue';

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  stage_due: '阶段超期',
  stage_aging: '阶段滞留',
  task_overdue: '任务逾期',
  report_missing: '月报未报',
  problem_overdue: '问题超期',
  problem_aging: '问题久拖未决',
  supervision_overdue: '督办超期',
  supervision_urgent: '紧急督办',
  schedule_lag: '落后序时进度',
  start_overdue: '计划开工未开工',
  promised_start_overdue: '承诺开工未开工',
  completion_overdue: '计划竣工未竣工',
  approval_overdue: '前期手续超期',
  approvals_overridden: '未批先建',
  supervision_pending: '督办待回复',
  supervision_replied: '督办待办结',
  lead_overdue: '线索跟进逾期',
};

export interface Alert {
  /** Stable identity of the alert across days, so a digest can tell new alerts from old. */
  key: string;
  kind: AlertKind;
  severity: 'red' | 'yellow';
  projectId: number | null;
  leadId: number | null;
  /** The project name or the lead's company. */
  subject: string;
  unitId: number | null;
  unitName: string | null;
  message: string;
  dueDate: string | null;
  /** Whole days past the due date; negative while still ahead of it. */
  daysLate: number | null;
  href: string;
  refId: number | null;
}

/** Where the user goes to fix an alert. */
export function alertHref(
  kind: AlertKind,
  target: { projectId?: number | null; leadId?: number | null; refId?: number | null },
): string {
  if (kind === 'lead_overdue') return `/leads/${target.leadId}`;
  const base = `/projects/${target.projectId}`;
  switch (kind) {
    case 'task_overdue':
      return `${base}/tasks`;
    case 'report_missing':
    case 'schedule_lag':
      return `${base}/reports`;
    case 'approval_overdue':
    case 'approvals_overridden':
      return `${base}/approvals`;
    case 'problem_overdue':
    case 'problem_aging':
      return `${base}/problems${target.refId ? `#problem-${target.refId}` : ''}`;
    case 'supervision_overdue':
    case 'supervision_urgent':
    case 'supervision_pending':
    case 'supervision_replied':
      return `${base}/problems${target.refId ? `#supervision-${target.refId}` : ''}`;
    default:
      return base;
  }
}

export function alertKey(
  kind: AlertKind,
  target: { projectId?: number | null; leadId?: number | null; refId?: number | null },
): string {
  return [kind, target.projectId ?? '', target.leadId ?? '', target.refId ?? ''].join(':');
}

/** Red before yellow, then the earliest due date first; undated last. */
export function compareAlerts(a: Alert, b: Alert): number {
  if (a.severity !== b.severity) return a.severity === 'red' ? -1 : 1;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** "逾期 5 天" / "今天到期" / "还有 3 天" — how late, in words. */
export function lateness(daysLate: number | null): string {
  if (daysLate === null) return '';
  if (daysLate > 0) return `逾期 ${daysLate} 天`;
  if (daysLate === 0) return '今天到期';
  return `还有 ${-daysLate} 天`;
}
