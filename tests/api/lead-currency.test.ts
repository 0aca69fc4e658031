import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, loginAs, seedOnce, uniqueName } from '../support/api';
import { getDb } from '@/db';
import { leads } from '@/db/schema';
import { GET as list, POST as create } from '@/app/api/v1/leads/route';
import { PATCH } from '@/app/api/v1/leads/[id]/route';

// Issue 16: a pledge in CNY, USD, EUR, JPY, HKD, SGD or KRW; intendedInvestment is its 万元, half-up.

beforeAll(() => seedOnce());

describe('lead pledges in foreign currencies', () => {
  it('stores the 万元 equivalent and sums mixed currencies in 万元', async () => {
    const cookie = await loginAs('investment');
    const tag = uniqueName('币种');
    // [body, 万元 worked by hand]
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ currency: 'USD', amountOriginal: 5_000_000, exchangeRate: 7.1, rateDate: '2026-11-02' }, 3_550],
      [{ currency: 'EUR', amountOriginal: 12_345_678, exchangeRate: 7.8123 }, 9_645], // 96 448 139.2 元 → 9 644.8 万 → 9 645
      [{ currency: 'JPY', amountOriginal: 1_000_000_000, exchangeRate: 0.047513 }, 4_751], // 4 751.3
      [{ currency: 'KRW', amountOriginal: 50_000_000, exchangeRate: 0.0051 }, 26], // 25.5 → 26
      [{ intendedInvestment: 1_234 }, 1_234],
    ];
    for (const [index, [body, wan]] of cases.entries()) {
      const made = await call(create, {
        method: 'POST',
        cookie,
        body: { company: `${tag}第${index + 1}公司`, ...body },
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ intendedInvestment: wan, currency: body.currency ?? 'CNY' });
    }
    const listed = await call(list, { cookie, path: `/api/v1/leads?q=${encodeURIComponent(tag)}&pageSize=50` });
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(cases.length);
    expect(listed.body.intendedInvestment).toBe(cases.reduce((sum, [, wan]) => sum + wan, 0));
  });

  it('refuses a foreign pledge with no rate or a rate ≤ 0, naming exchangeRate, and writes nothing', async () => {
    const cookie = await loginAs('investment');
    const before = getDb().select().from(leads).all().length;
    for (const rate of [undefined, 0, -7.1]) {
      const res = await call(create, {
        method: 'POST',
        cookie,
        body: { company: uniqueName('无汇率'), currency: 'USD', amountOriginal: 100_000, exchangeRate: rate },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.fields.exchangeRate[0]).toMatch(/汇率/);
    }
    const noAmount = await call(create, {
      method: 'POST',
      cookie,
      body: { company: uniqueName('无金额'), currency: 'SGD', exchangeRate: 5.3 },
    });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.error.fields.amountOriginal).toBeDefined();
    expect(getDb().select().from(leads).all().length).toBe(before);
  });

  it('recomputes on a new rate and keeps CNY as entered when switched back', async () => {
    const cookie = await loginAs('investment');
    const made = await call(create, {
      method: 'POST',
      cookie,
      body: { company: uniqueName('换汇率'), currency: 'HKD', amountOriginal: 10_000_000, exchangeRate: 0.91 },
    });
    expect(made.body.intendedInvestment).toBe(910);
    const rate = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: { id: String(made.body.id) },
      body: { version: made.body.version, exchangeRate: 0.925 },
    });
    expect(rate.status).toBe(200);
    expect(rate.body).toMatchObject({ intendedInvestment: 925, exchangeRate: 0.925, currency: 'HKD' });
    const cny = await call(PATCH, {
      method: 'PATCH',
      cookie,
      params: { id: String(made.body.id) },
      body: { version: rate.body.version, currency: 'CNY', intendedInvestment: 900 },
    });
    expect(cny.status).toBe(200);
    const row = getDb().select().from(leads).where(eq(leads.id, made.body.id)).get()!;
    expect(row).toMatchObject({ currency: 'CNY', amountOriginal: null, exchangeRate: null, intendedInvestment: 900 });
  });
});
