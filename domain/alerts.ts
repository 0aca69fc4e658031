import 'server-only';
import { getDb } from '@/db';
import {
  countAlertSubjects,
  listLitProjects,
  listOverdueLeads,
  listProjectsForAlerts,
  projectChangeSpan,
  projectsChangedSince,
  pruneProjectChanges,
  unitNames,
} from '@/db/queries/alerts';
import { changeStamp } from '@/db/queries/read-cache';
import { listSupervisionsByStatus } from '@/db/queries/supervisions';
import { alertHref, alertKey, compareAlerts, type Alert, type AlertKind } from '@/lib/rules/alerts';
import { daysBetween, today } from '@/lib/rules/dates';
import { computeLight, type LightOptions } from '@/lib/rules/light';
import { AWAITING_REPLY_STATUSES } from '@/lib/rules/problems';
import type { Actor } from '@/lib/rules/permissions';
import { ensureLightsFresh, lightOptions, loadLightFacts } from './light';

// The alert centre (预警). Project alerts are the signals of lib/rules/light.ts, recomputed from
// the same facts the stored light comes from, so the ledger, board, API and alerts agree. To them
// are added the 督办 awaiting the caller and the overdue leads.
//
// Who sees what: a leader or admin sees everything (optionally one unit); an officer sees the
// projects of their unit or owned by them, and the 督办 assigned to them; everyone sees their own
// overdue leads.

export type { Alert };

const shorten = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

function build(kind: AlertKind, fields: Omit<Alert, 'key' | 'kind' | 'href' | 'daysLate'>, day: string): Alert {
  const target = { projectId: fields.projectId, leadId: fields.leadId, refId: fields.refId };
  return {
    key: alertKey(kind, target),
    kind,
    href: alertHref(kind, target),
    daysLate: fields.dueDate ? daysBetween(fields.dueDate, day) : null,
    ...fields,
  };
}

// ------------------------------------------------------------------ the signal index
// The alerts of every lit project, built once per process and shared by all callers, kept current
// project by project: triggers (migration 0009) log every project whose light, signals, name, unit
// or owner is written, by any process or script, in `project_changes`, and only those are
// recomputed. The whole index is rebuilt when the day changes (time alone turns lights and days
// late), a unit is renamed (alerts carry unit names), or the log was pruned past what the index saw.
// It is built off the request path at start and at midnight (warmAlertIndex); the navigation badge
// never needs it (countAlerts counts in SQL).

interface IndexedProject {
  id: number;
  unitId: number;
  ownerId: number | null;
  alerts: Alert[];
}
interface SignalIndex {
  day: string;
  /** The newest project_changes entry already applied. */
  seq: number;
  units: string;
  projects: Map<number, IndexedProject>;
}
const indexHolder = globalThis as unknown as {
  __jkpSignalIndex?: SignalIndex;
  __jkpIndexBuilds?: Record<string, number>;
};
/** Full rebuilds of the index in this process, by reason: the benchmark checks none come from a request. */
const builds = (indexHolder.__jkpIndexBuilds ??= {});
/** How many entries of the change log to keep: far more than pass between two requests. */
const CHANGE_LOG_KEEP = 50_000;

function indexProjects(
  rows: Array<{ id: number; name: string; unitId: number; ownerId: number | null }>,
  day: string,
  unitName: Map<number, string>,
): IndexedProject[] {
  const options = lightOptions(getDb(), day);
  // In slices, so a city-wide rebuild holds one slice's facts at a time rather than all of them.
  const indexed: IndexedProject[] = [];
  for (let i = 0; i < rows.length; i += INDEX_SLICE) {
    const slice = rows.slice(i, i + INDEX_SLICE);
    const facts = loadLightFacts(
      getDb(),
      slice.map((row) => row.id),
      day,
    );
    indexed.push(...indexSlice(slice, facts, day, unitName, options));
  }
  return indexed;
}

const INDEX_SLICE = 500;

