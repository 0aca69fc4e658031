import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getSqlite } from '@/db';
import { getStats, targetTracking } from '@/domain/stats';
import { today } from '@/lib/rules/dates';
import { formatYi } from '@/lib/rules/money';
import { fraction, percentText } from '@/lib/rules/stats';
import { loginAs, seedOnce } from '../support/api';
import { nextRequest } from '../support/next-mocks';

vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersModule);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheModule);

// Issue 13, targets: the admin targets page tracks every stored target against the dashboard's own figure.

beforeAll(() => seedOnce());

const year = () => Number(today().slice(0, 4));

describe('admin targets page: each target beside its actual figure', () => {
  it('takes 开工 and 投资 from the 双十 scope, 签约, 落地 and 储备 from all projects, and compares no 城建 figure', () => {
    const target = getSqlite().prepare('select * from annual_targets where year = ?').get(year()) as Record<
      string,
      number
    >;
    expect(target).toBeTruthy();
    const shuangshi = getStats({ year: year(), scope: 'shuangshi' });
    const all = getStats({ year: year(), scope: 'all' });
    const rows = Object.fromEntries(targetTracking(year()).map((row) => [row.key, row]));
    expect(rows.startedTarget).toMatchObject({
      scope: 'shuangshi',
      target: target.started_target,
      actual: shuangshi.actual.started,
      rate: shuangshi.rates.startRate,
      drill: shuangshi.drill.started,
    });
    expect(rows.investmentTarget).toMatchObject({
      scope: 'shuangshi',
      target: target.investment_target,
      actual: shuangshi.actual.investmentCompleted,
      rate: shuangshi.rates.investmentRate,
      drill: shuangshi.drill.investmentCompleted,
    });
    for (const [key, figure, column] of [
      ['signedTarget', 'signed', 'signed_target'],
      ['landedTarget', 'landed', 'landed_target'],
      ['reserveTarget', 'reserve', 'reserve_target'],
    ] as const) {
      expect(rows[key], key).toMatchObject({
        scope: 'all',
        target: target[column],
        actual: all.actual[figure],
        rate: fraction(all.actual[figure], target[column]),
        drill: all.drill[figure],
      });
      expect(all.targets[figure]).toBe(target[column]);
    }
    expect(rows.reserveTarget.actual).toBeGreaterThan(0);
    for (const key of ['cityWorksTarget', 'cityWorksInvestmentTarget'] as const)
      expect(rows[key]).toMatchObject({
        scope: null,
        target: target[key === 'cityWorksTarget' ? 'city_works_target' : 'city_works_investment_target'],
        actual: null,
        drill: null,
      });
  });

  it('the page shows those actuals, rates and ledger links', async () => {
    const cookie = await loginAs('admin');
    nextRequest.reset(cookie.split(';')[0].split('=')[1]);
    const { default: TargetsPage } = await import('@/app/(app)/admin/targets/page');
    const html = renderToStaticMarkup(
      (await TargetsPage({ searchParams: Promise.resolve({}) })) as ReturnType<typeof createElement>,
    );
    const all = getStats({ year: year(), scope: 'all' });
    const shuangshi = getStats({ year: year(), scope: 'shuangshi' });
    const cell = (key: string) => {
      const match = html.match(new RegExp(`data-testid="tracking-${key}"[\\s\\S]*?</tr>`));
      expect(match, key).toBeTruthy();
      return match![0];
    };
    const href = (link: string) => link.replaceAll('&', '&amp;');
    expect(cell('startedTarget')).toContain(`${shuangshi.actual.started} 项`);
    expect(cell('startedTarget')).toContain(href(shuangshi.drill.started));
    expect(cell('startedTarget')).toContain(percentText(shuangshi.rates.startRate));
    expect(cell('startedTarget')).toContain('对比：双十项目');
    expect(cell('investmentTarget')).toContain(formatYi(shuangshi.actual.investmentCompleted));
    expect(cell('investmentTarget')).toContain(percentText(shuangshi.rates.investmentRate));
    expect(cell('reserveTarget')).toContain(`${all.actual.reserve} 个`);
    expect(cell('reserveTarget')).toContain(href(all.drill.reserve));
    expect(cell('reserveTarget')).toContain(percentText(fraction(all.actual.reserve, all.targets.reserve)));
    expect(cell('reserveTarget')).toContain('对比：全部项目');
    expect(cell('signedTarget')).toContain(href(all.drill.signed));
    expect(cell('landedTarget')).toContain(href(all.drill.landed));
    expect(cell('cityWorksTarget')).toContain('项目库尚无城建标记，暂不对比');
  });
});
