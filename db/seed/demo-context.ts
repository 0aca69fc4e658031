import type { Tx } from '../index';
import type { users, units, industries } from '../schema';
import type { Stage } from '@/lib/rules/enums';

// What every part of the demo seed shares: the pinned day, one PRNG whose draws must stay in the
// same order (the demo is deterministic for a given `today`), and the rows seeded first.

type User = typeof users.$inferSelect;

export type Rand = ReturnType<typeof prng>;

export interface DemoContext {
  tx: Tx;
  rand: Rand;
  today: string;
  unitByName: Map<string, typeof units.$inferSelect>;
  industryByName: Map<string, typeof industries.$inferSelect>;
  leaders: User[];
  officersByUnit: Map<number, number[]>;
  investmentUsers: User[];
  admin: User;
}

export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
  };
}

/** The drawn figures of one demo project that its plans, history and checklists are built from. */
export interface DrawnProject {
  id: number;
  stage: Stage;
  stageIdx: number;
  total: number;
  planned: number;
  completed: number;
  createdDate: string;
  createdDaysAgo: number;
  enteredDate: string;
  enteredDaysAgo: number;
  dueOffset: number;
  stageDue: string | null;
  ownerId: number | null;
}

/** A demo timestamp: the day at a whole hour, UTC. */
export function demoTimestamp(date: string, hour = 9): string {
  return `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}
