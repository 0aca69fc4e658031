import { addDaysIso, dateOfTimestamp, daysBetween, previousMonth, monthOf, nextMonth } from './dates';
import { isApprovalOpen } from './approvals';
import type { ApprovalStatus, Light, Stage } from './enums';
import { STAGE_LABELS } from './enums';

// The traffic light (红黄绿灯). One pure module: the ledger, board, API and alerts all read the
// light it computes. Each signal is a function of the project's facts and today's date; the
// project's light is its worst signal. A signal also reports the date on which it would change
// by time alone, so the stored light can be refreshed exactly when it goes stale.

export const YELLOW_WINDOW_DAYS = 15;
export const REPORT_DUE_DAY = 5;
/** A 前期手续 item more than this many days past its due date turns red. */
export const APPROVAL_RED_AFTER_DAYS = 30;

/** 序时进度: how many percentage points behind schedule turn a project yellow, then red (admin settings). */
export const DEFAULT_SCHEDULE_LAG_THRESHOLDS = { yellow: 10, red: 20 } as const;
export type ScheduleLagThresholds = { yellow: number; red: number };

/** Usual days a project stays in each stage before it turns yellow; admins can change them. */
export const DEFAULT_STAGE_USUAL_DAYS: Record<Stage, number | null> = {
  reserve: 365,
  signed: 180,
  approvals: 180,
  construction: 730,
  completed: 180,
  operating: null,
};

/** Stages whose projects file the monthly dispatch report (月度调度). */
export const REPORTING_STAGES: readonly Stage[] = ['signed', 'approvals', 'construction'];

export interface LightFacts {
  stage: Stage;
  status: 'active' | 'suspended' | 'terminated';
  stageEnteredAt: string;
  stageDueDate: string | null;
  createdAt: string;
  /** `id` is optional so callers that only need the light can omit it; alerts use it to link and de-duplicate. */
  openTasks: Array<{ id?: number; title: string; dueDate: string }>;
  /** Months (YYYY-MM) that have a monthly report. */
  reportMonths: string[];
  openProblems?: Array<{ id?: number; description: string; deadline: string; createdAt: string }>;
  /** Open 督办; an urgent one (紧急) is red from the day it is issued. */
  openSupervisions?: Array<{ id?: number; content: string; deadline: string; urgency?: 'normal' | 'urgent' }>;
  plannedStartDate?: string | null;
  plannedCompletionDate?: string | null;
  /** 履约: the start date the investor promised in the signed contract (issue 16). */
  promisedStartDate?: string | null;
  /** The 前期手续 checklist; `id` links alerts to the item. */
  approvals?: Array<{ id?: number; name: string; status: ApprovalStatus; dueDate: string | null }>;
  /** This calendar year's planned investment (万元), from the year plans. */
  planThisYear?: number;
  /** The sum of this calendar year's monthly reports (万元). */
  completedThisYear?: number;
}

export interface LightOptions {
  today: string;
  stageUsualDays?: Partial<Record<Stage, number | null>>;
  scheduleLagThresholds?: ScheduleLagThresholds;
}

export interface Signal {
  kind:
    | 'stage_due'
    | 'stage_aging'
    | 'task_overdue'
    | 'report_missing'
    | 'problem_overdue'
    | 'problem_aging'
    | 'supervision_overdue'
    | 'supervision_urgent'
    | 'schedule_lag'
    | 'start_overdue'
    | 'promised_start_overdue'
    | 'completion_overdue'
    | 'approval_overdue'
    | 'approvals_overridden';
  severity: 'red' | 'yellow';
  message: string;
  dueDate: string | null;
  /** The task, problem or 督办 the signal is about, when its facts carried an id. */
  refId?: number;
}

export interface LightResult {
  light: Light;
  reasons: string[];
  signals: Signal[];
  /** The first future date on which the result may change with no other change to the data. */
  recheckOn: string | null;
  /** 未批先建: past 前期手续 with checklist items still open (a fact, whatever the project's status). */
  approvalsOverridden: boolean;
}

type SignalRule = (facts: LightFacts, options: Required<LightOptions>, out: SignalSink) => void;

class SignalSink {
  readonly signals: Signal[] = [];
  private recheck: string | null = null;
  constructor(private readonly today: string) {}
  add(signal: Signal) {
    this.signals.push(signal);
  }
  /** Note a date on which some signal flips; only future dates matter. */
  flipsOn(date: string) {
    if (date > this.today && (this.recheck === null || date < this.recheck)) this.recheck = date;
  }
  get recheckOn() {
    return this.recheck;
  }
}

/**
 * A deadline signal: red once the deadline has passed, yellow within `windowDays` before it.
 * Returns nothing while the deadline is further away.
 */
