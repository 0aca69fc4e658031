import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { call, loginAs, seedOnce, uniqueName, userId } from '../support/api';
import { dbChecksum } from '../support/db-checksum';
import { getDb } from '@/db';
import { auditLog, projects, savedViews, users } from '@/db/schema';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/views/route';
import { DELETE as deleteRoute } from '@/app/api/v1/views/[id]/route';
import { sumProjects } from '@/db/queries/project-filters';
import { parseFiltersLenient, projectFilterSchema } from '@/lib/schemas/filters';
import { quickFilters } from '@/lib/views/quick-filters';
import type { Actor } from '@/lib/rules/permissions';

// Saved views (GET/POST /api/v1/views, DELETE /api/v1/views/:id) and the quick-filter chips.

beforeAll(async () => {
  await seedOnce();
});

const post = async (body: Record<string, unknown>, as = 'officer') =>
  call(createRoute, { method: 'POST', cookie: await loginAs(as), body });
const list = async (as: string, query = '') =>
  call(listRoute, { cookie: await loginAs(as), path: `/api/v1/views${query}` });
const remove = async (id: number, as: string) =>
  call(deleteRoute, { method: 'DELETE', cookie: await loginAs(as), params: { id: String(id) } });

describe('saving a view', () => {
  it('keeps the name, page and normalized query, with an audit row, and lists it for its owner only', async () => {
    const name = uniqueName('昌邑红灯');
    const result = await post({ name, page: 'projects', query: '?light=red&page=3&q=&unitId=5' });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ name, page: 'projects', query: 'light=red&unitId=5', shared: false });
    expect(result.body.href).toBe('/projects?light=red&unitId=5');
    expect(result.body.deletable).toBe(true);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'saved_view'), eq(auditLog.entityId, result.body.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('create');

    const mine = await list('officer', '?page=projects');
    expect(mine.body.map((v: { id: number }) => v.id)).toContain(result.body.id);
    const theirs = await list('officer2', '?page=projects');
    expect(theirs.body.map((v: { id: number }) => v.id)).not.toContain(result.body.id);
    // Another page's list does not hold it.
    const board = await list('officer', '?page=board');
    expect(board.body.map((v: { id: number }) => v.id)).not.toContain(result.body.id);
  });

  it('refuses bad input with Chinese field messages and writes nothing', async () => {
    const before = dbChecksum();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '', page: 'projects', query: '' }, 'name'],
      [{ name: '名'.repeat(41), page: 'projects', query: '' }, 'name'],
      [{ name: '视图', page: 'dashboard', query: '' }, 'page'],
      [{ name: '视图', page: 'projects', query: 'evil=1' }, 'query'],
      [{ name: '视图', page: 'leads', query: 'light=red' }, 'query'],
      [{ name: '视图', page: 'projects', query: `q=${'x'.repeat(1001)}` }, 'query'],
      [{ name: '视图', page: 'projects', query: '', shared: 'maybe' }, 'shared'],
    ];
    for (const [body, field] of cases) {
      const result = await post(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.fields[field], JSON.stringify(body)).toBeDefined();
      expect(result.body.error.fields[field].join()).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(dbChecksum()).toEqual(before);
  });

  it('refuses a second view of the same name on the same page (409), not on another page', async () => {
    const name = uniqueName('重名');
    expect((await post({ name, page: 'board', query: 'light=yellow' })).status).toBe(201);
    const before = dbChecksum();
    const again = await post({ name, page: 'board', query: 'light=red' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields.name).toBeDefined();
    expect(dbChecksum()).toEqual(before);
    expect((await post({ name, page: 'projects', query: 'light=red' })).status).toBe(201);
  });

  it('needs a session', async () => {
    const result = await call(createRoute, { method: 'POST', body: { name: 'x', page: 'projects', query: '' } });
    expect(result.status).toBe(401);
  });
});

