import { apiRoute } from '@/lib/auth/api';
import { listLeadCards } from '@/domain/board';
import { listProjectCards } from '@/domain/fresh-light-reads';
import { leadCardsQuery, projectCardsQuery } from '@/lib/schemas/board';
import { parseOrThrow } from '@/lib/validation';
import { boardRequest } from '../board-request';

/** Splits a parsed cards query into the list filters and the column/page options. */
type CardOptionKey = 'stage' | 'lane' | 'laneValue' | 'page' | 'pageSize';
function cardsArgs<
  Q extends { stage: unknown; lane?: unknown; laneValue?: string; page: number; pageSize: number; kind: unknown },
>(query: Q) {
  const { stage, lane, laneValue, page, pageSize, kind: _kind, ...filters } = query;
  const options: Pick<Q, CardOptionKey> = { stage, lane, laneValue, page, pageSize };
  return [filters, options] as const;
}

/** GET /api/v1/board/cards?kind=&stage=&page=&pageSize=&lane=&laneValue=&...filters: one page of one column, for 加载更多. */
export const GET = apiRoute({}, ({ actor, request }) => {
  const { raw, kind } = boardRequest(request);
  if (kind === 'leads') return listLeadCards(actor, ...cardsArgs(parseOrThrow(leadCardsQuery, { ...raw, kind })));
  return listProjectCards(actor, ...cardsArgs(parseOrThrow(projectCardsQuery, { ...raw, kind })));
});