function deadlineSignal(
  out: SignalSink,
  today: string,
  deadline: string,
  windowDays: number,
  kind: Signal['kind'],
  describe: (daysLate: number, daysLeft: number) => { red: string; yellow: string },
  refId?: number,
) {
  const yellowFrom = addDaysIso(deadline, -windowDays);
  const redFrom = addDaysIso(deadline, 1);
  out.flipsOn(yellowFrom);
  out.flipsOn(redFrom);
  if (today >= redFrom) {
    out.add({
      kind,
      severity: 'red',
      message: describe(daysBetween(deadline, today), 0).red,
      dueDate: deadline,
      ...(refId != null ? { refId } : {}),
    });
  } else if (today >= yellowFrom) {
    out.add({
      kind,
      severity: 'yellow',
      message: describe(0, daysBetween(today, deadline)).yellow,
      dueDate: deadline,
      ...(refId != null ? { refId } : {}),
    });
  }
}

const stageDue: SignalRule = (facts, { today }, out) => {
  if (!facts.stageDueDate || facts.stage === 'operating') return;
  const label = STAGE_LABELS[facts.stage];
  deadlineSignal(out, today, facts.stageDueDate, YELLOW_WINDOW_DAYS, 'stage_due', (late, left) => ({
    red: `${label}阶段已超计划完成时间 ${late} 天`,
    yellow: `${label}阶段距计划完成时间还有 ${left} 天`,
  }));
};

const stageAging: SignalRule = (facts, { today, stageUsualDays }, out) => {
  const usual = stageUsualDays[facts.stage];
  if (usual == null) return;
  const entered = facts.stageEnteredAt.slice(0, 10);
  const agingFrom = addDaysIso(entered, usual + 1);
  out.flipsOn(agingFrom);
  if (today >= agingFrom) {
    out.add({
      kind: 'stage_aging',
      severity: 'yellow',
      message: `在${STAGE_LABELS[facts.stage]}阶段已停留 ${daysBetween(entered, today)} 天（通常不超过 ${usual} 天）`,
      dueDate: addDaysIso(entered, usual),
    });
  }
};

const taskOverdue: SignalRule = (facts, { today }, out) => {
  for (const task of facts.openTasks) {
    deadlineSignal(
      out,
      today,
      task.dueDate,
      YELLOW_WINDOW_DAYS,
      'task_overdue',
      (late, left) => ({
        red: `任务"${task.title}"已逾期 ${late} 天`,
        yellow: `任务"${task.title}"还有 ${left} 天到期`,
      }),
      task.id,
    );
  }
};

/** Last month's report is due on the 5th: yellow from the 1st, red from the 6th. */
const reportMissing: SignalRule = (facts, { today }, out) => {
  const thisMonth = monthOf(today);
  out.flipsOn(`${nextMonth(thisMonth)}-01`);
  if (!REPORTING_STAGES.includes(facts.stage)) return;
  // A project created this month owes no report for last month.
  if (facts.createdAt.slice(0, 10) >= `${thisMonth}-01`) return;
  const lastMonth = previousMonth(thisMonth);
  if (facts.reportMonths.includes(lastMonth)) return;
  const due = `${thisMonth}-${String(REPORT_DUE_DAY).padStart(2, '0')}`;
  const [y, m] = lastMonth.split('-');
  const label = `${y}年${Number(m)}月`;
  deadlineSignal(out, today, due, YELLOW_WINDOW_DAYS, 'report_missing', (late, left) => ({
    red: `${label}月度调度报告未按期报送（逾期 ${late} 天）`,
    yellow: `${label}月度调度报告须在 ${left} 天内报送`,
  }));
};

/** The first 20 characters of a problem, supervision or approval text, for a signal's message. */
const short20 = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

export const PROBLEM_WINDOW_DAYS = 3;
export const PROBLEM_AGING_DAYS = 30;

const problemSignals: SignalRule = (facts, { today }, out) => {
  for (const problem of facts.openProblems ?? []) {
    const short = short20(problem.description);
    deadlineSignal(
      out,
      today,
      problem.deadline,
      PROBLEM_WINDOW_DAYS,
      'problem_overdue',
      (late, left) => ({
        red: `问题"${short}"已超解决时限 ${late} 天`,
        yellow: `问题"${short}"还有 ${left} 天到解决时限`,
      }),
      problem.id,
    );
    // createdAt is a UTC timestamp; the problem's age counts Beijing calendar days.
    const raised = problem.createdAt.length > 10 ? dateOfTimestamp(problem.createdAt) : problem.createdAt;
    const agingFrom = addDaysIso(raised, PROBLEM_AGING_DAYS + 1);
    out.flipsOn(agingFrom);
    if (today >= agingFrom) {
      out.add({
        kind: 'problem_aging',
        severity: 'yellow',
        message: `问题"${short}"已挂账 ${daysBetween(raised, today)} 天未销号`,
        dueDate: problem.deadline,
        ...(problem.id != null ? { refId: problem.id } : {}),
      });
    }
  }
};

