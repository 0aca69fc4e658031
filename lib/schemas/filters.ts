import { z } from 'zod';
import { CATEGORIES, LEAD_STAGES, LIGHTS, PROJECT_STATUSES, STAGES } from '@/lib/rules/enums';
import { id, queryBoolean } from '@/lib/validation';
import { drillFilterFields } from './ledger';

// The filters of the project ledger, the board and the API, parsed from the URL. One schema so a
// filtered ledger, board and API list always mean the same set of projects.
export const projectFilterSchema = z.object({
  category: z.enum(CATEGORIES).optional(),
  shuangshi: queryBoolean.optional(),
  stage: z.enum(STAGES).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  unitId: id.optional(),
  industryId: id.optional(),
  light: z.enum(LIGHTS).optional(),
  leaderId: id.optional(),
  ownerId: id.optional(),
  q: z.string().trim().max(100).optional(),
  ...drillFilterFields,
});
export type ProjectFilters = z.output<typeof projectFilterSchema>;

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
