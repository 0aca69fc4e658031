import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportLedgerRoute } from '@/app/(app)/projects/export/route';
import { GET as board } from '@/app/api/v1/board/route';
import { GET as projectsApi } from '@/app/api/v1/projects/route';
import { getSqlite } from '@/db';
import { getStats } from '@/domain/stats';
import { today } from '@/lib/rules/dates';
import { INVESTMENT_BANDS, drillFilterChips, minInvestmentOptions } from '@/lib/schemas/ledger';
import { dataRows, download, openWorkbook } from '../support/download';
import { call, loginAs, seedOnce } from '../support/api';

// Issue 13, size bands: the dashboard's band table, the ledger's and the board's 规模 filter and the export
// count the same projects.

beforeAll(() => seedOnce());

const year = () => Number(today().slice(0, 4));

/** Written apart from the app's filters: projects whose total investment (万元) reaches the threshold. */
function sqlCount(minInvestment: number, shuangshi: boolean): number {
  const row = getSqlite()
    .prepare(
      `select count(*) n from projects where total_investment >= ? ${shuangshi ? `and id in (select project_id from package_projects where year = ${year()})` : ''}`,
    )
    .get(minInvestment) as { n: number };
  return row.n;
}

describe('size bands (规模)', () => {
  for (const scope of ['all', 'shuangshi'] as const) {
    it(`scope=${scope}: each band's project count equals the ledger total, the board header and the export rows`, async () => {
      const cookie = await loginAs('leader');
      const stats = getStats({ year: year(), scope });
      expect(stats.bands.map((b) => b.band)).toEqual(INVESTMENT_BANDS.map((b) => b.band));
      const scopeQuery = scope === 'shuangshi' ? 'scope=shuangshi&' : '';
      for (const [i, band] of INVESTMENT_BANDS.entries()) {
        const figure = stats.bands[i].projects;
        expect(figure, band.label).toBe(sqlCount(band.minInvestment, scope === 'shuangshi'));
        // The dashboard's link carries the very parameter the 规模 select sets.
        expect(stats.bands[i].drill.projects).toContain(`minInvestment=${band.minInvestment}`);

        const query = `${scopeQuery}minInvestment=${band.minInvestment}`;
        const ledger = await call(projectsApi, { path: `/api/v1/projects?${query}&pageSize=20`, cookie });
        expect(ledger.status).toBe(200);
        expect(ledger.body.total, band.label).toBe(figure);

        // The board page's header count is the sum of its column counts.
        const boardResult = await call(board, { path: `/api/v1/board?kind=projects&${query}`, cookie });
        expect(boardResult.status).toBe(200);
        const boardCount = boardResult.body.columns.reduce(
          (sum: number, column: { count: number }) => sum + column.count,
          0,
        );
        expect(boardCount, band.label).toBe(figure);

        if (scope === 'all') {
          const file = await download(exportLedgerRoute, `/projects/export?${query}`, cookie);
          expect(file.status).toBe(200);
          const sheet = (await openWorkbook(file.bytes)).worksheets[0];
          expect(dataRows(sheet)).toHaveLength(figure);
          expect(String(sheet.getCell('A1').value)).toContain(`规模：${band.label}`);
        }
      }
      // The bands nest, and the demo holds projects in the largest one (so the checks are not vacuous).
      expect(stats.bands[0].projects).toBeGreaterThanOrEqual(stats.bands[1].projects);
      expect(stats.bands[1].projects).toBeGreaterThanOrEqual(stats.bands[2].projects);
      expect(stats.bands[2].projects).toBeGreaterThan(0);
    });
  }

  it('the 规模 select shows a band once, and any other threshold as one extra option, never as a chip too', () => {
    expect(minInvestmentOptions(10_000).map((o) => o.label)).toEqual(['5000万元以上', '亿元以上', '10亿元以上']);
    expect(minInvestmentOptions(3_000)).toEqual([
      { value: '5000', label: '5000万元以上' },
      { value: '10000', label: '亿元以上' },
      { value: '100000', label: '10亿元以上' },
      { value: '3000', label: '总投资 3,000万元以上' },
    ]);
    expect(drillFilterChips({ minInvestment: 10_000 })).toEqual([]);
  });
});
