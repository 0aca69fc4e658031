import { apiRoute } from '@/lib/auth/api';
import { leadBoardTotals } from '@/domain/board';
import { projectBoardTotals } from '@/domain/fresh-light-reads';
import { leadBoardQuery, projectBoardQuery } from '@/lib/schemas/board';
import { parseOrThrow } from '@/lib/validation';
import { boardRequest } from './board-request';

interface StageSums {
  stage: string;
  sums: object;
}
interface BoardTotals {
  columns: StageSums[];
  lanes: { key: string; label: string | null; cells: StageSums[] }[];
}

const flat = ({ stage, sums }: StageSums) => ({ stage, ...sums });

/** The body both kinds answer with: column sums, and the lanes' cells when a lane is asked for. */
function totalsBody(kind: string, board: BoardTotals, lane: string | undefined) {
  return {
    kind,
    columns: board.columns.map(flat),
    ...(lane ? { lanes: board.lanes.map((l) => ({ key: l.key, label: l.label, cells: l.cells.map(flat) })) } : {}),
  };
}

/** GET /api/v1/board?kind=projects|leads&lane=&...filters: the board's column sums, equal to the lists' under the same filters. */
export const GET = apiRoute({}, ({ request }) => {
  const { raw, kind } = boardRequest(request);
  if (kind === 'leads') {
    const { lane, kind: _kind, ...filters } = parseOrThrow(leadBoardQuery, { ...raw, kind });
    return totalsBody(kind, leadBoardTotals(filters, lane), lane);
  }
  const { lane, kind: _kind, ...filters } = parseOrThrow(projectBoardQuery, { ...raw, kind });
  return totalsBody(kind, projectBoardTotals(filters, lane), lane);
});
