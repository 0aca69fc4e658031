import type { BoardLane, CardData, CellSums } from '@/lib/board-types';

// Pure state changes of the board: moving a card between cells keeps every header sum equal to
// the sum of what the server would count, so an optimistic move shows the right totals at once.

export interface BoardState {
  lanes: BoardLane[];
  columns: Array<{ stage: string; sums: CellSums }>;
}

export interface CardMove {
  laneKey: string;
  cardId: number;
  to: string;
  /** Fields the server returned for the moved card (version, light…); absent while optimistic. */
  patch?: Partial<CardData>;
}

/** What one card contributes to its cell's sums. */
export function cardSums(card: CardData): CellSums {
  if (card.kind === 'projects') {
    return {
      count: 1,
      totalInvestment: card.totalInvestment,
      plannedInvestmentThisYear: card.plannedInvestmentThisYear,
      completedInvestment: card.completedInvestment,
      red: card.light === 'red' ? 1 : 0,
      yellow: card.light === 'yellow' ? 1 : 0,
      grey: card.light === 'grey' ? 1 : 0,
    };
  }
  return { count: 1, totalInvestment: card.intendedInvestment, overdue: card.overdue ? 1 : 0 };
}

export function addSums(a: CellSums, b: CellSums, sign: 1 | -1 = 1): CellSums {
  const out: CellSums = { ...a };
  for (const key of Object.keys(b) as Array<keyof CellSums>) out[key] = (a[key] ?? 0) + sign * (b[key] ?? 0);
  return out;
}

export function findCard(state: BoardState, laneKey: string, cardId: number): CardData | undefined {
  return state.lanes
    .find((lane) => lane.key === laneKey)
    ?.cells.flatMap((cell) => cell.cards)
    .find((card) => card.id === cardId);
}

export function applyMove(state: BoardState, move: CardMove): BoardState {
  const card = findCard(state, move.laneKey, move.cardId);
  if (!card) return state;
  const moved = { ...card, ...move.patch, stage: move.to, daysInStage: 0 } as CardData;
  const before = cardSums(card);
  const after = cardSums(moved);
  const lanes = state.lanes.map((lane) => {
    if (lane.key !== move.laneKey) return lane;
    return {
      ...lane,
      cells: lane.cells.map((cell) => {
        if (cell.stage === card.stage && cell.stage !== move.to) {
          return { ...cell, sums: addSums(cell.sums, before, -1), cards: cell.cards.filter((c) => c.id !== card.id) };
        }
        if (cell.stage === move.to) {
          const rest = cell.cards.filter((c) => c.id !== card.id);
          const sums =
            cell.stage === card.stage ? addSums(addSums(cell.sums, before, -1), after) : addSums(cell.sums, after);
          return { ...cell, sums, cards: [moved, ...rest] };
        }
        return cell;
      }),
    };
  });
  const columns = state.columns.map((column) => {
    if (column.stage === card.stage && column.stage !== move.to)
      return { ...column, sums: addSums(column.sums, before, -1) };
    if (column.stage === move.to)
      return {
        ...column,
        sums: addSums(column.stage === card.stage ? addSums(column.sums, before, -1) : column.sums, after),
      };
    return column;
  });
  return { lanes, columns };
}

/** Appends a fetched page to a cell, skipping cards already shown (a card moved in meanwhile). */
export function appendCards(state: BoardState, laneKey: string, stage: string, cards: CardData[]): BoardState {
  return {
    ...state,
    lanes: state.lanes.map((lane) =>
      lane.key !== laneKey
        ? lane
        : {
            ...lane,
            cells: lane.cells.map((cell) => {
              if (cell.stage !== stage) return cell;
              const seen = new Set(cell.cards.map((c) => c.id));
              return { ...cell, cards: [...cell.cards, ...cards.filter((c) => !seen.has(c.id))] };
            }),
          },
    ),
  };
}
