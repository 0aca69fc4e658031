import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { getDb } from '@/db';
import { projects } from '@/db/schema';
import { previewProjectImport } from '@/domain/imports';
import { MAX_IMPORT_BYTES } from '@/lib/excel/reader';
import { seedOnce } from '../support/api';
import { actorOf, BASIC_HEADER, workbookBuffer } from '../support/xlsx';

const countProjects = () =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(projects)
    .get()!.n;

async function refusal(bytes: Uint8Array, name = '台账.xlsx'): Promise<string> {
  const before = countProjects();
  try {
    await previewProjectImport(actorOf('admin'), { name, bytes });
  } catch (error) {
    expect(countProjects()).toBe(before);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

beforeAll(async () => {
  await seedOnce();
});

describe('files the importer refuses, writing nothing', () => {
  it('random bytes', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await refusal(bytes)).toMatch(/不是有效的 Excel（\.xlsx）文件/);
  });

  it('a text file renamed to .xlsx', async () => {
    expect(await refusal(new TextEncoder().encode('项目名称,责任单位\n甲,昌邑区\n'))).toMatch(/不是有效的 Excel/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await refusal(bytes)).toMatch(/不是有效的 Excel/);
  });

  it('a truncated xlsx', async () => {
    const whole = await workbookBuffer([BASIC_HEADER, ['甲', '政府投资', '昌邑区', 1, '2026-01-01']]);
    expect(await refusal(whole.slice(0, Math.floor(whole.length / 2)))).toMatch(/不是有效的 Excel/);
  });

  it('an old binary .xls', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(bytes, '台账.xls')).toMatch(/旧版 \.xls/);
  });

  it('a file over 20 MB', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(bytes)).toMatch(/超过 20 MB/);
  });

  it('formula cells', async () => {
    const bytes = await workbookBuffer([
      BASIC_HEADER,
      ['甲', '政府投资', '昌邑区', 100, '2026-01-01'],
      ['乙', '政府投资', '昌邑区', { formula: 'D2*2', result: 200 }, '2026-01-01'],
    ]);
    expect(await refusal(bytes)).toMatch(/第 3 行 D 列（D3）含公式/);
  });

  it('merged cells in the header are read, not refused: a two-row header (tests/unit/excel-layouts.test.ts)', async () => {
    const bytes = await workbookBuffer(
      [
        ['项目名称', '投资情况', '', '责任单位', '项目类别'],
        ['', '总投资（万元）', '年度计划投资（万元）', '', ''],
        ['合并表头可以', 100, 50, '昌邑区', '政府投资'],
      ],
      (sheet) => {
        sheet.mergeCells('A1:A2');
        sheet.mergeCells('B1:C1');
        sheet.mergeCells('D1:D2');
        sheet.mergeCells('E1:E2');
      },
    );
    const preview = await previewProjectImport(actorOf('admin'), { name: 'ok.xlsx', bytes });
    expect(preview.headerRow).toBe(2);
    expect(preview.columns).toContain('投资情况/总投资（万元）');
    expect(preview.counts).toMatchObject({ create: 1, error: 0 });
  });

  it('no recognisable header', async () => {
    const bytes = await workbookBuffer([
      ['编号', '内容', '备注'],
      [1, '甲', ''],
    ]);
    expect(await refusal(bytes)).toMatch(/未找到可识别的表头/);
  });

  it('accepts a merged title row above the header', async () => {
    const bytes = await workbookBuffer(
      [['2026 年台账'], BASIC_HEADER, ['合并标题可以', '政府投资', '昌邑区', 1, '2026-01-01']],
      (sheet) => sheet.mergeCells('A1:E1'),
    );
    const preview = await previewProjectImport(actorOf('admin'), { name: 'ok.xlsx', bytes });
    expect(preview.headerRow).toBe(2);
    expect(preview.counts.create).toBe(1);
  });
});
