import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support';

// Uploads through the real server, proxy included: Next buffers request bodies for proxy.ts and
// would cut them at 10 MB unless configured, turning a valid 15 MB workbook into a "corrupt" one.

async function bigWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(['项目名称', '项目类别', '责任单位', '总投资（万元）', '备注']);
  // Random text barely compresses, so the file stays over 10 MB once zipped.
  for (let i = 0; i < 560; i++)
    sheet.addRow([`大文件导入项目${i}`, '政府投资', '昌邑区', 100 + i, randomBytes(22_000).toString('base64')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a 10–20 MB workbook arrives whole; over 20 MB is refused with 413; a PDF named .xlsx with 415', async ({
  request,
}) => {
  test.setTimeout(180_000);
  expect(
    (await request.post('/api/v1/session', { data: { username: 'officer', password: DEMO_PASSWORD } })).status(),
  ).toBe(200);

  const bytes = await bigWorkbook();
  expect(bytes.byteLength).toBeGreaterThan(11 * 1024 * 1024);
  expect(bytes.byteLength).toBeLessThan(20 * 1024 * 1024);
  const preview = await request.post('/api/v1/imports/projects?mode=preview&fileName=big.xlsx', {
    data: bytes,
    headers: { 'content-type': 'application/octet-stream' },
    timeout: 150_000,
  });
  expect(preview.status(), await preview.text()).toBe(200);
  expect((await preview.json()).counts.create).toBe(560);

  const tooBig = await request.post('/api/v1/imports/projects?mode=preview', {
    data: Buffer.alloc(21 * 1024 * 1024, 0x50),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error.message).toBe('文件超过 20 MB，请拆分后分批导入');

  const pdf = await request.post('/import/upload', {
    multipart: {
      file: {
        name: '台账.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
      },
    },
  });
  expect(pdf.status()).toBe(415);
  expect((await pdf.json()).error.message).toContain('不是有效的 Excel');
});
