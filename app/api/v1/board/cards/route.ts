import { apiRoute } from '@/lib/auth/api';
import { listLeadCards } from '@/domain/board';
import { listProjectCards } from '@/domain/fresh-light-reads';
import { AppError } from '@/lib/errors';
import { boardKindQuery, leadCardsQuery, projectCardsQuery } from '@/lib/schemas/board';
import { parseOrThrow } from '@/lib/validation';

const LEAD_ROLES = ['admin', 'leader', 'investment'] as const;

/** GET /api/v1/board/cards?kind=&stage=&page=&pageSize=&lane=&laneValue=&...filters: one page of one column, for 加载更多. */
export const GET = apiRoute({}, ({ actor, request }) => {
  const raw: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== '') raw[key] = value;
  const { kind } = parseOrThrow(boardKindQuery, raw);
  if (kind === 'leads') {
    if (!LEAD_ROLES.includes(actor.role as (typeof LEAD_ROLES)[number]))
      throw new AppError('forbidden', '无权查看招商线索看板');
    const {
      stage,
      lane,
      laneValue,
      page,
      pageSize,
      kind: _kind,
      ...filters
    } = parseOrThrow(leadCardsQuery, { ...raw, kind });
    return listLeadCards(actor, filters, { stage, lane, laneValue, page, pageSize });
  }
  const {
    stage,
    lane,
    laneValue,
    page,
    pageSize,
    kind: _kind,
    ...filters
  } = parseOrThrow(projectCardsQuery, { ...raw, kind });
  return listProjectCards(actor, filters, { stage, lane, laneValue, page, pageSize });
});
