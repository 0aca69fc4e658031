import { addDaysIso, dateOfTimestamp, daysBetween, previousMonth, monthOf, nextMonth } from './dates';
import type { Light, Stage } from './enums';
import { STAGE_LABELS } from './enums';

// The traffic light (红黄绿灯). One pure module: the ledger, board, API and alerts all read the
// light it computes. Each signal is a function of the project's facts and today's date; the
// project's light is its worst signal. A signal also reports the date on which it would change
// by time alone, so the stored light can be refreshed exactly when it goes stale.

export const YELLOW_WINDOW_DAYS = 15;
export const REPORT_DUE_DAY = 5;

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
  openSupervisions?: Array<{ id?: number; content: string; deadline: string }>;
}

export interface LightOptions {
  today: string;
  stageUsualDays?: Partial<Record<Stage, number | null>>;
}

export interface Signal {
  kind: 'stage_due' | 'stage_aging' | 'task_overdue' | 'report_missing' | 'problem_overdue' | 'problem_aging' | 'supervision_overdue';
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
    out.add({ kind, severity: 'red', message: describe(daysBetween(deadline, today), 0).red, dueDate: deadline, ...(refId != null ? { refId } : {}) });
  } else if (today >= yellowFrom) {
    out.add({ kind, severity: 'yellow', message: describe(0, daysBetween(today, deadline)).yellow, dueDate: deadline, ...(refId != null ? { refId } : {}) });
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
    deadlineSignal(out, today, task.dueDate, YELLOW_WINDOW_DAYS, 'task_overdue', (late, left) => ({
      red: `任务"${task.title}"已逾期 ${late} 天`,
      yellow: `任务"${task.title}"还有 ${left} 天到期`,
    }), task.id);
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

export const PROBLEM_WINDOW_DAYS = 3;
export const PROBLEM_AGING_DAYS = 30;

const problemSignals: SignalRule = (facts, { today }, out) => {
  for (const problem of facts.openProblems ?? []) {
    const short = problem.description.length > 20 ? `${problem.description.slice(0, 20)}…` : problem.description;
    deadlineSignal(out, today, problem.deadline, PROBLEM_WINDOW_DAYS, 'problem_overdue', (late, left) => ({
      red: `问题"${short}"已超解决时限 ${late} 天`,
      yellow: `问题"${short}"还有 ${left} 天到解决时限`,
    }), problem.id);
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
    const short = order.content.length > 20 ? `${order.content.slice(0, 20)}…` : order.content;
    deadlineSignal(out, today, order.deadline, PROBLEM_WINDOW_DAYS, 'supervision_overdue', (late, left) => ({
      red: `督办"${short}"已超期 ${late} 天`,
      yellow: `督办"${short}"还有 ${left} 天到期`,
    }), order.id);
  }
};

/** Signals in the order their reasons are listed. New signals are added here. */
export const SIGNAL_RULES: SignalRule[] = [stageDue, taskOverdue, reportMissing, problemSignals, supervisionSignals, stageAging];

export function computeLight(facts: LightFacts, options: LightOptions): LightResult {
  const resolved: Required<LightOptions> = {
    today: options.today,
    stageUsualDays: { ...DEFAULT_STAGE_USUAL_DAYS, ...options.stageUsualDays },
  };
  const out = new SignalSink(resolved.today);
  // Suspended and terminated projects are not chased; they stay green until resumed.
  if (facts.status === 'active') {
    for (const rule of SIGNAL_RULES) rule(facts, resolved, out);
  }
  const signals = [...out.signals].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'red' ? -1 : 1));
  const light: Light = signals.some((s) => s.severity === 'red') ? 'red' : signals.length ? 'yellow' : 'green';
  return { light, reasons: signals.map((s) => s.message), signals, recheckOn: facts.status === 'active' ? out.recheckOn : null };
}
