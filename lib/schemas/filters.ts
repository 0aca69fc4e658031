import { z } from 'zod';
import { CATEGORIES, LEAD_STAGES, LIGHTS, PROJECT_STATUSES, STAGES } from '@/lib/rules/enums';
import { id, queryBoolean } from '@/lib/validation';
import { drillFilterFields } from './ledger';
import { STATS_SCOPES, type StatsScope } from './stats';
import { currentYear } from '@/lib/rules/dates';

// The filters of the project ledger, the board and the API, parsed from the URL. One schema so a
// filtered ledger, board and API list always mean the same set of projects.
export const projectFilterSchema = z.object({
  category: z.enum(CATEGORIES).optional(),
  // 范围 (API.md "Stats"): shuangshi = this year's 双十 list, all = the whole pool (the same as leaving it out).
  scope: z.enum(STATS_SCOPES).optional(),
  // In (1) or not in (0) this year's 双十 list; kept for links and API callers, scope=shuangshi is the same as 1.
  shuangshi: queryBoolean.optional(),
  stage: z.enum(STAGES).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  unitId: id.optional(),
  industryId: id.optional(),
  light: z.enum(LIGHTS).optional(),
  leaderId: id.optional(),
  ownerId: id.optional(),
  // 未批先建: past 前期手续 with checklist items still open (the light's approvalsOverridden flag).
  overridden: queryBoolean.optional(),
  q: z.string().trim().max(100).optional(),
  ...drillFilterFields,
});
export type ProjectFilters = z.output<typeof projectFilterSchema>;

/** The year whose 双十 list scope=shuangshi means on the ledger and the board: the current one. */
export const scopeYear = () => currentYear();

/** How the ledger, the board and the exports name a scope: 双十项目 is this year's list. */
export function scopeLabel(scope: StatsScope, year = scopeYear()): string {
  return scope === 'shuangshi' ? `${year}年“双十”项目` : '全部项目';
}

export const leadFilterSchema = z.object({
  stage: z.enum(LEAD_STAGES).optional(),
  ownerId: id.optional(),
  team: z.string().trim().max(50).optional(),
  campaignId: id.optional(),
  source: z.string().trim().max(50).optional(),
  industryId: id.optional(),
  origin: z.string().trim().max(50).optional(),
  overdue: queryBoolean.optional(),
  q: z.string().trim().max(100).optional(),
});
export type LeadFilters = z.output<typeof leadFilterSchema>;

/** Parses URL search params leniently for pages: an invalid filter is dropped, not an error page. */
export function parseFiltersLenient<S extends z.ZodObject>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const parsed = (field as z.ZodType).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as z.output<S>;
}
