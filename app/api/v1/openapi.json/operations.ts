import { z } from 'zod';
import type { HttpMethod, OperationEntry } from '@/lib/openapi/build';
import {
  boardKindQuery,
  leadBoardQuery,
  leadCardsQuery,
  projectBoardQuery,
  projectCardsQuery,
} from '@/lib/schemas/board';
import { loginSchema } from '@/lib/schemas/auth';
import {
  closeProblemSchema,
  editProblemSchema,
  escalateProblemSchema,
  reopenProblemSchema,
} from '@/lib/schemas/problems';
import * as adminTokens from '../admin/tokens/route';
import * as adminToken from '../admin/tokens/[id]/route';
import * as adminUsers from '../admin/users/route';
import * as adminUser from '../admin/users/[id]/route';
import * as alerts from '../alerts/route';
import * as approval from '../approvals/[id]/route';
import * as board from '../board/route';
import * as boardCards from '../board/cards/route';
import * as desk from '../desk/route';
import * as funding from '../funding/route';
import * as fundingApplication from '../funding/[id]/route';
import * as importLeads from '../imports/leads/route';
import * as importProjects from '../imports/projects/route';
import * as enterprises from '../enterprises/route';
import * as enterpriseById from '../enterprises/[id]/route';
import * as industries from '../industries/route';
import * as chains from '../chains/route';
import * as chain from '../chains/[id]/route';
import * as chainLinksRoute from '../chains/[id]/links/route';
import * as chainLink from '../chain-links/[id]/route';
import * as leads from '../leads/route';
import * as lead from '../leads/[id]/route';
import * as leadConvert from '../leads/[id]/convert/route';
import * as leadFollowups from '../leads/[id]/followups/route';
import * as leadPartners from '../leads/[id]/partners/route';
import * as leadPartnerById from '../leads/[id]/partners/[partnerId]/route';
import * as leadTransitions from '../leads/[id]/transitions/route';
import * as lightHistory from '../lights/history/route';
import * as me from '../me/route';
import * as notifications from '../notifications/route';
import * as notificationsRead from '../notifications/read/route';
import * as photo from '../photos/[id]/route';
import * as problems from '../problems/route';
import * as problem from '../problems/[id]/route';
import * as problemHistory from '../problems/[id]/history/route';
import * as projects from '../projects/route';
import * as project from '../projects/[id]/route';
import * as projectAdjustments from '../projects/[id]/adjustments/route';
import * as projectFunding from '../projects/[id]/funding/route';
import * as projectHistory from '../projects/[id]/history/route';
import * as projectPlans from '../projects/[id]/plans/route';
import * as projectPlan from '../projects/[id]/plans/[year]/route';
import * as projectProblems from '../projects/[id]/problems/route';
import * as projectReports from '../projects/[id]/reports/route';
import * as projectSupervisions from '../projects/[id]/supervisions/route';
import * as projectTasks from '../projects/[id]/tasks/route';
import * as projectTransitions from '../projects/[id]/transitions/route';
import * as reportPhotos from '../reports/[id]/photos/route';
import * as reportById from '../reports/[id]/route';
import * as reportCorrections from '../reports/[id]/corrections/route';
import * as rankings from '../rankings/route';
import * as mapRoute from '../map/route';
import * as monthlyReport from '../reports/monthly/route';
import * as packages from '../packages/route';
import * as packageById from '../packages/[id]/route';
import * as meetingsRoute from '../meetings/route';
import * as meetingById from '../meetings/[id]/route';
import * as meetingAgenda from '../meetings/[id]/agenda/route';
import * as meetingItem from '../meeting-items/[id]/route';
import * as session from '../session/route';
import * as stats from '../stats/route';
import * as statsAttraction from '../stats/attraction/route';
import * as supervision from '../supervisions/[id]/route';
import * as supervisionReplies from '../supervisions/[id]/replies/route';
import * as task from '../tasks/[id]/route';
import * as units from '../units/route';
import * as users from '../users/route';
import * as views from '../views/route';
import * as viewById from '../views/[id]/route';
import summaries from './summaries.json';

// Every /api/v1 route module, by its OpenAPI path. Each HTTP method a module exports is an
// operation; its roles and its path, query and body schemas are read from the handler
// (apiRouteSpec), so they cannot drift from what it accepts. The words (summary, success status and
// body) are in ./summaries.json, keyed "METHOD /path". EXTRAS names what a handler does not declare
// to apiRoute: the schemas of the few that parse their own input (the same zod objects they parse
// with), raw uploads, and sign-in. tests/api/openapi.test.ts fails when a route file, method or
// query key is missing from the document.

export type RouteModule = Partial<Record<HttpMethod, unknown>>;

