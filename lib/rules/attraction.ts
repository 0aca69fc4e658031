import { daysBetween } from './dates';
import { fraction } from './stats';

// 履约 (contract follow-through) figures of 招商引资 projects, issue 16: GET /api/v1/stats/attraction
// and the 招商统计 page read these, and only these, definitions.
//
// Scope of a year: the projects whose contractDate (签约日期) falls in that year.
// - signedAmount (签约金额): Σ contractAmount, 万元.
// - promisedFunds (承诺到位资金): Σ promisedFunds, 万元.
// - fundsInPlace (到位资金): Σ the project's fundsInPlace (a project with none reported counts 0), 万元.
// - fundsRate (资金到位率): fundsInPlace ÷ promisedFunds, over the projects that carry promisedFunds;
//   null when none does.
// - withPromise: projects with a promisedStartDate (承诺开工日期).
// - due (应开工): projects with a promisedStartDate before today, or already started.
// - started: projects that entered 开工建设 (first time, Beijing day), whatever the date.
// - startedOnTime (按期开工): started on or before the promised start date.
// - overdue (逾期未开工): promised start date before today and not started (these are red on the ledger).
// - performanceRate (履约率): startedOnTime ÷ due; null when nothing is due yet.

export interface AttractionRow {
  projectId: number;
  team: string | null;
  campaignId: number | null;
  unitId: number;
  contractAmount: number | null;
  promisedFunds: number | null;
  fundsInPlace: number | null;
  promisedStartDate: string | null;
  /** The Beijing day the project first entered 开工建设, or null. */
  startedOn: string | null;
}

export interface AttractionFigures {
  projects: number;
  signedAmount: number;
  promisedFunds: number;
  fundsInPlace: number;
  fundsRate: number | null;
  withPromise: number;
  due: number;
  started: number;
  startedOnTime: number;
  overdue: number;
  performanceRate: number | null;
}

/** Whether a project started by its promised date. */
export function startedOnTime(row: Pick<AttractionRow, 'promisedStartDate' | 'startedOn'>): boolean {
  return row.promisedStartDate != null && row.startedOn != null && row.startedOn <= row.promisedStartDate;
}

/** The figures of a set of projects on `today` (definitions above). */
export function attractionFigures(rows: readonly AttractionRow[], today: string): AttractionFigures {
  let signedAmount = 0;
  let promisedFunds = 0;
  let fundsInPlace = 0;
  let fundsInPlaceOfPromised = 0;
  let promisedCount = 0;
  let withPromise = 0;
  let due = 0;
  let started = 0;
  let onTime = 0;
  let overdue = 0;
  for (const row of rows) {
    signedAmount += row.contractAmount ?? 0;
    fundsInPlace += row.fundsInPlace ?? 0;
    if (row.promisedFunds != null) {
      promisedCount += 1;
      promisedFunds += row.promisedFunds;
      fundsInPlaceOfPromised += row.fundsInPlace ?? 0;
    }
    if (row.startedOn != null) started += 1;
    if (row.promisedStartDate == null) continue;
    withPromise += 1;
    if (row.startedOn != null || row.promisedStartDate < today) due += 1;
    if (startedOnTime(row)) onTime += 1;
    if (row.startedOn == null && row.promisedStartDate < today) overdue += 1;
  }
  return {
    projects: rows.length,
    signedAmount,
    promisedFunds,
    fundsInPlace,
    fundsRate: promisedCount ? fraction(fundsInPlaceOfPromised, promisedFunds) : null,
    withPromise,
    due,
    started,
    startedOnTime: onTime,
    overdue,
    performanceRate: fraction(onTime, due),
  };
}

/** Groups rows by `keyOf` and gives each group's figures, in first-seen order of the keys. */
export function attractionGroups<K extends string | number | null>(
  rows: readonly AttractionRow[],
  keyOf: (row: AttractionRow) => K,
  today: string,
): Array<{ key: K; figures: AttractionFigures }> {
  const groups = new Map<K, AttractionRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].map(([key, list]) => ({ key, figures: attractionFigures(list, today) }));
}

/** The 履约 card's start line: started on time or late, overdue, or still ahead. */
export function contractStartStatus(
  row: Pick<AttractionRow, 'promisedStartDate' | 'startedOn'>,
  today: string,
): { tone: 'ok' | 'late' | 'pending' | 'none'; text: string } {
  const { promisedStartDate: promised, startedOn } = row;
  if (startedOn && promised) {
    return startedOn <= promised
      ? { tone: 'ok', text: `已于 ${startedOn} 开工，按期履约` }
      : { tone: 'late', text: `已于 ${startedOn} 开工，晚于承诺 ${daysBetween(promised, startedOn)} 天` };
  }
  if (startedOn) return { tone: 'ok', text: `已于 ${startedOn} 开工（合同未约定开工日期）` };
  if (!promised) return { tone: 'none', text: '合同未约定开工日期' };
  if (promised < today)
    return { tone: 'late', text: `承诺开工日期 ${promised} 已过 ${daysBetween(promised, today)} 天仍未开工` };
  return { tone: 'pending', text: `尚未开工，承诺 ${promised} 前开工` };
}