const supervisionSignals: SignalRule = (facts, { today }, out) => {
  for (const order of facts.openSupervisions ?? []) {
    const short = short20(order.content);
    if (order.urgency === 'urgent' && today <= order.deadline) {
      // 紧急: red from the start; once past its deadline the overdue signal below takes over.
      out.flipsOn(addDaysIso(order.deadline, 1));
      out.add({
        kind: 'supervision_urgent',
        severity: 'red',
        message: `紧急督办"${short}"待办理（${order.deadline} 前）`,
        dueDate: order.deadline,
        ...(order.id != null ? { refId: order.id } : {}),
      });
      continue;
    }
    deadlineSignal(
      out,
      today,
      order.deadline,
      PROBLEM_WINDOW_DAYS,
      'supervision_overdue',
      (late, left) => ({
        red: `督办"${short}"已超期 ${late} 天`,
        yellow: `督办"${short}"还有 ${left} 天到期`,
      }),
      order.id,
    );
  }
};

/** Stages before 开工建设: a project here has not started. */
const PRE_CONSTRUCTION: readonly Stage[] = ['reserve', 'signed', 'approvals'];
/** Stages past 前期手续: open checklist items here mean 未批先建. */
const PAST_APPROVALS: readonly Stage[] = ['construction', 'completed', 'operating'];
/** Stages in which an overdue 前期手续 item is chased on its own (before 竣工). */
const APPROVAL_CHASED: readonly Stage[] = ['reserve', 'signed', 'approvals', 'construction'];

/**
 * 序时进度: the months whose share of the year's plan should be done by `today`. Month M's
 * report is due on the 5th of month M+1, so from the 6th of a month the months before it count;
 * up to the 5th, the month before that. None in January, nor on February 1–5.
 */
export function scheduleMonths(today: string): number {
  const month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  return Math.max(0, day > REPORT_DUE_DAY ? month - 1 : month - 2);
}

/** The next day on which scheduleMonths changes: the coming 6th, or 1 January when that comes first. */
export function nextScheduleChange(today: string): string {
  const day = Number(today.slice(8, 10));
  const sixth = `${day > REPORT_DUE_DAY ? nextMonth(monthOf(today)) : monthOf(today)}-06`;
  const newYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
  return sixth < newYear ? sixth : newYear;
}

const scheduleLag: SignalRule = (facts, { today, scheduleLagThresholds }, out) => {
  const plan = facts.planThisYear ?? 0;
  if (facts.stage !== 'construction' || plan <= 0) return;
  out.flipsOn(nextScheduleChange(today));
  const months = scheduleMonths(today);
  if (months === 0) return;
  const done = Math.max(0, facts.completedThisYear ?? 0);
  // lag (points) = months/12×100 − done/plan×100; compared as integers: lag ≥ T ⇔ 100·(months·plan − 12·done) ≥ 12·T·plan.
  const lagScaled = 100 * (months * plan - 12 * done);
  const reaches = (threshold: number) => lagScaled >= 12 * threshold * plan;
  const severity = reaches(scheduleLagThresholds.red) ? 'red' : reaches(scheduleLagThresholds.yellow) ? 'yellow' : null;
  if (!severity) return;
  const donePercent = Math.round((done * 100) / plan);
  const lagPoints = Math.floor(lagScaled / (12 * plan));
  const expectedPercent = Math.round((months * 100) / 12);
  out.add({
    kind: 'schedule_lag',
    severity,
    message: `投资完成率 ${donePercent}%，落后序时进度 ${lagPoints} 个百分点（应完成年度计划的 ${expectedPercent}%）`,
    dueDate: null,
  });
};

const startOverdue: SignalRule = (facts, { today }, out) => {
  const date = facts.plannedStartDate;
  if (!date || !PRE_CONSTRUCTION.includes(facts.stage)) return;
  deadlineSignal(out, today, date, YELLOW_WINDOW_DAYS, 'start_overdue', (late, left) => ({
    red: `计划开工日期 ${date} 已过 ${late} 天仍未开工`,
    yellow: `距计划开工日期 ${date} 还有 ${left} 天，尚未开工`,
  }));
};

/**
 * 履约: the investor promised in the contract to start by `promisedStartDate`. Past it (from the
 * next day) with the project still before 开工建设 the project is red; no yellow window — the date
 * is the investor's promise, and the 计划开工 signal already warns ahead of the plan.
 */
const promisedStartOverdue: SignalRule = (facts, { today }, out) => {
  const date = facts.promisedStartDate;
  if (!date || !PRE_CONSTRUCTION.includes(facts.stage)) return;
  const redFrom = addDaysIso(date, 1);
  out.flipsOn(redFrom);
  if (today < redFrom) return;
  out.add({
    kind: 'promised_start_overdue',
    severity: 'red',
    message: `合同承诺开工日期 ${date} 已过 ${daysBetween(date, today)} 天仍未开工（履约）`,
    dueDate: date,
  });
};

