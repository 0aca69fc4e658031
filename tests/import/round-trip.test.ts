import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { projects } from '@/db/schema';
import { previewProjectImport } from '@/domain/imports';
import { projectLedgerWorkbook, projectTemplate } from '@/domain/project-sheets';
import { GET as exportLedgerRoute } from '@/app/(app)/projects/export/route';
import { sumProjects } from '@/db/queries/project-filters';
import { listLedgerProjects } from '@/db/queries/projects';
import { download } from '../support/download';
import { loginAs, seedOnce } from '../support/api';
import { actorOf, withoutExampleMark } from '../support/xlsx';

beforeAll(async () => {
  await seedOnce();
});

describe('ledger round trip', () => {
  it('a ledger written with the template columns imports back with no changes', async () => {
    const all = listLedgerProjects({ filters: {}, limit: 100_000 });
    expect(all.length).toBeGreaterThan(100);
    const bytes = await projectLedgerWorkbook(all, { filtersText: '全部项目' });
    const preview = await previewProjectImport(actorOf('admin'), { name: '台账.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: all.length, error: 0 });
    expect(preview.unknownHeaders).toEqual([]);
  });

  it('the ledger downloaded from /projects/export (the button on the page) imports back with no changes', async () => {
    const all = getDb().select().from(projects).all();
    const result = await download(exportLedgerRoute, '/projects/export?sort=name&dir=desc', await loginAs('admin'));
    expect(result.status).toBe(200);
    const preview = await previewProjectImport(actorOf('admin'), {
      name: '项目库导出.xlsx',
      bytes: new Uint8Array(result.bytes),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.unknownHeaders).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: all.length, error: 0 });
  });

  it('a filtered export imports back unchanged too, and only its rows', async () => {
    const filters = { stage: 'construction' as const };
    const result = await download(
      exportLedgerRoute,
      '/projects/export?stage=construction&sort=total',
      await loginAs('admin'),
    );
    const preview = await previewProjectImport(actorOf('admin'), {
      name: '在建项目.xlsx',
      bytes: new Uint8Array(result.bytes),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: sumProjects(filters).count, error: 0 });
  });

  it('detects a changed cell as an update of just that field', async () => {
    const [first] = listLedgerProjects({ filters: {}, limit: 1 });
    const bytes = await projectLedgerWorkbook([{ ...first, totalInvestment: first.totalInvestment + 5 }]);
    const preview = await previewProjectImport(actorOf('admin'), { name: '改一格.xlsx', bytes });
    expect(preview.counts).toMatchObject({ update: 1, unchanged: 0 });
    const row = preview.rows[0];
    expect(row.action === 'update' && row.changes).toEqual([
      {
        field: 'totalInvestment',
        header: '总投资（万元）',
        before: first.totalInvestment,
        after: first.totalInvestment + 5,
      },
    ]);
  });

  it('the template has every column and an example row that, unmarked, previews as a valid new project', async () => {
    const preview = await previewProjectImport(actorOf('admin'), {
      name: '模板.xlsx',
      bytes: await withoutExampleMark(await projectTemplate()),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.counts.create).toBe(1);
    expect(preview.columns).toContain('总投资（万元）');
  });
});
