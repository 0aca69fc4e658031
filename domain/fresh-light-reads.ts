import 'server-only';
import * as board from './board';
import * as projectFilters from '@/db/queries/project-filters';
import * as projects from '@/db/queries/projects';
import * as history from './light-history';
import { ensureLightsFresh } from './light';
import { cached } from '@/db/queries/read-cache';
import type { ProjectFilters } from '@/lib/schemas/filters';
import { today } from '@/lib/rules/dates';

// The reads that show stored traffic lights (board, ledger, project page, light history). Each first
// brings the lights up to date with today (ensureLightsFresh: at most once per process per day), so
// no page or handler has to remember to. Same names and arguments as the plain reads they wrap.

function withFreshLights<A extends unknown[], R>(read: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    ensureLightsFresh();
    return read(...args);
  };
}

export const projectBoard = withFreshLights(board.projectBoard);
export const projectBoardTotals = withFreshLights(board.projectBoardTotals);
export const listProjectCards = withFreshLights(board.listProjectCards);
/** The ledger's count and sums; the ledger reads its rows after this. */
export const sumProjects = withFreshLights(projectFilters.sumProjects);
/**
 * The same sums, shared by every reader of the same filters until the data or the day changes
 * (the filters hold no user: the ledger and the API count the whole city).
 */
export const sharedProjectSums = withFreshLights((filters: ProjectFilters) =>
  cached(`project-sums|${today()}|${JSON.stringify(filters)}`, () => projectFilters.sumProjects(filters)),
);
export const getProjectView = withFreshLights(projects.getProjectView);
/** Today's snapshot is taken by the day's first refresh, so today is in the answer. */
export const lightHistory = withFreshLights(history.lightHistory);