function indexSlice(
  rows: Array<{ id: number; name: string; unitId: number; ownerId: number | null }>,
  facts: ReturnType<typeof loadLightFacts>,
  day: string,
  unitName: Map<number, string>,
  options: LightOptions,
): IndexedProject[] {
  return rows.flatMap((row) => {
    const fact = facts.get(row.id);
    if (!fact) return [];
    const alerts = computeLight(fact, options).signals.map((signal) =>
      build(
        signal.kind,
        {
          severity: signal.severity,
          projectId: row.id,
          leadId: null,
          subject: row.name,
          unitId: row.unitId,
          unitName: unitName.get(row.unitId) ?? '',
          message: signal.message,
          dueDate: signal.dueDate,
          refId: signal.refId ?? null,
        },
        day,
      ),
    );
    return [{ id: row.id, unitId: row.unitId, ownerId: row.ownerId, alerts }];
  });
}

function signalIndex(day: string, reason = 'request'): Map<number, IndexedProject> {
  // Any project whose light is due to change today is brought up to date first (a date written by a
  // script or another process included); it is one indexed query when nothing is due.
  ensureLightsFresh({ force: true });
  const unitName = unitNames();
  const unitsStamp = JSON.stringify([...unitName]);
  const span = projectChangeSpan();
  let index = indexHolder.__jkpSignalIndex;
  if (!index || index.day !== day || index.units !== unitsStamp || index.seq < span.min - 1) {
    const why = !index ? reason : index.day !== day ? 'day' : index.units !== unitsStamp ? 'units' : 'pruned';
    builds[why] = (builds[why] ?? 0) + 1;
    // The log is read up to `span.max` before the pool, so a write landing meanwhile is applied again next time.
    index = {
      day,
      seq: span.max,
      units: unitsStamp,
      projects: new Map(indexProjects(listLitProjects(), day, unitName).map((p) => [p.id, p])),
    };
    indexHolder.__jkpSignalIndex = index;
    if (span.max - span.min > 2 * CHANGE_LOG_KEEP) pruneProjectChanges(CHANGE_LOG_KEEP);
  } else if (span.max > index.seq) {
    const changed = projectsChangedSince(index.seq);
    index.seq = span.max;
    const rows = listProjectsForAlerts(changed);
    for (const id of changed) index.projects.delete(id);
    // Only red and yellow projects are lit: green and grey (暂缓/终止) carry no alerts.
    for (const project of indexProjects(
      rows.filter((row) => row.light === 'red' || row.light === 'yellow'),
      day,
      unitName,
    ))
      index.projects.set(project.id, project);
  }
  return index.projects;
}

/**
 * Builds (or brings up to date) the alert index off the request path: at server start and after
 * midnight, so /alerts finds it ready. Returns the ms it took.
 */
export function warmAlertIndex(reason: 'startup' | 'midnight' = 'startup'): number {
  const started = performance.now();
  signalIndex(today(), reason);
  return performance.now() - started;
}

/** Full index rebuilds so far in this process, by reason (startup, midnight, day, units, pruned, request). */
export function alertIndexBuilds(): Record<string, number> {
  return { startup: 0, midnight: 0, request: 0, day: 0, units: 0, pruned: 0, ...builds };
}

/**
 * The caller's alerts, or with `countOnly` just how many there are: the same walk, without
 * building, naming and sorting thousands of alert objects for the navigation badge.
 */
