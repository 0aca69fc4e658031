import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { GET as templateGet } from '@/app/(app)/import/template/route';
import { POST as uploadPost } from '@/app/(app)/import/upload/route';
import { GET as jobGet } from '@/app/(app)/import/jobs/[id]/route';
import { GET as auditExport } from '@/app/(app)/admin/audit/export/route';
import { commitProjectImport } from '@/domain/imports';
import { call, loginAs, seedOnce } from '../support/api';
import { actorOf, BASIC_HEADER, workbookBuffer } from '../support/xlsx';

beforeAll(async () => {
  await seedOnce();
});

async function rawGet(handler: (request: Request) => Promise<Response>, path: string, cookie?: string) {
  const response = await handler(new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

async function upload(cookie: string, bytes: Uint8Array | null, name = '台账.xlsx') {
  const form = new FormData();
  if (bytes) form.set('file', new File([bytes as unknown as BlobPart], name));
  return uploadPost(new Request('http://localhost/import/upload', { method: 'POST', body: form, headers: { cookie } }));
}

async function waitForJob(cookie: string, jobId: string) {
  for (let i = 0; i < 100; i++) {
    const result = await call(jobGet, { cookie, params: { id: jobId } });
    if (result.body.phase === 'ready' || result.body.phase === 'failed') return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not finish');
}

describe('GET /import/template', () => {
  it('gives importers an xlsx with the Chinese columns and an example row', async () => {
    const result = await rawGet(templateGet, '/import/template', await loginAs('officer'));
    expect(result.status).toBe(200);
    expect(result.type).toContain('spreadsheetml');
    expect(result.disposition).toContain(encodeURIComponent('重点项目导入模板.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).values).toContain('项目名称');
    expect(sheet.getRow(2).values).toContain('总投资（万元）');
    expect(sheet.getRow(3).getCell(2).value).toBe('【示例】吉林化纤碳纤维原丝扩能项目');
  });
  it('refuses investment users (403) and anonymous callers (401)', async () => {
    expect((await rawGet(templateGet, '/import/template', await loginAs('investment'))).status).toBe(403);
    expect((await rawGet(templateGet, '/import/template')).status).toBe(401);
  });
});

describe('POST /import/upload and GET /import/jobs/:id', () => {
  it('previews in the background and reports progress until ready', async () => {
    const cookie = await loginAs('officer');
    const bytes = await workbookBuffer([BASIC_HEADER, ['接口上传项目', '政府投资', '昌邑区', 100, '2026-05-01']]);
    const response = await upload(cookie, bytes);
    expect(response.status).toBe(202);
    const { jobId } = await response.json();
    const job = await waitForJob(cookie, jobId);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ phase: 'ready', done: 1, total: 1 });
    expect(job.body.previewId).toMatch(/^[0-9a-f-]{36}$/);
    const other = await call(jobGet, { cookie: await loginAs('officer2'), params: { id: jobId } });
    expect(other.status).toBe(404);
  });
  it('refuses a file that is not a workbook at upload (415), before any job starts', async () => {
    const cookie = await loginAs('officer');
    const response = await upload(cookie, new TextEncoder().encode('not a spreadsheet'), 'fake.xlsx');
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toContain('不是有效的 Excel');
  });
  it('refuses bytes that are not a ZIP at all at upload, with a Chinese message', async () => {
    const cookie = await loginAs('officer');
    // A ZIP signature but no ZIP directory: refused before any job starts.
    const response = await upload(cookie, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'broken.xlsx');
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toContain('不是有效的 Excel');
  });

  it('reports a ZIP that holds no workbook as a failed job with a Chinese message', async () => {
    const cookie = await loginAs('officer');
    const archive = new JSZip();
    archive.file('readme.txt', '这不是工作簿');
    const bytes = await archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const response = await upload(cookie, bytes, 'broken.xlsx');
    expect(response.status).toBe(202);
    const job = await waitForJob(cookie, (await response.json()).jobId);
    expect(job.body).toMatchObject({ phase: 'failed' });
    expect(job.body.message).toContain('不是有效的 Excel');
  });
  it('400 without a file, 403 for investment users, 404 for an unknown job', async () => {
    expect((await upload(await loginAs('officer'), null)).status).toBe(400);
    const bytes = await workbookBuffer([BASIC_HEADER]);
    expect((await upload(await loginAs('investment'), bytes)).status).toBe(403);
    expect(
      (await call(jobGet, { cookie: await loginAs('officer'), params: { id: '00000000-0000-4000-8000-000000000000' } }))
        .status,
    ).toBe(404);
    expect((await call(jobGet, { cookie: await loginAs('officer'), params: { id: 'nope' } })).status).toBe(404);
  });
});

describe('GET /admin/audit/export', () => {
  it('exports the filtered audit log for admins', async () => {
    const officer = actorOf('officer');
    const bytes = await workbookBuffer([BASIC_HEADER, ['审计导出项目', '政府投资', '昌邑区', 100, '2026-05-01']]);
    const { previewProjectImport } = await import('@/domain/imports');
    const preview = await previewProjectImport(officer, { name: '审计.xlsx', bytes });
    const { batchId } = commitProjectImport(officer, preview.id, { validOnly: false });

    const result = await rawGet(auditExport, `/admin/audit/export?batchId=${batchId}`, await loginAs('admin'));
    expect(result.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain(`导入批次：#${batchId}`);
    expect(sheet.rowCount).toBe(2 + 2); // title, header, the project and the batch entry
    const texts = [3, 4].map((row) => String(sheet.getRow(row).getCell(8).value));
    expect(texts.some((text) => text.includes('项目名称：审计导出项目'))).toBe(true);
  });
  it('403 for leaders, 400 for a malformed filter', async () => {
    expect((await rawGet(auditExport, '/admin/audit/export', await loginAs('leader'))).status).toBe(403);
    expect((await rawGet(auditExport, '/admin/audit/export?from=2026-13-40', await loginAs('admin'))).status).toBe(400);
  });
});
