import { describe, expect, it } from 'vitest';
import { toWan } from '@/lib/rules/currency';
import { resolvePledge, type Pledge } from '@/lib/rules/pledge';

// Issue 16: a foreign pledge is stored as its 万元 equivalent, rounded half-up; CNY stays as entered.

describe('resolvePledge', () => {
  it.each([
    // amount, rate, 万元 (worked by hand: amount × rate ÷ 10 000, half-up)
    [5_000, 1, 1], // 0.5 万 → 1
    [4_999, 1, 0], // 0.4999 万 → 0
    [15_000, 1, 2], // 1.5 → 2
    [25_000, 1, 3], // 2.5 → 3 (half-up, not to even)
    [5_000_000, 7.1, 3_550], // 500 万美元 at 7.1
    [1_000_000, 0.047513, 5], // 100 万日元: 47 513 元 = 4.7513 万 → 5
    [3, 0.000001, 0],
    [70_000_000, 7.0851, 49_596],
  ])('%i units at %f → %i 万元', (amount, rate, wan) => {
    // 70 000 000 × 7.0851 = 495 957 000 元 = 49 595.7 万 → 49 596
    const result = resolvePledge({ currency: 'USD', amountOriginal: amount, exchangeRate: rate });
    expect(result).toEqual({
      ok: true,
      pledge: { currency: 'USD', amountOriginal: amount, exchangeRate: rate, rateDate: null, intendedInvestment: wan },
    });
  });

  it('is exact where floating point is not: 0.1 + 0.2 style rates', () => {
    // 35 000 × 0.3 = 10 500 元 = 1.05 万 → 1; and 15 000 × 0.1 = 1 500 元 → 0.15 → 0
    expect(toWan(35_000, 0.3)).toBe(1);
    // 1 005 000 × 0.05 = 50 250 元 = 5.025 万 → 5
    expect(toWan(1_005_000, 0.05)).toBe(5);
    // 150 000 × 1.0001 = 150 015 元 = 15.0015 → 15; 5 000 × 2.9 = 14 500 → 1.45 → 1
    expect(toWan(150_000, 1.0001)).toBe(15);
    expect(toWan(5_000, 2.9)).toBe(1);
  });

  it('requires a rate above 0 and an amount for a foreign currency, naming the field', () => {
    expect(resolvePledge({ currency: 'EUR', amountOriginal: 100 })).toMatchObject({
      ok: false,
      fields: { exchangeRate: [expect.stringContaining('大于 0')] },
    });
    expect(resolvePledge({ currency: 'EUR', amountOriginal: 100, exchangeRate: 0 })).toMatchObject({
      ok: false,
      fields: { exchangeRate: expect.any(Array) },
    });
    expect(resolvePledge({ currency: 'EUR', amountOriginal: 100, exchangeRate: -7.8 })).toMatchObject({ ok: false });
    expect(resolvePledge({ currency: 'EUR', exchangeRate: 7.8 })).toMatchObject({
      ok: false,
      fields: { amountOriginal: expect.any(Array) },
    });
    expect(resolvePledge({ currency: 'EUR', amountOriginal: 100, exchangeRate: 7.1234567 })).toMatchObject({
      ok: false,
      fields: { exchangeRate: ['汇率最多保留 6 位小数'] },
    });
    expect(
      resolvePledge({ currency: 'EUR', amountOriginal: 1_000_000, exchangeRate: 7.8, intendedInvestment: 100 }),
    ).toMatchObject({ ok: false, fields: { intendedInvestment: expect.any(Array) } });
  });

  it('keeps CNY as entered and drops any original amount or rate', () => {
    expect(resolvePledge({ intendedInvestment: 321, amountOriginal: 5, exchangeRate: 2 })).toEqual({
      ok: true,
      pledge: { currency: 'CNY', amountOriginal: null, exchangeRate: null, rateDate: null, intendedInvestment: 321 },
    });
  });

  it('a patch merges with the stored pledge: a new rate recomputes, a switch to CNY clears', () => {
    const stored: Pledge = {
      currency: 'SGD',
      amountOriginal: 2_000_000,
      exchangeRate: 5.3,
      rateDate: '2026-11-01',
      intendedInvestment: 1_060,
    };
    expect(resolvePledge({ exchangeRate: 5.35 }, stored)).toMatchObject({
      ok: true,
      pledge: { currency: 'SGD', amountOriginal: 2_000_000, rateDate: '2026-11-01', intendedInvestment: 1_070 },
    });
    expect(resolvePledge({ currency: 'CNY' }, stored)).toMatchObject({
      ok: true,
      pledge: { currency: 'CNY', amountOriginal: null, exchangeRate: null, intendedInvestment: 1_060 },
    });
    // Another foreign currency does not inherit the old rate.
    expect(resolvePledge({ currency: 'HKD' }, stored)).toMatchObject({ ok: false });
  });
});
