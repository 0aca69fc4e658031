import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportLedgerRoute } from '@/app/(app)/projects/export/route';
import { sumProjects } from '@/db/queries/project-filters';
import { previewProjectImport } from '@/domain/imports';
import { download } from '../support/download';
import { loginAs, seedOnce } from '../support/api';
import { actorOf } from '../support/xlsx';

// 按市里格式 round trip: the workbook /projects/export?layout=city downloads — title, unit row,
// two-row header, sections, 小计, 合计, month-formatted dates — previews back as nothing to do.
// It needs the importer to read that layout (the structure and value lanes of issue 20).

beforeAll(() => seedOnce());

async function cityExportPreview(query: string) {
  const result = await download(exportLedgerRoute, `/projects/export?layout=city${query}`, await loginAs('admin'));
  expect(result.status).toBe(200);
  return previewProjectImport(actorOf('admin'), { name: '按市里格式.xlsx', bytes: new Uint8Array(result.bytes) });
}

describe('按市里格式 export → import', () => {
  it('the whole ledger previews back with every row unchanged, no errors, no unknown columns', async () => {
    const preview = await cityExportPreview('&sort=name');
    expect(preview.errors).toEqual([]);
    expect(preview.unknownHeaders).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: sumProjects({}).count, error: 0 });
    expect(preview.rows.every((row) => row.action === 'unchanged')).toBe(true);
  });

  it('a filtered export previews back unchanged too, only its rows (小计 and 合计 not read as projects)', async () => {
    const filters = { stage: 'construction' as const };
    const preview = await cityExportPreview('&stage=construction&sort=total&dir=desc');
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: sumProjects(filters).count, error: 0 });
  });
});
