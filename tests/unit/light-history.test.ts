import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LightTrend } from '@/components/dashboard/light-trend';
import { adjustmentValue } from '@/lib/adjustment-format';
import { snapshotRows, trendSummary } from '@/lib/rules/light-history';
import { lightHistoryQuerySchema } from '@/lib/schemas/light-history';

describe('snapshotRows', () => {
  it('counts each unit’s lights (zeros for units without projects) and keeps red and yellow projects with their reasons', () => {
    const rows = snapshotRows(
      '2026-11-20',
      [1, 2, 3],
      [
        { projectId: 9, unitId: 1, light: 'red', reasons: ['逾期'] },
        { projectId: 4, unitId: 1, light: 'yellow', reasons: ['将到期'] },
        { projectId: 5, unitId: 1, light: 'green', reasons: [] },
        { projectId: 6, unitId: 3, light: 'grey', reasons: [] },
        { projectId: 7, unitId: 3, light: 'red', reasons: ['超期'] },
      ],
    );
    expect(rows.units).toEqual([
      { date: '2026-11-20', unitId: 1, red: 1, yellow: 1, green: 1, grey: 0 },
      { date: '2026-11-20', unitId: 2, red: 0, yellow: 0, green: 0, grey: 0 },
      { date: '2026-11-20', unitId: 3, red: 1, yellow: 0, green: 0, grey: 1 },
    ]);
    expect(rows.projects).toEqual([
      { date: '2026-11-20', projectId: 4, light: 'yellow', reasons: ['将到期'] },
      { date: '2026-11-20', projectId: 7, light: 'red', reasons: ['超期'] },
      { date: '2026-11-20', projectId: 9, light: 'red', reasons: ['逾期'] },
    ]);
  });
});

describe('the history query', () => {
  const parse = (query: Record<string, string>) => lightHistoryQuerySchema.safeParse(query);

  it('defaults to the 90 days up to today', () => {
    expect(parse({}).data).toEqual({ from: '2026-08-23', to: '2026-11-20', unitId: undefined });
    expect(parse({ to: '2026-01-31' }).data).toMatchObject({ from: '2025-11-03', to: '2026-01-31' });
  });

  it('allows three years to the day, from a 29 February too', () => {
    expect(parse({ from: '2024-02-29', to: '2027-02-28' }).success).toBe(true);
    expect(parse({ from: '2024-02-29', to: '2027-03-01' }).success).toBe(false);
    expect(parse({ from: '2026-11-20', to: '2026-11-20' }).success).toBe(true);
  });
});

describe('the trend on the dashboard', () => {
  const row = (date: string, red: number, yellow: number) => ({ date, red, yellow, green: 10, grey: 1 });

  it('shows the empty state until two days exist', () => {
    expect(renderToStaticMarkup(createElement(LightTrend, { rows: [] }))).toContain(
      '暂无历史数据：每天首次访问时记录一次',
    );
    const one = renderToStaticMarkup(createElement(LightTrend, { rows: [row('2026-11-20', 3, 4)] }));
    expect(one).toContain('暂无历史数据');
    expect(one).toContain('已记录 2026-11-20：红灯 3 个，黄灯 4 个');
    expect(one).not.toContain('role="img"');
  });

  it('with two days or more: a labelled chart, a summary of the change and a table of every day', () => {
    const html = renderToStaticMarkup(
      createElement(LightTrend, { rows: [row('2026-11-18', 5, 9), row('2026-11-19', 6, 9), row('2026-11-20', 8, 7)] }),
    );
    expect(html).not.toContain('暂无历史数据');
    expect(html).toContain('role="img"');
    expect(html).toContain(
      '2026-11-20 红灯 8 个、黄灯 7 个；与 2026-11-18（红灯 5 个、黄灯 9 个）相比，红灯增加 3 个，黄灯减少 2 个。',
    );
    expect(html.match(/<tr>/g)).toHaveLength(4);
  });

  it('says 持平 when nothing moved', () => {
    expect(trendSummary([row('2026-11-19', 2, 3), row('2026-11-20', 2, 3)])).toContain('红灯持平，黄灯持平');
  });
});

describe('adjustment values in Chinese', () => {
  it.each([
    ['status', 'terminated', '终止'],
    ['shuangshi', true, '纳入'],
    ['plannedInvestment', 12000, '12,000 万元'],
    ['stageDueDate', '2027-01-31', '2027-01-31'],
    ['plannedStartDate', null, '未设定'],
  ])('%s %j → %s', (field, value, text) => {
    expect(adjustmentValue(field, value)).toBe(text);
  });
});
