import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { GET as getProject } from '@/app/api/v1/projects/[id]/route';
import { GET as listTasks, POST as createTaskRoute } from '@/app/api/v1/projects/[id]/tasks/route';
import { PATCH as patchTask } from '@/app/api/v1/tasks/[id]/route';
import { GET as listReports, POST as createReportRoute } from '@/app/api/v1/projects/[id]/reports/route';
import { POST as uploadPhoto } from '@/app/api/v1/reports/[id]/photos/route';
import { GET as getPhoto } from '@/app/api/v1/photos/[id]/route';
import { addDaysIso, monthOf, previousMonth, today } from '@/lib/rules/dates';
import { PNG_BYTES } from '../security/fixtures';

let changyi: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

const newProject = (overrides: Record<string, unknown> = {}) =>
  createProjectAs('officer', { name: uniqueName('清单测试'), category: 'attraction', unitId: changyi, ...overrides });

describe('tasks', () => {
  it('creates, lists with overdue, completes with version, and turns the light', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const params = { id: String(project.id) };
    const overdueDate = addDaysIso(today(), -3);
    const created = await call(createTaskRoute, {
      method: 'POST',
      cookie,
      params,
      body: { title: '完成土地摘牌', ownerId: userId('officer'), dueDate: overdueDate },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: '完成土地摘牌',
      state: 'open',
      overdue: true,
      version: 1,
      projectId: project.id,
    });
    const red = await call(getProject, { cookie, params });
    expect(red.body.light).toBe('red');
    expect(red.body.lightReasons.join()).toContain('完成土地摘牌');

    const list = await call(listTasks, { cookie, params });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0].overdue).toBe(true);

    const taskParams = { id: String(created.body.id) };
    const done = await call(patchTask, {
      method: 'PATCH',
      cookie,
      params: taskParams,
      body: { state: 'done', version: 1 },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', overdue: false, version: 2 });
    expect(done.body.doneAt).toBeTruthy();
    expect((await call(getProject, { cookie, params })).body.light).toBe('green');

    const stale = await call(patchTask, {
      method: 'PATCH',
      cookie,
      params: taskParams,
      body: { state: 'open', version: 1 },
    });
    expect(stale.status).toBe(409);
  });

  it('rejects bad input, strangers and unknown records', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const params = { id: String(project.id) };
    const bad = await call(createTaskRoute, {
      method: 'POST',
      cookie,
      params,
      body: { title: '', dueDate: '2018-02-31' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['dueDate', 'title']);
    const badOwner = await call(createTaskRoute, {
      method: 'POST',
      cookie,
      params,
      body: { title: '甲', dueDate: today(), ownerId: 999999 },
    });
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.error.fields.ownerId).toBeDefined();
    expect(
      (
        await call(createTaskRoute, {
          method: 'POST',
          cookie: await loginAs('officer2'),
          params,
          body: { title: '越权', dueDate: today() },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(createTaskRoute, {
          method: 'POST',
          cookie,
          params: { id: '999999' },
          body: { title: '甲', dueDate: today() },
        })
      ).status,
    ).toBe(404);
    const task = (
      await call(createTaskRoute, { method: 'POST', cookie, params, body: { title: '乙', dueDate: today() } })
    ).body;
    expect(
      (
        await call(patchTask, {
          method: 'PATCH',
          cookie: await loginAs('officer2'),
          params: { id: String(task.id) },
          body: { state: 'done', version: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(patchTask, {
          method: 'PATCH',
          cookie,
          params: { id: String(task.id) },
          body: { state: 'closed', version: 1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(patchTask, {
          method: 'PATCH',
          cookie,
          params: { id: '999999' },
          body: { state: 'done', version: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await call(listTasks, { cookie, params: { id: '999999' } })).status).toBe(404);
  });
});

describe('reports', () => {
  it('derives the cumulative figure, updates the project, and refuses a second report for the month with 409', async () => {
    const project = await newProject({ completedInvestment: 1000 });
    const cookie = await loginAs('officer');
    const params = { id: String(project.id) };
    const thisMonth = monthOf(today());
    const first = await call(createReportRoute, {
      method: 'POST',
      cookie,
      params,
      body: {
        month: previousMonth(thisMonth),
        investmentThisMonth: 300,
        progressPercent: 10,
        narrative: '完成场地平整',
      },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      cumulativeInvestment: 1300,
      investmentThisMonth: 300,
      progressPercent: 10,
      createdBy: userId('officer'),
    });
    const second = await call(createReportRoute, {
      method: 'POST',
      cookie,
      params,
      body: { month: thisMonth, investmentThisMonth: 200, progressPercent: 15, narrative: '主体施工' },
    });
    expect(second.body.cumulativeInvestment).toBe(1500);
    expect((await call(getProject, { cookie, params })).body.completedInvestment).toBe(1500);

    const again = await call(createReportRoute, {
      method: 'POST',
      cookie,
      params,
      body: { month: thisMonth, investmentThisMonth: 1, progressPercent: 16 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect((await call(getProject, { cookie, params })).body.completedInvestment).toBe(1500);

    const list = await call(listReports, { cookie, params });
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((r: any) => r.month)).toEqual([thisMonth, previousMonth(thisMonth)]);
  });

  it('rejects bad months, percentages and money, future months, and strangers', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const params = { id: String(project.id) };
    const bad = await call(createReportRoute, {
      method: 'POST',
      cookie,
      params,
      body: { month: '2018-13', investmentThisMonth: -1, progressPercent: 101 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['investmentThisMonth', 'month', 'progressPercent']);
    const future = await call(createReportRoute, {
      method: 'POST',
      cookie,
      params,
      body: { month: `${Number(today().slice(0, 4)) + 1}-01`, investmentThisMonth: 1, progressPercent: 1 },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.month).toEqual(['不能填报未来月份']);
    expect(
      (
        await call(createReportRoute, {
          method: 'POST',
          cookie: await loginAs('officer2'),
          params,
          body: { month: monthOf(today()), investmentThisMonth: 1, progressPercent: 1 },
        })
      ).status,
    ).toBe(403);
    expect((await call(createReportRoute, { method: 'POST', cookie, params, rawBody: '{bad' })).status).toBe(400);
  });

  it('takes photos checked by content, up to six, served only to signed-in users', async () => {
    const project = await newProject();
    const cookie = await loginAs('officer');
    const report = (
      await call(createReportRoute, {
        method: 'POST',
        cookie,
        params: { id: String(project.id) },
        body: { month: monthOf(today()), investmentThisMonth: 5, progressPercent: 5 },
      })
    ).body;
    // A real 1×1 PNG: photos are read (dimensions, thumbnail), not only sniffed.
    const png = PNG_BYTES;
    const params = { id: String(report.id) };
    const fake = await call(uploadPhoto, {
      method: 'POST',
      cookie,
      params,
      rawBody: new TextEncoder().encode('MZ this is not a photo'),
      headers: { 'content-type': 'image/png' },
    });
    expect(fake.status).toBe(415);
    const uploaded = await call(uploadPhoto, {
      method: 'POST',
      cookie,
      params,
      rawBody: png,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.mime).toBe('image/png');
    const stranger = await call(uploadPhoto, {
      method: 'POST',
      cookie: await loginAs('officer2'),
      params,
      rawBody: png,
    });
    expect(stranger.status).toBe(403);
    for (let i = 0; i < 5; i++)
      expect((await call(uploadPhoto, { method: 'POST', cookie, params, rawBody: png })).status).toBe(201);
    const seventh = await call(uploadPhoto, { method: 'POST', cookie, params, rawBody: png });
    expect(seventh.status).toBe(400);
    // Six photos, each with its thumbnail; the refused seventh left no file behind.
    const files = fs
      .readdirSync(`${process.env.DATABASE_PATH!.replace(/test\.db$/, '')}photos`)
      .filter((f) => f.startsWith(`${report.id}-`));
    expect(files.filter((f) => !f.endsWith('.thumb.webp'))).toHaveLength(6);
    expect(files.filter((f) => f.endsWith('.thumb.webp'))).toHaveLength(6);

    const served = await fetchPhoto(uploaded.body.id, await loginAs('investment'));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await fetchPhoto(uploaded.body.id, null)).status).toBe(401);
    expect((await fetchPhoto(999999, cookie)).status).toBe(404);
  });
});

async function fetchPhoto(photoId: number, cookie: string | null) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return getPhoto(new Request(`http://localhost/api/v1/photos/${photoId}`, { headers }), {
    params: Promise.resolve({ id: String(photoId) }),
  });
}
