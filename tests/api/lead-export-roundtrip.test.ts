import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportLeadsRoute } from '@/app/(app)/leads/export/route';
import { getDb } from '@/db';
import { leads } from '@/db/schema';
import { sumLeads } from '@/db/queries/leads';
import { previewLeadImport } from '@/domain/lead-imports';
import { IMPORTED_LEAD_COLUMNS } from '@/lib/excel/lead-columns';
import { download, headers, openWorkbook } from '../support/download';
import { loginAs, seedOnce } from '../support/api';
import { actorOf } from '../support/xlsx';

// The leads export (/leads/export) writes the importer's own columns — 币种, 原币金额, 汇率, 汇率日期 and
// 产业链环节 included — so importing it back changes nothing: every row previews as unchanged.

beforeAll(() => seedOnce());

async function exportPreview(query: string) {
  const result = await download(exportLeadsRoute, `/leads/export?${query}`, await loginAs('admin'));
  expect(result.status).toBe(200);
  const bytes = new Uint8Array(result.bytes);
  return { bytes, preview: await previewLeadImport(actorOf('admin'), { name: '招商线索.xlsx', bytes }) };
}

describe('leads export → import', () => {
  it('writes every importable column, and the seed has foreign pledges and chain links to carry', async () => {
    const { bytes } = await exportPreview('sort=company');
    const sheet = (await openWorkbook(Buffer.from(bytes))).worksheets[0];
    const written = headers(sheet);
    for (const column of IMPORTED_LEAD_COLUMNS) expect(written).toContain(column.header);
    const foreign = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(leads)
      .where(sql`${leads.currency} <> 'CNY'`)
      .get()!.n;
    const linked = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(leads)
      .where(sql`${leads.chainLinkId} is not null`)
      .get()!.n;
    expect(foreign).toBeGreaterThan(0);
    expect(linked).toBeGreaterThan(0);
  });

  it('every lead previews back unchanged: no errors, no unknown columns, no warnings', async () => {
    const { preview } = await exportPreview('sort=company&dir=asc');
    expect(preview.errors).toEqual([]);
    expect(preview.unknownHeaders).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: sumLeads({}).count, error: 0 });
    expect(preview.rows.every((row) => row.action === 'unchanged')).toBe(true);
    // A foreign pledge is shown read as the API reads it: "… 万美元 × 7.1" → "… 万元".
    const converted = preview.rows.flatMap((row) => ('conversions' in row ? (row.conversions ?? []) : []));
    expect(converted.some((c) => c.column === '原币金额' && / × [\d.]+$/.test(c.written))).toBe(true);
  });

  it('a filtered export previews back unchanged too, only its rows', async () => {
    const { preview } = await exportPreview('stage=negotiating&sort=intendedInvestment&dir=desc');
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({
      create: 0,
      update: 0,
      unchanged: sumLeads({ stage: 'negotiating' }).count,
      error: 0,
    });
  });

  it('a changed 汇率 in the exported file no longer agrees with its 意向投资（万元）: a row error naming both', async () => {
    const { bytes } = await exportPreview('sort=company');
    const workbook = await openWorkbook(Buffer.from(bytes));
    const sheet = workbook.worksheets[0];
    const names = headers(sheet);
    const rateColumn = names.indexOf('汇率') + 1;
    let changedRow = 0;
    for (let r = 3; r <= sheet.rowCount && !changedRow; r++) {
      const rate = sheet.getCell(r, rateColumn).value;
      if (typeof rate === 'number') {
        sheet.getCell(r, rateColumn).value = rate * 2;
        changedRow = r;
      }
    }
    expect(changedRow).toBeGreaterThan(0);
    const changed = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await previewLeadImport(actorOf('admin'), { name: '改汇率.xlsx', bytes: changed });
    expect(preview.counts.error).toBe(1);
    expect(preview.errors).toEqual([
      expect.objectContaining({
        row: changedRow,
        column: '意向投资（万元）',
        message: expect.stringMatching(/折合.*不一致/),
      }),
    ]);
  });
});
