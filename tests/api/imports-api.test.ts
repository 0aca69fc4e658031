import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { POST } from '@/app/api/v1/imports/projects/route';
import { getDb } from '@/db';
import { projects } from '@/db/schema';
import { call, loginAs, seedOnce } from '../support/api';
import { commitProjects, previewProjects } from '../support/imports';
import { BASIC_HEADER, workbookBuffer } from '../support/xlsx';

beforeAll(async () => {
  await seedOnce();
});

const preview = (cookie: string, bytes: Uint8Array) => previewProjects(cookie, bytes);

describe('POST /api/v1/imports/projects', () => {
  it('previews, then commits in one go (201) and the project exists', async () => {
    const cookie = await loginAs('officer');
    const bytes = await workbookBuffer([BASIC_HEADER, ['接口导入项目', '政府投资', '昌邑区', 321, '2026-05-01']]);
    const previewed = await preview(cookie, bytes);
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({
      fileName: 'api.xlsx',
      counts: { create: 1, update: 0, unchanged: 0, error: 0 },
      rows: [{ row: 2, action: 'create', name: '接口导入项目' }],
    });
    const committed = await commitProjects(cookie, previewed.body.previewId);
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ created: 1, updated: 0, skipped: 0 });
    expect(getDb().select().from(projects).where(eq(projects.name, '接口导入项目')).get()).toMatchObject({
      totalInvestment: 321,
    });
    const again = await commitProjects(cookie, previewed.body.previewId);
    expect(again.status).toBe(404);
  });

  it('a file with error rows: commit is refused (400) and writes nothing; validOnly=true imports the rest', async () => {
    const cookie = await loginAs('officer');
    const bytes = await workbookBuffer([
      BASIC_HEADER,
      ['接口有效行', '政府投资', '昌邑区', 1, '2026-05-01'],
      ['接口错误行', '政府投资', '昌邑区', -1, '2026-05-01'],
    ]);
    const previewed = await preview(cookie, bytes);
    expect(previewed.body.errors).toEqual([{ row: 3, column: '总投资（万元）', message: '金额不能为负数' }]);
    const refused = await commitProjects(cookie, previewed.body.previewId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('未导入任何数据');
    expect(getDb().select().from(projects).where(eq(projects.name, '接口有效行')).get()).toBeUndefined();
    const partial = await commitProjects(cookie, previewed.body.previewId, true);
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ created: 1, skipped: 1 });
  });

  it('400 for a bad mode, a missing body or a corrupt file; 413 over 20 MB; 403 for investment; 401 anonymous', async () => {
    const cookie = await loginAs('admin');
    expect((await call(POST, { method: 'POST', path: '/api/v1/imports/projects?mode=delete', cookie })).status).toBe(
      400,
    );
    expect((await call(POST, { method: 'POST', path: '/api/v1/imports/projects?mode=preview', cookie })).status).toBe(
      400,
    );
    const corrupt = await preview(cookie, new TextEncoder().encode('hello'));
    expect(corrupt.status).toBe(415);
    expect(corrupt.body.error.message).toContain('不是有效的 Excel');
    const huge = await call(POST, {
      method: 'POST',
      path: '/api/v1/imports/projects?mode=preview',
      cookie,
      rawBody: new Uint8Array(1),
      headers: { 'content-length': String(30 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    const bytes = await workbookBuffer([BASIC_HEADER]);
    expect((await preview(await loginAs('investment'), bytes)).status).toBe(403);
    expect((await preview('', bytes)).status).toBe(401);
    expect(
      (
        await call(POST, {
          method: 'POST',
          path: '/api/v1/imports/projects?mode=commit&previewId=00000000-0000-4000-8000-000000000000',
          cookie,
        })
      ).status,
    ).toBe(404);
  });
});