function computeAlerts(
  actor: Actor,
  unitId: number | undefined,
  day: string,
  countOnly = false,
): { alerts: Alert[]; count: number } {
  const seeAll = actor.role === 'leader' || actor.role === 'admin';
  // Leaders and admins see every project; officers those of their unit or owned by them; others those they own.
  const inScope = (p: IndexedProject) =>
    (!unitId || p.unitId === unitId) &&
    (seeAll ||
      (actor.role === 'officer'
        ? (actor.unitId != null && p.unitId === actor.unitId) || p.ownerId === actor.id
        : p.ownerId === actor.id));
  const alerts: Alert[] = [];
  const seen = new Set<string>();
  // The projects (and leads) alerted: the badge counts these, not the signals.
  const subjects = new Set<string>();
  const push = (
    kind: AlertKind,
    target: { projectId: number | null; leadId: number | null; refId: number | null },
    make: () => Alert,
  ) => {
    const key = alertKey(kind, target);
    if (seen.has(key)) return;
    seen.add(key);
    subjects.add(subjectKey(target));
    if (!countOnly) alerts.push(make());
  };

  const projects = [...signalIndex(day).values()].filter(inScope).sort((a, b) => a.id - b.id);
  const supervisionSignalled = new Set<number>();
  for (const project of projects) {
    for (const alert of project.alerts) {
      if ((alert.kind === 'supervision_overdue' || alert.kind === 'supervision_urgent') && alert.refId != null)
        supervisionSignalled.add(alert.refId);
      // Index alerts are shared between callers and cached lists: never changed after building.
      push(alert.kind, alert, () => alert);
    }
  }

  // 督办 waiting on someone, unless a deadline signal above already reports it.
  const waiting = seeAll
    ? listSupervisionsByStatus({ statuses: ['replied'], unitId })
    : listSupervisionsByStatus({ statuses: AWAITING_REPLY_STATUSES, assigneeId: actor.id, unitId });
  for (const order of waiting) {
    if (supervisionSignalled.has(order.id)) continue;
    const kind = seeAll ? 'supervision_replied' : 'supervision_pending';
    push(kind, { projectId: order.projectId, leadId: null, refId: order.id }, () => {
      const late = order.deadline < day;
      const what = `督办"${shorten(order.content)}"`;
      const message = seeAll
        ? `${what}已回复，待审核办结`
        : order.status === 'returned'
          ? `${what}被退回，请补充回复（时限 ${order.deadline}）`
          : late
            ? `${what}已超期 ${daysBetween(order.deadline, day)} 天未回复`
            : `${what}待回复，还有 ${daysBetween(day, order.deadline)} 天到期`;
      return build(
        kind,
        {
          severity: late ? 'red' : 'yellow',
          projectId: order.projectId,
          leadId: null,
          subject: order.projectName,
          unitId: order.projectUnitId,
          unitName: order.projectUnitName,
          message,
          dueDate: order.deadline,
          refId: order.id,
        },
        day,
      );
    });
  }

  for (const lead of listOverdueLeads({ day, ownerId: seeAll ? undefined : actor.id, unitId })) {
    const due = lead.nextFollowUpDate!;
    push('lead_overdue', { projectId: null, leadId: lead.id, refId: null }, () =>
      build(
        'lead_overdue',
        {
          severity: 'red',
          projectId: null,
          leadId: lead.id,
          subject: lead.company,
          unitId: lead.unitId,
          unitName: lead.unitName,
          message: `线索"${shorten(lead.company)}"已超过计划跟进日期 ${daysBetween(due, day)} 天`,
          dueDate: due,
          refId: null,
        },
        day,
      ),
    );
  }
  return { alerts: alerts.sort(compareAlerts), count: subjects.size };
}

/** One row of the grouped alert centre per project (or lead). */
const subjectKey = (target: { projectId: number | null; leadId: number | null }) =>
  target.leadId != null ? `lead:${target.leadId}` : `project:${target.projectId}`;

export interface AlertGroup {
  key: string;
  projectId: number | null;
  leadId: number | null;
  subject: string;
  unitId: number | null;
  unitName: string | null;
  /** The project or lead page. */
  href: string;
  /** Red when any of its signals is red. */
  severity: 'red' | 'yellow';
  /** Its signals, red before yellow, earliest due first. */
  alerts: Alert[];
}

/**
 * The alert centre's rows: one per project (or lead) with its signals. Groups keep the order of their
 * first signal in the sorted list, so projects with a red signal come first, the most overdue first.
 */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const alert of [...alerts].sort(compareAlerts)) {
    const key = subjectKey(alert);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        projectId: alert.leadId != null ? null : alert.projectId,
        leadId: alert.leadId,
        subject: alert.subject,
        unitId: alert.unitId,
        unitName: alert.unitName,
        href: alert.leadId != null ? `/leads/${alert.leadId}` : `/projects/${alert.projectId}`,
        severity: alert.severity,
        alerts: [],
      };
      groups.set(key, group);
    }
    if (alert.severity === 'red') group.severity = 'red';
    group.alerts.push(alert);
  }
  return [...groups.values()];
}

