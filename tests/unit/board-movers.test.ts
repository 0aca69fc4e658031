import { describe, expect, it } from 'vitest';
import { createMover, refusesDrop } from '@/components/board/movers';
import type { BoardMoveAction } from '@/components/board/movers';
import type { CardData } from '@/lib/board-types';

// Which cells are dimmed while a card is dragged: the same rules that decide the moves it may make.

const noAction = (async () => ({ ok: true })) as unknown as BoardMoveAction;
const projectCard = (stage: string) => ({ kind: 'projects', id: 7, stage, movable: true }) as unknown as CardData;
const leadCard = (stage: string) => ({ kind: 'leads', id: 9, stage, movable: true }) as unknown as CardData;

describe('refusesDrop', () => {
  const projects = createMover('projects', noAction);
  const leads = createMover('leads', noAction);

  it('refuses nothing when no card is dragged', () => {
    expect(refusesDrop(projects, null, 'all', 'operating')).toBe(false);
  });

  it('a project may go one stage on or back to any earlier stage, never skip ahead', () => {
    const dragged = { card: projectCard('approvals'), laneKey: 'all' };
    const refused = ['reserve', 'signed', 'approvals', 'construction', 'completed', 'operating'].filter((stage) =>
      refusesDrop(projects, dragged, 'all', stage),
    );
    expect(refused).toEqual(['completed', 'operating']);
  });

  it('a project in 谋划储备 may skip 已签约 into 前期手续', () => {
    const dragged = { card: projectCard('reserve'), laneKey: 'all' };
    expect(refusesDrop(projects, dragged, 'all', 'approvals')).toBe(false);
    expect(refusesDrop(projects, dragged, 'all', 'construction')).toBe(true);
  });

  it('another swimlane refuses every stage, the own stage included', () => {
    const dragged = { card: projectCard('approvals'), laneKey: 'unit:1' };
    expect(refusesDrop(projects, dragged, 'unit:2', 'construction')).toBe(true);
    expect(refusesDrop(projects, dragged, 'unit:2', 'approvals')).toBe(true);
    expect(refusesDrop(projects, dragged, 'unit:1', 'construction')).toBe(false);
  });

  it('on the leads board only forward moves without a reason are accepted', () => {
    const dragged = { card: leadCard('contacting'), laneKey: 'all' };
    const refused = ['prospect', 'contacting', 'negotiating', 'signed', 'landed', 'dropped'].filter((stage) =>
      refusesDrop(leads, dragged, 'all', stage),
    );
    expect(refused).toEqual(['prospect', 'landed', 'dropped']);
  });
});
