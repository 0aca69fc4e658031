import { z } from 'zod';
import { VIEW_PAGES, type ViewPage } from '@/lib/rules/enums';
import { leadFilterSchema, projectFilterSchema } from './filters';
import { queryBoolean } from '@/lib/validation';

// 保存的视图: a named set of filters of the ledger (/projects), the board, the leads list or the
// leads board, kept per user; leaders and admins may share one with everyone.

export const VIEW_PAGE_LABELS: Record<ViewPage, string> = {
  projects: '项目库',
  board: '项目看板',
  leads: '招商线索',
  leads_board: '招商线索看板',
};

export const VIEW_PAGE_PATHS: Record<ViewPage, string> = {
  projects: '/projects',
  board: '/board',
  leads: '/leads',
  leads_board: '/leads/board',
};

/** The URL parameters a view of each page may keep (filters, sorting, lanes; never the page number). */
export const VIEW_PAGE_KEYS: Record<ViewPage, readonly string[]> = {
  projects: [...Object.keys(projectFilterSchema.shape), 'sort', 'dir', 'pageSize'],
  board: [...Object.keys(projectFilterSchema.shape), 'lane'],
  leads: [...Object.keys(leadFilterSchema.shape), 'sort', 'dir', 'pageSize'],
  leads_board: [...Object.keys(leadFilterSchema.shape), 'lane'],
};

export const MAX_VIEW_NAME = 40;
export const MAX_VIEW_QUERY = 1000;
/** Views one user may keep per page. */
export const MAX_VIEWS_PER_PAGE = 30;

const page = z.enum(VIEW_PAGES, { error: '页面应为 projects、board、leads 或 leads_board' });

export const viewListQuery = z.object({ page: page.optional() });

export const viewCreateSchema = z
  .object({
    name: z
      .string({ error: '请填写视图名称' })
      .trim()
      .min(1, { error: '请填写视图名称' })
      .max(MAX_VIEW_NAME, { error: `视图名称不超过 ${MAX_VIEW_NAME} 个字` }),
    page,
    query: z
      .string({ error: '筛选条件应为查询字符串' })
      .trim()
      .max(MAX_VIEW_QUERY, { error: `筛选条件过长（不超过 ${MAX_VIEW_QUERY} 个字符）` })
      .default(''),
    shared: z.union([z.boolean(), queryBoolean, z.literal('on').transform(() => true)]).default(false),
  })
  .transform((input, ctx) => {
    const query = normalizeViewQuery(input.page, input.query);
    if (query === null) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: '筛选条件含有该页面不支持的参数' });
      return z.NEVER;
    }
    return { ...input, query };
  });
export type ViewCreateInput = z.output<typeof viewCreateSchema>;

/**
 * The view's query string as kept: a leading `?` dropped, empty values and the page number left out,
 * keys in the page's own order. Null when it holds a key the page does not know.
 */
export function normalizeViewQuery(viewPage: ViewPage, raw: string): string | null {
  const allowed = VIEW_PAGE_KEYS[viewPage];
  const params = new URLSearchParams(raw.replace(/^\?/, ''));
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === 'page' || value.trim() === '') continue;
    if (!allowed.includes(key)) return null;
    if (!out.has(key)) out.set(key, value.trim());
  }
  out.sort();
  return out.toString();
}

/** The current page's filters as a view would keep them: unknown keys and the page number dropped. */
export function currentViewQuery(viewPage: ViewPage, params: Record<string, string | string[] | undefined>): string {
  const allowed = VIEW_PAGE_KEYS[viewPage];
  const out = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) {
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (key === 'page' || !value || !allowed.includes(key)) continue;
    out.set(key, value);
  }
  out.sort();
  return out.toString();
}
