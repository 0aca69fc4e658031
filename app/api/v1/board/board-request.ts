import { queryObject } from '@/lib/auth/api';
import { boardKindQuery } from '@/lib/schemas/board';
import { parseOrThrow } from '@/lib/validation';

/**
 * The board routes' common start: the query (empty values left out) and its `kind`. Every role that
 * reads the lead list reads the leads board (issue 18); cards say whether the caller may move them.
 */
export function boardRequest(request: Request) {
  const raw = queryObject(new URL(request.url));
  const { kind } = parseOrThrow(boardKindQuery, raw);
  return { raw, kind };
}
