import { beforeAll, describe, expect, it } from 'vitest';
import { seedOnce, userId } from '../support/api';
import { leadBoard, listLeadCards, listProjectCards, projectBoard } from '@/domain/board';
import { COLUMN_PAGE_SIZE, LANE_PAGE_SIZE, RENDERED_LANES } from '@/lib/schemas/board';
import type { Actor } from '@/lib/rules/permissions';
import type { LeadStage, Stage } from '@/lib/rules/enums';

// The board's first render: the first page of every column, or of every cell of the first
// RENDERED_LANES swimlanes, read cell by cell. Each must be exactly the cell's first 加载更多 page
// (same cards, same order); the other swimlanes carry their sums and no cards.

beforeAll(() => seedOnce());

const leader = (): Actor => ({ id: userId('leader'), role: 'leader', unitId: null });
const ids = (cards: Array<{ id: number }>) => cards.map((card) => card.id);

describe('the project board’s first cards', () => {
  it('each column holds the first page that 加载更多 would read', () => {
    const { lanes } = projectBoard(leader(), {}, undefined, COLUMN_PAGE_SIZE);
    expect(lanes).toHaveLength(1);
    expect(lanes[0].deferred).toBeUndefined();
    let shown = 0;
    for (const cell of lanes[0].cells) {
      const page = listProjectCards(leader(), {}, { stage: cell.stage as Stage, page: 1, pageSize: COLUMN_PAGE_SIZE });
      expect(ids(cell.cards)).toEqual(ids(page.items));
      shown += cell.cards.length;
    }
    expect(shown).toBeGreaterThan(COLUMN_PAGE_SIZE);
  });

  it.each(['unit', 'category', 'leader'] as const)(
    'by %s: the first lanes come with their cards, the rest with sums only',
    (lane) => {
      const { lanes } = projectBoard(leader(), {}, lane, LANE_PAGE_SIZE);
      // Three categories fit; units and leaders are many more than the rendered lanes.
      expect(lanes.length).toBeGreaterThan(lane === 'category' ? 1 : RENDERED_LANES);
      lanes.forEach((row, index) => {
        expect(row.cells.some((cell) => cell.sums.count > 0)).toBe(true);
        if (index >= RENDERED_LANES) {
          expect(row.deferred).toBe(true);
          expect(row.cells.every((cell) => cell.cards.length === 0)).toBe(true);
          return;
        }
        expect(row.deferred).toBeUndefined();
        for (const cell of row.cells) {
          const page = listProjectCards(
            leader(),
            {},
            { stage: cell.stage as Stage, lane, laneValue: row.key, page: 1, pageSize: LANE_PAGE_SIZE },
          );
          expect(page.total).toBe(cell.sums.count);
          expect(ids(cell.cards)).toEqual(ids(page.items));
        }
      });
    },
  );

  it('a filter that leaves one lane renders it', () => {
    const { lanes } = projectBoard(leader(), { light: 'red' }, 'category', LANE_PAGE_SIZE);
    expect(lanes.length).toBeGreaterThan(0);
    expect(lanes[0].deferred).toBeUndefined();
    expect(lanes[0].cells.some((cell) => cell.cards.length > 0)).toBe(true);
    for (const cell of lanes[0].cells)
      expect(cell.cards.every((card) => card.kind === 'projects' && card.light === 'red')).toBe(true);
  });
});

describe('the leads board’s first cards', () => {
  const investment = (): Actor => ({ id: userId('investment'), role: 'investment', unitId: null });

  it('each column holds the first page that 加载更多 would read', () => {
    const { lanes } = leadBoard(investment(), {}, undefined, COLUMN_PAGE_SIZE);
    let shown = 0;
    for (const cell of lanes[0].cells) {
      const page = listLeadCards(
        investment(),
        {},
        { stage: cell.stage as LeadStage, page: 1, pageSize: COLUMN_PAGE_SIZE },
      );
      expect(ids(cell.cards)).toEqual(ids(page.items));
      shown += cell.cards.length;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it.each(['owner', 'industry'] as const)('by %s: rendered lanes match 加载更多, the rest are deferred', (lane) => {
    const { lanes } = leadBoard(investment(), {}, lane, LANE_PAGE_SIZE);
    expect(lanes.length).toBeGreaterThan(0);
    lanes.forEach((row, index) => {
      expect(row.deferred).toBe(index >= RENDERED_LANES ? true : undefined);
      for (const cell of row.cells) {
        if (row.deferred) {
          expect(cell.cards).toHaveLength(0);
          continue;
        }
        const page = listLeadCards(
          investment(),
          {},
          { stage: cell.stage as LeadStage, lane, laneValue: row.key, page: 1, pageSize: LANE_PAGE_SIZE },
        );
        expect(ids(cell.cards)).toEqual(ids(page.items));
      }
    });
  });
});
