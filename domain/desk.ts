import 'server-only';
import {
  countProjectsByLight,
  listFollowUpsDue,
  listOpenLeads,
  listProblemsEscalated,
  listProblemsOverdue,
  listProjectsByLight,
  listReportsDue,
  listSignedNotConverted,
  listSupervisionsOverdue,
  listSupervisionsToAnswer,
  listSupervisionsToClose,
  listTasksOverdue,
  nextPlannedMeeting,
} from '@/db/queries/desk';
import { cached } from '@/db/queries/read-cache';
import { getSetting } from './settings';
import { ensureLightsFresh } from './light';
import { addDaysIso, daysBetween, monthOf, previousMonth, today } from '@/lib/rules/dates';
import { REPORT_DUE_DAY } from '@/lib/rules/light';
import { leadAging, leadFollowupStale } from '@/lib/rules/leads';
import type { LeadStage, Light, MeetingKind, ProblemLevel, Role, Stage, SupervisionStatus } from '@/lib/rules/enums';
import type { Actor } from '@/lib/rules/permissions';

// 工作台: the caller's own work list, the same for GET /api/v1/desk and the /desk page. Every line
// carries the link to where it is done.

type LightCounts = Record<Light, number>;

export interface DeskReportDue {
  projectId: number;
  projectName: string;
  unitName: string;
  /** The month the report is for (YYYY-MM): last month. */
  month: string;
  dueDate: string;
  overdue: boolean;
  link: string;
}

export interface DeskSupervision {
  id: number;
  projectId: number;
  projectName: string;
  content: string;
  deadline: string;
  status: SupervisionStatus;
  urgency: 'normal' | 'urgent';
  issuerName: string;
  assigneeName: string | null;
  overdue: boolean;
  link: string;
}

export interface DeskLead {
  id: number;
  company: string;
  stage: LeadStage;
  ownerName: string;
  nextFollowUpDate: string | null;
  daysInStage: number;
  overdue: boolean;
  link: string;
}

export interface Desk {
  role: Role;
  today: string;
  reportsDue: DeskReportDue[];
  tasksOverdue: Array<{
    id: number;
    title: string;
    dueDate: string;
    projectId: number;
    projectName: string;
    daysLate: number;
    link: string;
  }>;
  supervisionsToAnswer: DeskSupervision[];
  supervisionsToClose: DeskSupervision[];
  problemsOverdue: DeskProblem[];
  followUpsDue: DeskLead[];
  /** Projects the caller owns (officers, investment staff) or leads as 包保 (leaders), by light. */
  myProjects: LightCounts;
  /** Role-specific extras (empty or null where they do not apply). */
  projects: Array<{
    id: number;
    name: string;
    stage: Stage;
    light: Light;
    unitName: string;
    reason: string | null;
    link: string;
  }>;
  cityProjects: LightCounts | null;
  problemsEscalated: DeskProblem[];
  supervisionsOverdue: DeskSupervision[];
  leadsAging: Array<DeskLead & { usualDays: number }>;
  /** 跟进停滞: open leads with no follow-up for the settings' yellow days or more, longest first. */
  leadsStale: Array<DeskLead & { lastFollowupDate: string; daysSinceFollowup: number; severity: 'red' | 'yellow' }>;
  leadsSignedNotConverted: Array<DeskLead & { signedAt: string | null }>;
  nextMeeting: {
    id: number;
    date: string;
    kind: MeetingKind;
    title: string;
    location: string | null;
    chairName: string;
    link: string;
  } | null;
}

export interface DeskProblem {
  id: number;
  projectId: number;
  projectName: string;
  description: string;
  deadline: string;
  level: ProblemLevel;
  unitName: string;
  overdue: boolean;
  link: string;
}

/** The last day (Sunday) of the Monday-to-Sunday week holding `day`. */
export function endOfWeek(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysIso(day, (7 - weekday) % 7);
}

const supervisionDto =
  (day: string) =>
  (row: ReturnType<typeof listSupervisionsToAnswer>[number]): DeskSupervision => ({
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    content: row.content,
    deadline: row.deadline,
    status: row.status,
    urgency: row.urgency,
    issuerName: row.issuerName,
    assigneeName: row.assigneeName,
    overdue: row.deadline < day,
    link: `/projects/${row.projectId}/problems#supervision-${row.id}`,
  });

const problemDto =
  (day: string) =>
  (row: ReturnType<typeof listProblemsOverdue>[number]): DeskProblem => ({
    ...row,
    overdue: row.deadline < day,
    link: `/projects/${row.projectId}/problems#problem-${row.id}`,
  });

const leadDto =
  (day: string) =>
  (row: ReturnType<typeof listOpenLeads>[number]): DeskLead => ({
    id: row.id,
    company: row.company,
    stage: row.stage,
    ownerName: row.ownerName,
    nextFollowUpDate: row.nextFollowUpDate,
    daysInStage: Math.max(0, daysBetween(row.stageEnteredAt, day)),
    overdue: row.nextFollowUpDate != null && row.nextFollowUpDate < day,
    link: `/leads/${row.id}`,
  });

