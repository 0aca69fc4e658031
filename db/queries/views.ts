import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import { savedViews, users } from '../schema';
import type { ViewPage } from '@/lib/rules/enums';

// Reads behind saved views: a user's own views and everyone's shared ones.

const viewColumns = {
  id: savedViews.id,
  userId: savedViews.userId,
  ownerName: users.name,
  name: savedViews.name,
  page: savedViews.page,
  query: savedViews.query,
  shared: savedViews.shared,
  createdAt: savedViews.createdAt,
};
export type SavedViewRow = {
  id: number;
  userId: number;
  ownerName: string | null;
  name: string;
  page: ViewPage;
  query: string;
  shared: boolean;
  createdAt: string;
};

/** The user's own views and the shared ones, own first, then by name. */
export function listVisibleViews(userId: number, page?: ViewPage, db: Executor = getDb()): SavedViewRow[] {
  return db
    .select(viewColumns)
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.userId))
    .where(
      and(or(eq(savedViews.userId, userId), eq(savedViews.shared, true)), page ? eq(savedViews.page, page) : undefined),
    )
    .orderBy(
      desc(sql`${savedViews.userId} = ${userId}`),
      asc(savedViews.page),
      asc(savedViews.name),
      asc(savedViews.id),
    )
    .all();
}

export function findView(id: number, db: Executor = getDb()): SavedViewRow | undefined {
  return db
    .select(viewColumns)
    .from(savedViews)
    .leftJoin(users, eq(users.id, savedViews.userId))
    .where(eq(savedViews.id, id))
    .get();
}

export function countOwnViews(userId: number, page: ViewPage, db: Executor = getDb()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(savedViews)
      .where(and(eq(savedViews.userId, userId), eq(savedViews.page, page)))
      .get()?.n ?? 0
  );
}

export function findOwnViewByName(userId: number, page: ViewPage, name: string, db: Executor = getDb()) {
  return db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.page, page), eq(savedViews.name, name)))
    .get();
}
