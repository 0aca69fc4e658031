import { beforeAll, describe, expect, it } from 'vitest';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName } from '../support/api';
import { GET as listProjects } from '@/app/api/v1/projects/route';
import { GET as mapApi } from '@/app/api/v1/map/route';
import { GET as desk } from '@/app/api/v1/desk/route';
import { sharedProjectSums } from '@/domain/fresh-light-reads';

// The figures every user shares (the ledger's and the API's count and sums, the map, the desk's city
// counts) are cached until the data changes (issue 19). A write must show at once, and a cached
// answer must be the one an uncached read gives.

let unitId: number;

async function readAll(cookie: string) {
  const api = await call(listProjects, { path: `/api/v1/projects?unitId=${unitId}&page=1&pageSize=1`, cookie });
  const map = await call(mapApi, { path: `/api/v1/map?metric=count&unitId=${unitId}`, cookie });
  const leaderDesk = await call(desk, { path: '/api/v1/desk', cookie });
  expect([api.status, map.status, leaderDesk.status]).toEqual([200, 200, 200]);
  const city = leaderDesk.body.cityProjects as Record<'red' | 'yellow' | 'green' | 'grey', number>;
  return {
    apiTotal: api.body.total as number,
    ledgerCount: sharedProjectSums({ unitId }).count,
    mapCount: map.body.totals.count as number,
    cityCount: city.red + city.yellow + city.green + city.grey,
  };
}

describe('shared aggregates', () => {
  beforeAll(async () => {
    await seedOnce();
    unitId = unitIdByName('昌邑区');
  });

  it('agree with each other, are served again unchanged, and move with the next write', async () => {
    const cookie = await loginAs('leader');
    const before = await readAll(cookie);
    expect(before.apiTotal).toBeGreaterThan(0);
    expect(before.ledgerCount).toBe(before.apiTotal);
    expect(before.mapCount).toBe(before.apiTotal);
    expect(await readAll(cookie)).toEqual(before);

    await createProjectAs('officer', { name: uniqueName('缓存项目'), category: 'government', unitId });

    const after = await readAll(cookie);
    expect(after).toEqual({
      apiTotal: before.apiTotal + 1,
      ledgerCount: before.ledgerCount + 1,
      mapCount: before.mapCount + 1,
      cityCount: before.cityCount + 1,
    });
  });
});