export interface AlertFilter {
  kind?: AlertKind;
  severity?: 'red' | 'yellow';
}

/** The alerts of one kind and/or severity. */
export function filterAlerts(alerts: readonly Alert[], { kind, severity }: AlertFilter): Alert[] {
  return alerts.filter((alert) => (!kind || alert.kind === kind) && (!severity || alert.severity === severity));
}

// Results are kept per caller until the data or the day changes, so the navigation badge on every
// page costs two tiny queries instead of a walk over the index.
const CACHE_LIMIT = 300;
const cacheHolder = globalThis as unknown as { __jkpAlertCache?: Map<string, unknown> };
const cache = (cacheHolder.__jkpAlertCache ??= new Map());

const cacheKey = (actor: Actor, unitId: number | undefined, day: string) =>
  `${actor.id}|${actor.role}|${actor.unitId ?? ''}|${unitId ?? ''}|${day}|${changeStamp()}`;
function remember(key: string, value: unknown) {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

export function listAlerts({ actor, unitId }: { actor: Actor; unitId?: number }): Alert[] {
  const day = today();
  const hit = cache.get(`list|${cacheKey(actor, unitId, day)}`);
  if (hit) return hit as Alert[];
  const { alerts } = computeAlerts(actor, unitId, day);
  // The fingerprint may have moved if computing refreshed stale lights; key by the state after.
  remember(`list|${cacheKey(actor, unitId, day)}`, alerts);
  return alerts;
}

/**
 * The navigation badge: how many projects (and leads) carry the caller's current alerts, as
 * GET /api/v1/alerts lists them, i.e. the rows of the grouped /alerts page, not the signals.
 * Counted in SQL, so no request waits for the city-wide index to be built.
 */
export function countAlerts(actor: Actor): number {
  ensureLightsFresh({ force: true });
  const day = today();
  const key = `count|${cacheKey(actor, undefined, day)}`;
  const counted = cache.get(key);
  if (counted !== undefined) return counted as number;
  const count = countAlertSubjects(actor, day, AWAITING_REPLY_STATUSES);
  remember(key, count);
  return count;
}

export interface AlertCentre {
  /** The signals after the kind and severity filters. */
  signals: number;
  /** One row per project (or lead), as groupAlerts orders them. */
  groups: AlertGroup[];
  /** Rows with a red signal. */
  redGroups: number;
  /** The kinds present before the kind filter, so the page offers only kinds that find something. */
  kindsPresent: AlertKind[];
}

/**
 * The alert centre's rows for the caller and filters, grouped and ordered once and reused until
 * the data or the day changes: a leader's thousands of signals are not regrouped on every page.
 */
export function alertCentre({
  actor,
  unitId,
  kind,
  severity,
}: { actor: Actor; unitId?: number } & AlertFilter): AlertCentre {
  const key = `centre|${kind ?? ''}|${severity ?? ''}|${cacheKey(actor, unitId, today())}`;
  const hit = cache.get(key);
  if (hit) return hit as AlertCentre;
  const all = listAlerts({ actor, unitId });
  const alerts = filterAlerts(all, { kind, severity });
  const groups = groupAlerts(alerts);
  const centre: AlertCentre = {
    signals: alerts.length,
    groups,
    redGroups: groups.filter((group) => group.severity === 'red').length,
    kindsPresent: [...new Set(filterAlerts(all, { severity }).map((alert) => alert.kind))],
  };
  remember(`centre|${kind ?? ''}|${severity ?? ''}|${cacheKey(actor, unitId, today())}`, centre);
  return centre;
}

/** The API's alert shape: the contract's fields first, then the extras the UI uses. */
export function toAlertDto(alert: Alert) {
  return {
    kind: alert.kind,
    severity: alert.severity,
    ...(alert.leadId != null ? { leadId: alert.leadId } : { projectId: alert.projectId }),
    message: alert.message,
    dueDate: alert.dueDate,
    daysLate: alert.daysLate,
    subject: alert.subject,
    unitId: alert.unitId,
    unitName: alert.unitName,
    refId: alert.refId,
    href: alert.href,
  };
}
