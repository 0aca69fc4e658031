import { daysBetween } from './dates';
import { STAGES, type Stage } from './enums';

// Days a project has spent in each stage, from its stage history. A project may return to a
// stage after a backward move, so visits add up.

export interface StageVisit {
  toStage: Stage;
  at: string;
}

export function daysPerStage(history: StageVisit[], today: string): Record<Stage, number | null> {
  const days = Object.fromEntries(STAGES.map((stage) => [stage, null])) as Record<Stage, number | null>;
  const ordered = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  ordered.forEach((visit, index) => {
    const leftAt = ordered[index + 1]?.at ?? today;
    const spent = Math.max(0, daysBetween(visit.at, leftAt));
    days[visit.toStage] = (days[visit.toStage] ?? 0) + spent;
  });
  return days;
}