const completionOverdue: SignalRule = (facts, { today }, out) => {
  const date = facts.plannedCompletionDate;
  if (!date || facts.stage !== 'construction') return;
  deadlineSignal(out, today, date, YELLOW_WINDOW_DAYS, 'completion_overdue', (late, left) => ({
    red: `计划竣工日期 ${date} 已过 ${late} 天仍未竣工`,
    yellow: `距计划竣工日期 ${date} 还有 ${left} 天`,
  }));
};

const openApprovals = (facts: LightFacts) => (facts.approvals ?? []).filter((item) => isApprovalOpen(item.status));

/** Yellow from the day after the due date, red once more than 30 days past it. */
function approvalLateness(out: SignalSink, today: string, dueDate: string): 'red' | 'yellow' | null {
  const yellowFrom = addDaysIso(dueDate, 1);
  const redFrom = addDaysIso(dueDate, APPROVAL_RED_AFTER_DAYS + 1);
  out.flipsOn(yellowFrom);
  out.flipsOn(redFrom);
  return today >= redFrom ? 'red' : today >= yellowFrom ? 'yellow' : null;
}

const approvalOverdue: SignalRule = (facts, { today }, out) => {
  if (!APPROVAL_CHASED.includes(facts.stage)) return;
  // Past 前期手续 every open item is already reported by the 未批先建 signal.
  if (PAST_APPROVALS.includes(facts.stage)) return;
  for (const item of openApprovals(facts)) {
    if (!item.dueDate) continue;
    const severity = approvalLateness(out, today, item.dueDate);
    if (!severity) continue;
    out.add({
      kind: 'approval_overdue',
      severity,
      message: `前期手续"${short20(item.name)}"已超过办理时限 ${daysBetween(item.dueDate, today)} 天未办结`,
      dueDate: item.dueDate,
      ...(item.id != null ? { refId: item.id } : {}),
    });
  }
};

const approvalsOverridden: SignalRule = (facts, { today }, out) => {
  if (!PAST_APPROVALS.includes(facts.stage)) return;
  const open = openApprovals(facts);
  if (open.length === 0) return;
  let worst: { name: string; dueDate: string; severity: 'red' | 'yellow' } | null = null;
  for (const item of open) {
    if (!item.dueDate) continue;
    const severity = approvalLateness(out, today, item.dueDate);
    if (severity === 'red' && (!worst || worst.severity !== 'red' || item.dueDate < worst.dueDate))
      worst = { name: item.name, dueDate: item.dueDate, severity };
  }
  const dueDates = open
    .map((item) => item.dueDate)
    .filter((d): d is string => Boolean(d))
    .sort();
  const late = worst ? `，其中"${short20(worst.name)}"已超过办理时限 ${daysBetween(worst.dueDate, today)} 天` : '';
  out.add({
    kind: 'approvals_overridden',
    severity: worst ? 'red' : 'yellow',
    message: `未批先建：${open.length} 项前期手续未办结${late}`,
    dueDate: dueDates[0] ?? null,
  });
};

/** Signals in the order their reasons are listed. New signals are added here. */
export const SIGNAL_RULES: SignalRule[] = [
  scheduleLag,
  startOverdue,
  promisedStartOverdue,
  completionOverdue,
  approvalsOverridden,
  approvalOverdue,
  stageDue,
  taskOverdue,
  reportMissing,
  problemSignals,
  supervisionSignals,
  stageAging,
];

export function computeLight(facts: LightFacts, options: LightOptions): LightResult {
  const resolved: Required<LightOptions> = {
    today: options.today,
    stageUsualDays: { ...DEFAULT_STAGE_USUAL_DAYS, ...options.stageUsualDays },
    scheduleLagThresholds: options.scheduleLagThresholds ?? DEFAULT_SCHEDULE_LAG_THRESHOLDS,
  };
  const approvalsOverridden = PAST_APPROVALS.includes(facts.stage) && openApprovals(facts).length > 0;
  // Suspended and terminated projects are not chased: grey (暂缓/终止), never green, until resumed.
  if (facts.status !== 'active')
    return { light: 'grey', reasons: [], signals: [], recheckOn: null, approvalsOverridden };
  const out = new SignalSink(resolved.today);
  for (const rule of SIGNAL_RULES) rule(facts, resolved, out);
  const signals = [...out.signals].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'red' ? -1 : 1));
  const light: Light = signals.some((s) => s.severity === 'red') ? 'red' : signals.length ? 'yellow' : 'green';
  return { light, reasons: signals.map((s) => s.message), signals, recheckOn: out.recheckOn, approvalsOverridden };
}