/** The caller's 工作台. Lights are brought up to date first, as the board and alerts do. */
/**
 * `projectLimit`: how many of the caller's own projects to list (the page shows the first few; the
 * counts by light are always of all of them). Without it, every one, as the API gives.
 */
export function getDesk(
  actor: Actor & { team?: string | null },
  { projectLimit }: { projectLimit?: number } = {},
): Desk {
  ensureLightsFresh();
  const day = today();
  const thisMonth = monthOf(day);
  const reportMonth = previousMonth(thisMonth);
  const reportDueDate = `${thisMonth}-${String(REPORT_DUE_DAY).padStart(2, '0')}`;
  const toSupervision = supervisionDto(day);
  const toProblem = problemDto(day);
  const toLead = leadDto(day);

  const desk: Desk = {
    role: actor.role,
    today: day,
    reportsDue: [],
    tasksOverdue: [],
    supervisionsToAnswer: [],
    supervisionsToClose: [],
    problemsOverdue: [],
    followUpsDue: [],
    myProjects: { red: 0, yellow: 0, green: 0, grey: 0 },
    projects: [],
    cityProjects: null,
    problemsEscalated: [],
    supervisionsOverdue: [],
    leadsAging: [],
    leadsStale: [],
    leadsSignedNotConverted: [],
    nextMeeting: null,
  };

  // The city's counts are the same for every leader and admin: shared until the data or the day changes.
  const cityProjects = () => cached(`desk-city-lights|${day}`, () => countProjectsByLight('city'));
  const projectList = (scope: { ownerId: number } | { leaderId: number }) =>
    listProjectsByLight(scope, projectLimit).map((row) => ({
      id: row.id,
      name: row.name,
      stage: row.stage,
      light: row.light,
      unitName: row.unitName,
      reason: row.lightReasons[0] ?? null,
      link: `/projects/${row.id}`,
    }));

  if (actor.role === 'officer') {
    desk.reportsDue = listReportsDue(actor.id, reportMonth, `${thisMonth}-01`).map((row) => ({
      projectId: row.projectId,
      projectName: row.projectName,
      unitName: row.unitName,
      month: reportMonth,
      dueDate: reportDueDate,
      overdue: day > reportDueDate,
      link: `/projects/${row.projectId}/reports`,
    }));
    desk.tasksOverdue = listTasksOverdue(actor.id, day).map((row) => ({
      ...row,
      daysLate: daysBetween(row.dueDate, day),
      link: `/projects/${row.projectId}/tasks`,
    }));
    desk.supervisionsToAnswer = listSupervisionsToAnswer(actor.id).map(toSupervision);
    desk.problemsOverdue = listProblemsOverdue(actor.id, day).map(toProblem);
    desk.myProjects = countProjectsByLight({ ownerId: actor.id });
    desk.projects = projectList({ ownerId: actor.id });
  }

  if (actor.role === 'leader') {
    desk.myProjects = countProjectsByLight({ leaderId: actor.id });
    desk.projects = projectList({ leaderId: actor.id });
    desk.cityProjects = cityProjects();
    desk.supervisionsToClose = listSupervisionsToClose(actor.id).map(toSupervision);
    desk.problemsEscalated = listProblemsEscalated().map(toProblem);
  }

  if (actor.role === 'admin') {
    desk.cityProjects = cityProjects();
    desk.supervisionsOverdue = listSupervisionsOverdue(day).map(toSupervision);
    desk.problemsEscalated = listProblemsEscalated().map(toProblem);
  }

  if (actor.role === 'leader' || actor.role === 'admin') {
    const meeting = nextPlannedMeeting(day);
    desk.nextMeeting = meeting ? { ...meeting, link: `/meetings/${meeting.id}` } : null;
  }

  if (actor.role === 'investment') {
    const team = actor.team ?? null;
    desk.followUpsDue = listFollowUpsDue(actor.id, team, endOfWeek(day)).map(toLead);
    const usualDays = getSetting('leadStageUsualDays');
    desk.leadsAging = listOpenLeads(actor.id, team).flatMap((row) => {
      const aging = leadAging(row, day, usualDays);
      return aging.aging && aging.usual != null ? [{ ...toLead(row), usualDays: aging.usual }] : [];
    });
    const staleDays = getSetting('leadFollowupStaleDays');
    desk.leadsStale = listOpenLeads(actor.id, team)
      .flatMap((row) => {
        const stale = leadFollowupStale(row, day, staleDays);
        return stale.severity
          ? [{ ...toLead(row), lastFollowupDate: stale.last, daysSinceFollowup: stale.days, severity: stale.severity }]
          : [];
      })
      .sort((a, b) => b.daysSinceFollowup - a.daysSinceFollowup || a.id - b.id);
    desk.leadsSignedNotConverted = listSignedNotConverted(actor.id, team).map((row) => ({
      ...toLead(row),
      signedAt: row.signedAt,
    }));
    desk.myProjects = countProjectsByLight({ ownerId: actor.id });
  }

  return desk;
}