export const ROUTE_MODULES: Record<string, RouteModule> = {
  '/session': session,
  '/me': me,
  '/notifications': notifications,
  '/notifications/read': notificationsRead,
  '/projects': projects,
  '/projects/{id}': project,
  '/projects/{id}/transitions': projectTransitions,
  '/projects/{id}/history': projectHistory,
  '/projects/{id}/adjustments': projectAdjustments,
  '/projects/{id}/plans': projectPlans,
  '/projects/{id}/plans/{year}': projectPlan,
  '/projects/{id}/funding': projectFunding,
  '/funding': funding,
  '/funding/{id}': fundingApplication,
  '/projects/{id}/tasks': projectTasks,
  '/projects/{id}/reports': projectReports,
  '/projects/{id}/problems': projectProblems,
  '/projects/{id}/supervisions': projectSupervisions,
  '/tasks/{id}': task,
  '/approvals/{id}': approval,
  '/reports/{id}': reportById,
  '/reports/{id}/corrections': reportCorrections,
  '/reports/{id}/photos': reportPhotos,
  '/photos/{id}': photo,
  '/problems': problems,
  '/problems/{id}': problem,
  '/problems/{id}/history': problemHistory,
  '/supervisions/{id}': supervision,
  '/supervisions/{id}/replies': supervisionReplies,
  '/enterprises': enterprises,
  '/enterprises/{id}': enterpriseById,
  '/leads': leads,
  '/leads/{id}': lead,
  '/leads/{id}/transitions': leadTransitions,
  '/leads/{id}/convert': leadConvert,
  '/leads/{id}/followups': leadFollowups,
  '/leads/{id}/partners': leadPartners,
  '/leads/{id}/partners/{partnerId}': leadPartnerById,
  '/board': board,
  '/board/cards': boardCards,
  '/alerts': alerts,
  '/desk': desk,
  '/lights/history': lightHistory,
  '/stats': stats,
  '/stats/attraction': statsAttraction,
  '/rankings': rankings,
  '/map': mapRoute,
  '/packages': packages,
  '/packages/{id}': packageById,
  '/meetings': meetingsRoute,
  '/meetings/{id}': meetingById,
  '/meetings/{id}/agenda': meetingAgenda,
  '/meeting-items/{id}': meetingItem,
  '/reports/monthly': monthlyReport,
  '/imports/projects': importProjects,
  '/imports/leads': importLeads,
  '/units': units,
  '/industries': industries,
  '/chains': chains,
  '/chains/{id}': chain,
  '/chains/{id}/links': chainLinksRoute,
  '/chain-links/{id}': chainLink,
  '/users': users,
  '/admin/users': adminUsers,
  '/admin/users/{id}': adminUser,
  '/admin/tokens': adminTokens,
  '/admin/tokens/{id}': adminToken,
  '/views': views,
  '/views/{id}': viewById,
};

const importUpload = {
  types: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/octet-stream',
    'multipart/form-data',
  ],
  description:
    'mode=preview 时：.xlsx 文件，作为原始请求体或 multipart 的 file 字段（≤ 20 MB）；mode=commit 时无请求体。',
};

const EXTRAS: Record<string, Partial<OperationEntry>> = {
  'POST /session': { public: true, body: loginSchema, errors: [401, 429] },
  'DELETE /session': { public: true },
  'PATCH /problems/{id}': {
    body: z.union([closeProblemSchema, reopenProblemSchema, escalateProblemSchema, editProblemSchema]),
  },
  'GET /board': { query: [boardKindQuery, z.union([projectBoardQuery, leadBoardQuery])] },
  'GET /board/cards': { query: [boardKindQuery, z.union([projectCardsQuery, leadCardsQuery])] },
  'POST /reports/{id}/photos': {
    upload: {
      types: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
      description: '照片字节作为原始请求体（≤ 10 MB）；类型由内容判断，不看 Content-Type。',
    },
  },
  'POST /imports/projects': { upload: importUpload },
  'POST /imports/leads': { upload: importUpload },
};

interface Summary {
  summary: string;
  success: string;
  status?: 200 | 201 | 204;
  list?: boolean;
  binary?: boolean;
  description?: string;
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The operations of these route modules; throws when one has no summary, or a summary names no operation. */
export function openApiOperations(modules: Record<string, RouteModule>): OperationEntry[] {
  const words = new Map<string, [string, Summary]>(
    Object.entries(summaries as Record<string, Record<string, Summary>>).flatMap(([tag, operations]) =>
      Object.entries(operations).map(([key, summary]) => [key, [tag, summary]] as const),
    ),
  );
  const entries = Object.entries(modules).flatMap(([path, mod]) =>
    METHODS.filter((method) => typeof mod[method] === 'function').map((method): OperationEntry => {
      const key = `${method} ${path}`;
      const found = words.get(key);
      if (!found) throw new Error(`summaries.json has no entry for ${key}`);
      const [tag, { summary, success, status = 200, list, binary, description }] = found;
      words.delete(key);
      return {
        method,
        path,
        handler: mod[method],
        tag,
        summary,
        description,
        success: { status, description: success, array: list, binary },
        ...EXTRAS[key],
      };
    }),
  );
  if (words.size) throw new Error(`summaries.json names no route: ${[...words.keys()].join(', ')}`);
  return entries;
}
