import type { SessionActor } from '@/lib/auth/guard';
import { queryObject } from '@/lib/auth/api';
import { AppError } from '@/lib/errors';
import { boardKindQuery } from '@/lib/schemas/board';
import { parseOrThrow } from '@/lib/validation';

const LEAD_ROLES = ['admin', 'leader', 'investment'] as const;

/**
 * The board routes' common start: the query (empty values left out) and its `kind`; the leads board
 * is only for the roles that see leads.
 */
export function boardRequest(actor: SessionActor, request: Request) {
  const raw = queryObject(new URL(request.url));
  const { kind } = parseOrThrow(boardKindQuery, raw);
  if (kind === 'leads' && !LEAD_ROLES.includes(actor.role as (typeof LEAD_ROLES)[number]))
    throw new AppError('forbidden', '无权查看招商线索看板');
  return { raw, kind };
}
