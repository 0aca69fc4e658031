import { apiRoute } from '@/lib/auth/api';
import { leadBoardTotals } from '@/domain/board';
import { projectBoardTotals } from '@/domain/fresh-light-reads';
import { AppError } from '@/lib/errors';
import { boardKindQuery, leadBoardQuery, projectBoardQuery } from '@/lib/schemas/board';
import { parseOrThrow } from '@/lib/validation';

const LEAD_ROLES = ['admin', 'leader', 'investment'] as const;

function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== '') out[key] = value;
  return out;
}

/** GET /api/v1/board?kind=projects|leads&lane=&...filters: the board's column sums, equal to the lists' under the same filters. */
export const GET = apiRoute({}, ({ actor, request }) => {
  const raw = queryOf(request);
  const { kind } = parseOrThrow(boardKindQuery, raw);
  if (kind === 'leads') {
    if (!LEAD_ROLES.includes(actor.role as (typeof LEAD_ROLES)[number]))
      throw new AppError('forbidden', '无权查看招商线索看板');
    const { lane, kind: _kind, ...filters } = parseOrThrow(leadBoardQuery, { ...raw, kind });
    const board = leadBoardTotals(filters, lane);
    return {
      kind,
      columns: board.columns.map(({ stage, sums }) => ({ stage, ...sums })),
      ...(lane
        ? {
            lanes: board.lanes.map((l) => ({
              key: l.key,
              label: l.label,
              cells: l.cells.map(({ stage, sums }) => ({ stage, ...sums })),
            })),
          }
        : {}),
    };
  }
  const { lane, kind: _kind, ...filters } = parseOrThrow(projectBoardQuery, { ...raw, kind });
  const board = projectBoardTotals(filters, lane);
  return {
    kind,
    columns: board.columns.map(({ stage, sums }) => ({ stage, ...sums })),
    ...(lane
      ? {
          lanes: board.lanes.map((l) => ({
            key: l.key,
            label: l.label,
            cells: l.cells.map(({ stage, sums }) => ({ stage, ...sums })),
          })),
        }
      : {}),
  };
});