describe('sharing', () => {
  it('is refused to officers and investment staff (403), nothing written', async () => {
    for (const as of ['officer', 'investment']) await loginAs(as); // a first sign-in writes its audit row
    const before = dbChecksum();
    for (const as of ['officer', 'investment']) {
      const result = await post({ name: uniqueName('共享'), page: 'leads', query: '', shared: true }, as);
      expect(result.status, as).toBe(403);
    }
    expect(dbChecksum()).toEqual(before);
  });

  it('by a leader shows the view to everyone; only the leader or an admin deletes it', async () => {
    const name = uniqueName('3月调度会红灯项目');
    const created = await post({ name, page: 'board', query: 'light=red', shared: true }, 'leader');
    expect(created.status).toBe(201);
    expect(created.body.shared).toBe(true);
    for (const as of ['officer', 'officer2', 'investment', 'admin', 'leader_liu']) {
      const views = (await list(as, '?page=board')).body as Array<{
        id: number;
        deletable: boolean;
        ownerName: string;
      }>;
      const found = views.find((v) => v.id === created.body.id);
      expect(found, as).toBeDefined();
      expect(found!.ownerName).toBe('王建国');
      expect(found!.deletable, as).toBe(as === 'admin');
    }
    const before = dbChecksum();
    expect((await remove(created.body.id, 'officer')).status).toBe(403);
    expect((await remove(created.body.id, 'leader_liu')).status).toBe(403);
    expect(dbChecksum()).toEqual(before);
    expect((await remove(created.body.id, 'admin')).status).toBe(200);
    expect(getDb().select().from(savedViews).where(eq(savedViews.id, created.body.id)).all()).toHaveLength(0);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'saved_view'), eq(auditLog.entityId, created.body.id)))
      .all();
    expect(audit.map((row) => row.action).sort()).toEqual(['create', 'delete']);
  });

  it('accepts a form checkbox value from an admin', async () => {
    const result = await post(
      { name: uniqueName('共享'), page: 'leads_board', query: 'stage=signed', shared: 'on' },
      'admin',
    );
    expect(result.status).toBe(201);
    expect(result.body.shared).toBe(true);
  });
});

describe('deleting', () => {
  it('by its owner works; another user gets 404 for a private view and the view stays', async () => {
    const created = await post({ name: uniqueName('私有'), page: 'leads', query: 'overdue=1' }, 'investment');
    const before = dbChecksum();
    expect((await remove(created.body.id, 'officer')).status).toBe(404);
    expect((await remove(created.body.id, 'leader')).status).toBe(404);
    expect(dbChecksum()).toEqual(before);
    expect((await remove(created.body.id, 'investment')).status).toBe(200);
    expect((await remove(created.body.id, 'investment')).status).toBe(404);
  });

  it('of a missing or malformed id is 404', async () => {
    expect((await remove(99_999_999, 'admin')).status).toBe(404);
    const bad = await call(deleteRoute, { method: 'DELETE', cookie: await loginAs('admin'), params: { id: 'abc' } });
    expect(bad.status).toBe(404);
  });
});

describe('quick-filter chips', () => {
  const actorOf = (username: string): Actor => {
    const row = getDb().select().from(users).where(eq(users.username, username)).get()!;
    return { id: row.id, role: row.role, unitId: row.unitId };
  };
  const direct = (where: ReturnType<typeof sql>) =>
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .where(where)
      .get()!.n;

  it('each give the same total as the equivalent filter, checked against direct SQL', () => {
    for (const username of ['officer', 'officer2', 'leader', 'admin', 'investment']) {
      const actor = actorOf(username);
      const chips = quickFilters(actor);
      expect(chips.map((c) => c.key)).toContain('red');
      expect(chips.some((c) => c.key === 'mine')).toBe(actor.role === 'officer');
      expect(chips.some((c) => c.key === 'leader')).toBe(actor.role === 'leader');
      expect(chips.some((c) => c.key === 'unit')).toBe(actor.unitId != null);
      for (const chip of chips) {
        const filters = parseFiltersLenient(projectFilterSchema, { [chip.param]: chip.value });
        const total = sumProjects(filters).count;
        const expected = {
          red: direct(sql`${projects.light} = 'red'`),
          yellow: direct(sql`${projects.light} = 'yellow'`),
          mine: direct(sql`${projects.ownerId} = ${actor.id}`),
          unit: direct(sql`${projects.unitId} = ${actor.unitId}`),
          leader: direct(sql`${projects.leaderId} = ${actor.id}`),
          overridden: direct(sql`${projects.approvalsOverridden} = 1`),
        }[chip.key];
        expect(total, `${username} ${chip.key}`).toBe(expected);
      }
    }
  });

  it('are not empty on the demo: 红灯, 我的, 我包保的 and 未批先建 each find projects', () => {
    const count = (username: string, key: string) => {
      const chip = quickFilters(actorOf(username)).find((c) => c.key === key)!;
      return sumProjects(parseFiltersLenient(projectFilterSchema, { [chip.param]: chip.value })).count;
    };
    expect(count('leader', 'red')).toBeGreaterThan(0);
    expect(count('officer', 'mine')).toBeGreaterThan(0);
    expect(count('leader', 'leader')).toBeGreaterThan(0);
    expect(count('leader', 'overridden')).toBe(1);
    expect(userId('leader')).toBeGreaterThan(0);
  });
});
