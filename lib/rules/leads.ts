import { addDaysIso, daysBetween } from './dates';
import { LEAD_STAGE_LABELS, type LeadStage } from './enums';

// The lead pipeline (招商线索): 线索 → 接洽 → 洽谈 → 签约 → 已转项目, with 放弃 off the line.
// Pure rules shared by the domain, the pages, the alerts and the tests.

export {
  OPEN_LEAD_STAGES,
  LEAD_LINE,
  isOpenLeadStage,
  checkLeadTransition,
  leadMoveOptions,
  type OpenLeadStage,
  type LeadTransitionCheck,
} from './lead-line';
import { isOpenLeadStage } from './lead-line';

/** A lead is overdue when it is open and its next follow-up date has passed (as leadOverdueSql). */
export function isLeadOverdue(lead: { stage: LeadStage; nextFollowUpDate: string | null }, today: string): boolean {
  return isOpenLeadStage(lead.stage) && lead.nextFollowUpDate != null && lead.nextFollowUpDate < today;
}

export type LeadStageUsualDays = Partial<Record<LeadStage, number | null>>;

/** Stage aging: an open lead held in its stage longer than the usual days turns yellow. */
export function leadAging(
  lead: { stage: LeadStage; stageEnteredAt: string },
  today: string,
  usualDays: LeadStageUsualDays,
) {
  const daysInStage = Math.max(0, daysBetween(lead.stageEnteredAt, today));
  const usual = usualDays[lead.stage] ?? null;
  const aging = isOpenLeadStage(lead.stage) && usual != null && daysInStage > usual;
  return {
    daysInStage,
    usual,
    aging,
    agingFrom: usual != null ? addDaysIso(lead.stageEnteredAt.slice(0, 10), usual + 1) : null,
  };
}

export interface LeadLight {
  light: 'red' | 'yellow' | 'green';
  reasons: string[];
}

/** 跟进停滞: an open lead with no follow-up for this many days turns yellow, then red (admin settings). */
export interface LeadFollowupStaleDays {
  yellow: number;
  red: number;
}

export const DEFAULT_LEAD_FOLLOWUP_STALE_DAYS: LeadFollowupStaleDays = { yellow: 30, red: 60 };

/**
 * Days since the lead's last follow-up (its creation day when it has none) and the light that earns:
 * red at `red` days or more, yellow at `yellow` days or more; closed leads are never stale.
 */
export function leadFollowupStale(
  lead: { stage: LeadStage; lastFollowupDate: string | null; createdAt: string },
  today: string,
  staleDays: LeadFollowupStaleDays,
) {
  const last = lead.lastFollowupDate ?? lead.createdAt.slice(0, 10);
  const days = Math.max(0, daysBetween(last, today));
  const open = isOpenLeadStage(lead.stage);
  const severity: 'red' | 'yellow' | null = !open
    ? null
    : days >= staleDays.red
      ? 'red'
      : days >= staleDays.yellow
        ? 'yellow'
        : null;
  return { last, days, severity };
}

/**
 * The lead's light: red when overdue or with no follow-up for the red number of days, yellow when aging
 * or with no follow-up for the yellow number of days, else green; closed leads are green.
 */
export function leadLight(
  lead: {
    stage: LeadStage;
    stageEnteredAt: string;
    nextFollowUpDate: string | null;
    lastFollowupDate: string | null;
    createdAt: string;
  },
  today: string,
  usualDays: LeadStageUsualDays,
  staleDays: LeadFollowupStaleDays = DEFAULT_LEAD_FOLLOWUP_STALE_DAYS,
): LeadLight {
  const reasons: string[] = [];
  const overdue = isLeadOverdue(lead, today);
  if (overdue) reasons.push(`跟进逾期：应于 ${lead.nextFollowUpDate} 跟进`);
  const stale = leadFollowupStale(lead, today, staleDays);
  if (stale.severity) reasons.push(`已 ${stale.days} 天没有跟进（最近跟进 ${stale.last}）`);
  const aging = leadAging(lead, today, usualDays);
  if (aging.aging)
    reasons.push(`在"${LEAD_STAGE_LABELS[lead.stage]}"阶段已 ${aging.daysInStage} 天，超过通常的 ${aging.usual} 天`);
  const light =
    overdue || stale.severity === 'red' ? 'red' : aging.aging || stale.severity === 'yellow' ? 'yellow' : 'green';
  return { light, reasons };
}

/** Only a signed lead that has no project yet converts into a project. */
export function checkConvertible(lead: {
  stage: LeadStage;
  projectId: number | null;
}): { ok: true } | { ok: false; message: string } {
  if (lead.projectId != null) return { ok: false, message: '该线索已转为项目，不能重复转化' };
  if (lead.stage !== 'signed')
    return { ok: false, message: `只有"签约"阶段的线索才能转为项目（当前为"${LEAD_STAGE_LABELS[lead.stage]}"）` };
  return { ok: true };
}

/** Days spent in each stage from the history rows (oldest first); the current stage runs to today. */
export function daysPerStage(
  history: Array<{ toStage: LeadStage; at: string }>,
  today: string,
): Array<{ stage: LeadStage; enteredAt: string; leftAt: string | null; days: number }> {
  return history.map((row, i) => {
    const next = history[i + 1];
    const end = next ? next.at : today;
    return {
      stage: row.toStage,
      enteredAt: row.at,
      leftAt: next?.at ?? null,
      days: Math.max(0, daysBetween(row.at, end)),
    };
  });
}
