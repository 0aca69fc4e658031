import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { leads } from '@/db/schema';
import { POST as leadImport } from '@/app/api/v1/imports/leads/route';
import { GET as templateGet } from '@/app/(app)/import/template/route';
import { POST as uploadPost } from '@/app/(app)/import/upload/route';
import { POST as commitPost } from '@/app/(app)/import/commit/route';
import { GET as jobGet } from '@/app/(app)/import/jobs/[id]/route';
import { call, loginAs, seedOnce } from '../support/api';
import { workbookBuffer } from '../support/xlsx';

// POST /api/v1/imports/leads and the /import page's routes for leads. Both run the real import
// worker process, as the server does.

const HEADER = ['企业名称', '拟建项目', '意向投资(万元)', '阶段'];

beforeAll(async () => {
  await seedOnce();
});

async function post(cookie: string, query: string, bytes?: Uint8Array) {
  return call(leadImport, {
    method: 'POST',
    cookie,
    path: `/api/v1/imports/leads?${query}`,
    rawBody: bytes ?? new Uint8Array(),
    headers: { 'content-type': 'application/octet-stream' },
  });
}

async function waitForJob(cookie: string, jobId: string) {
  for (let i = 0; i < 300; i++) {
    const result = await call(jobGet, { cookie, params: { id: jobId } });
    if (['ready', 'done', 'failed'].includes(result.body.phase)) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('job did not finish');
}

describe('POST /api/v1/imports/leads', () => {
  it('previews, then commits (201) and the leads exist', async () => {
    const cookie = await loginAs('investment');
    const bytes = await workbookBuffer([
      HEADER,
      ['接口导入企业', '智能装备项目', 3000, '洽谈'],
      // Another enterprise: 首报首谈 keeps one open lead per enterprise.
      ['接口导入二厂', '', 500, ''],
    ]);
    const preview = await post(cookie, 'mode=preview&fileName=线索.xlsx', bytes);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      kind: 'leads',
      fileName: '线索.xlsx',
      counts: { create: 2, update: 0, unchanged: 0, error: 0 },
    });
    const commit = await post(cookie, `mode=commit&previewId=${preview.body.previewId}`);
    expect(commit.status, JSON.stringify(commit.body)).toBe(201);
    expect(commit.body).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    expect(getDb().select().from(leads).where(eq(leads.company, '接口导入企业')).all()).toHaveLength(1);
    expect(getDb().select().from(leads).where(eq(leads.company, '接口导入二厂')).all()).toHaveLength(1);
    // The preview is used up: committing it again finds nothing.
    expect((await post(cookie, `mode=commit&previewId=${preview.body.previewId}`)).status).toBe(404);
  }, 60_000);

  it('400 for error rows unless validOnly, bad mode, a corrupt file; 403 for officers; 401 anonymous', async () => {
    const cookie = await loginAs('investment');
    const bytes = await workbookBuffer([HEADER, ['错误行企业', '', -5, ''], ['正确行企业', '', 5, '']]);
    const preview = await post(cookie, 'mode=preview', bytes);
    expect(preview.body.errors).toEqual([{ row: 2, column: '意向投资(万元)', message: '金额不能为负数' }]);
    const refused = await post(cookie, `mode=commit&previewId=${preview.body.previewId}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('未导入任何数据');
    expect(getDb().select().from(leads).where(eq(leads.company, '正确行企业')).get()).toBeUndefined();
    expect((await post(cookie, `mode=commit&previewId=${preview.body.previewId}&validOnly=true`)).status).toBe(201);

    expect((await post(cookie, 'mode=nope')).status).toBe(400);
    const corrupt = await post(cookie, 'mode=preview', new TextEncoder().encode('not a spreadsheet'));
    expect(corrupt.status).toBe(415);
    expect(corrupt.body.error.message).toContain('不是有效的 Excel');
    expect((await post(await loginAs('officer'), 'mode=preview', bytes)).status).toBe(403);
    expect((await post('', 'mode=preview', bytes)).status).toBe(401);
  }, 60_000);
});

describe('the /import page routes for leads', () => {
  it('gives investment staff the leads template and refuses it to officers', async () => {
    const response = await templateGet(
      new Request('http://localhost/import/template?kind=leads', { headers: { cookie: await loginAs('investment') } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('招商线索导入模板.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].getRow(2).values).toEqual(
      expect.arrayContaining(['企业名称', '意向投资（万元）', '下次跟进日期']),
    );
    expect(
      (
        await templateGet(
          new Request('http://localhost/import/template?kind=leads', { headers: { cookie: await loginAs('officer') } }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await templateGet(
          new Request('http://localhost/import/template?kind=projects', {
            headers: { cookie: await loginAs('investment') },
          }),
        )
      ).status,
    ).toBe(403);
  });

  it('uploads, previews, commits through a job with progress, and lands the batch', async () => {
    const cookie = await loginAs('investment');
    const form = new FormData();
    form.set('kind', 'leads');
    form.set(
      'file',
      new File([(await workbookBuffer([HEADER, ['页面导入企业', '', 100, '']])) as unknown as BlobPart], '页面.xlsx'),
    );
    const upload = await uploadPost(
      new Request('http://localhost/import/upload', { method: 'POST', body: form, headers: { cookie } }),
    );
    expect(upload.status).toBe(202);
    const ready = await waitForJob(cookie, (await upload.json()).jobId);
    expect(ready.body).toMatchObject({ kind: 'leads', phase: 'ready' });

    const commit = await call(commitPost, {
      method: 'POST',
      cookie,
      body: { previewId: ready.body.previewId, validOnly: false },
    });
    expect(commit.status).toBe(202);
    const done = await waitForJob(cookie, commit.body.jobId);
    expect(done.body).toMatchObject({ kind: 'leads', step: 'commit', phase: 'done', done: 1, total: 1 });
    expect(done.body.batchId).toBeGreaterThan(0);
    expect(getDb().select().from(leads).where(eq(leads.company, '页面导入企业')).get()).toBeDefined();

    expect((await call(commitPost, { method: 'POST', cookie, body: { previewId: 'x' } })).status).toBe(400);
    expect((await call(commitPost, { method: 'POST', cookie, body: { previewId: ready.body.previewId } })).status).toBe(
      404,
    );
    expect(
      (
        await call(commitPost, {
          method: 'POST',
          cookie: await loginAs('leader'),
          body: { previewId: ready.body.previewId },
        })
      ).status,
    ).toBe(404);
  }, 60_000);
});
