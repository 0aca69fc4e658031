import { describe, expect, it } from 'vitest';
import { appendCards, applyMove, type BoardState } from '@/components/board/board-state';
import type { ProjectCardData } from '@/lib/board-types';

const card = (id: number, stage: ProjectCardData['stage'], over: Partial<ProjectCardData> = {}): ProjectCardData => ({
  kind: 'projects',
  id,
  stage,
  version: 1,
  name: `项目${id}`,
  unitName: '昌邑区',
  category: 'government',
  shuangshi: false,
  totalInvestment: 100 * id,
  plannedInvestmentThisYear: 10 * id,
  completedInvestment: id,
  daysInStage: 30,
  leaderName: null,
  light: 'green',
  lightReasons: [],
  approvalsOverridden: false,
  openSupervisions: 0,
  movable: true,
  ...over,
});

function state(): BoardState {
  const a = card(1, 'approvals', { light: 'red' });
  const b = card(2, 'approvals');
  const sums = (cards: ProjectCardData[]) => ({
    count: cards.length,
    totalInvestment: cards.reduce((n, c) => n + c.totalInvestment, 0),
    plannedInvestmentThisYear: cards.reduce((n, c) => n + c.plannedInvestmentThisYear, 0),
    completedInvestment: cards.reduce((n, c) => n + c.completedInvestment, 0),
    red: cards.filter((c) => c.light === 'red').length,
    yellow: cards.filter((c) => c.light === 'yellow').length,
  });
  return {
    lanes: [
      {
        key: 'all',
        label: null,
        laneQuery: '',
        cells: [
          { stage: 'approvals', sums: sums([a, b]), cards: [a, b] },
          { stage: 'construction', sums: sums([]), cards: [] },
        ],
      },
    ],
    columns: [
      { stage: 'approvals', sums: sums([a, b]) },
      { stage: 'construction', sums: sums([]) },
    ],
  };
}

describe('applyMove', () => {
  it('moves the card and its money and light between the two columns', () => {
    const next = applyMove(state(), { laneKey: 'all', cardId: 1, to: 'construction' });
    expect(next.lanes[0].cells[0].cards.map((c) => c.id)).toEqual([2]);
    expect(next.lanes[0].cells[1].cards.map((c) => c.id)).toEqual([1]);
    expect(next.columns[0].sums).toEqual({
      count: 1,
      totalInvestment: 200,
      plannedInvestmentThisYear: 20,
      completedInvestment: 2,
      red: 0,
      yellow: 0,
      grey: 0,
    });
    expect(next.columns[1].sums).toEqual({
      count: 1,
      totalInvestment: 100,
      plannedInvestmentThisYear: 10,
      completedInvestment: 1,
      red: 1,
      yellow: 0,
      grey: 0,
    });
  });

  it('uses the light the server returned for the moved card', () => {
    const next = applyMove(state(), {
      laneKey: 'all',
      cardId: 1,
      to: 'construction',
      patch: { light: 'yellow', version: 2 },
    });
    expect(next.columns[1].sums).toMatchObject({ red: 0, yellow: 1 });
    expect(next.lanes[0].cells[1].cards[0]).toMatchObject({ version: 2, stage: 'construction', daysInStage: 0 });
  });

  it('leaves the board alone for an unknown card', () => {
    const before = state();
    expect(applyMove(before, { laneKey: 'all', cardId: 99, to: 'construction' })).toBe(before);
  });
});

describe('appendCards', () => {
  it('skips cards already shown', () => {
    const next = appendCards(state(), 'all', 'approvals', [card(2, 'approvals'), card(3, 'approvals')]);
    expect(next.lanes[0].cells[0].cards.map((c) => c.id)).toEqual([1, 2, 3]);
  });
});
