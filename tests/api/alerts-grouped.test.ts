import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce } from '../support/api';
import { GET as alertsRoute } from '@/app/api/v1/alerts/route';
import { countAlerts, filterAlerts, groupAlerts, listAlerts } from '@/domain/alerts';
import { actorOf } from '../support/xlsx';

// /alerts groups by project: one row per project (or lead) with its signals, and the navigation
// badge counts those rows, not the signals. Filters by kind and severity narrow both.

beforeAll(async () => {
  await seedOnce();
});

const subjectOf = (a: { leadId?: number | null; projectId?: number | null }) =>
  a.leadId != null ? `lead:${a.leadId}` : `project:${a.projectId}`;

describe('grouped alerts', () => {
  it('give one group per distinct project or lead, holding every signal once, red groups first', () => {
    for (const username of ['admin', 'leader', 'officer', 'officer2', 'investment']) {
      const alerts = listAlerts({ actor: actorOf(username) });
      const groups = groupAlerts(alerts);
      const distinct = new Set(alerts.map(subjectOf));
      expect(groups.length, username).toBe(distinct.size);
      expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
      expect(groups.flatMap((g) => g.alerts.map((a) => a.key)).sort()).toEqual(alerts.map((a) => a.key).sort());
      for (const group of groups) {
        expect(group.alerts.every((a) => subjectOf(a) === group.key)).toBe(true);
        expect(group.severity).toBe(group.alerts.some((a) => a.severity === 'red') ? 'red' : 'yellow');
      }
      const firstYellow = groups.findIndex((g) => g.severity === 'yellow');
      if (firstYellow >= 0) expect(groups.slice(firstYellow).every((g) => g.severity === 'yellow')).toBe(true);
      expect(countAlerts(actorOf(username)), username).toBe(groups.length);
    }
  });

  it('the leader has projects with several signals, so the badge is smaller than the signal count', () => {
    const alerts = listAlerts({ actor: actorOf('leader') });
    const groups = groupAlerts(alerts);
    expect(groups.some((g) => g.alerts.length > 1)).toBe(true);
    expect(groups.length).toBeLessThan(alerts.length);
  });

  it('filter by kind and severity on the API, the same as the domain filter', async () => {
    const cookie = await loginAs('leader');
    const all = listAlerts({ actor: actorOf('leader') });
    const kind = all[0].kind;
    const byKind = await call(alertsRoute, { cookie, path: `/api/v1/alerts?kind=${kind}` });
    expect(byKind.status).toBe(200);
    expect(byKind.body.length).toBe(filterAlerts(all, { kind }).length);
    expect(byKind.body.every((a: { kind: string }) => a.kind === kind)).toBe(true);
    const yellow = await call(alertsRoute, { cookie, path: '/api/v1/alerts?severity=yellow' });
    expect(yellow.body.length).toBe(all.filter((a) => a.severity === 'yellow').length);
    for (const bad of ['kind=nonsense', 'severity=green'])
      expect((await call(alertsRoute, { cookie, path: `/api/v1/alerts?${bad}` })).status, bad).toBe(400);
  });
});
