import { CURRENCY_LABELS, type Currency } from './enums';
import { rateMicros, toWan } from './currency';

// A lead's pledge (issue 16) as stored: CNY is entered in 万元 (intendedInvestment, no original
// amount nor rate); a foreign currency is entered as whole units at a rate in yuan per unit, and
// intendedInvestment is their 万元 equivalent (toWan, half-up). One function decides both, for the
// API, the form and a patch (which merges with the stored lead).

export interface Pledge {
  currency: Currency;
  amountOriginal: number | null;
  exchangeRate: number | null;
  rateDate: string | null;
  intendedInvestment: number;
}

export type PledgeInput = Partial<{
  currency: Currency;
  amountOriginal: number | null;
  exchangeRate: number | null;
  rateDate: string | null;
  intendedInvestment: number;
}>;

export type PledgeResult = { ok: true; pledge: Pledge } | { ok: false; fields: Record<string, string[]> };

/** The pledge to store for `input` applied over `current` (a new lead has none), or field errors. */
export function resolvePledge(input: PledgeInput, current?: Pledge): PledgeResult {
  const currency = input.currency ?? current?.currency ?? 'CNY';
  if (currency === 'CNY') {
    return {
      ok: true,
      pledge: {
        currency,
        amountOriginal: null,
        exchangeRate: null,
        rateDate: null,
        intendedInvestment: input.intendedInvestment ?? current?.intendedInvestment ?? 0,
      },
    };
  }
  const kept = current?.currency === currency ? current : undefined;
  const pick = <K extends 'amountOriginal' | 'exchangeRate' | 'rateDate'>(key: K): Pledge[K] | null =>
    input[key] !== undefined ? (input[key] as Pledge[K] | null) : (kept?.[key] ?? null);
  const amountOriginal = pick('amountOriginal');
  const exchangeRate = pick('exchangeRate');
  const rateDate = pick('rateDate');
  const label = CURRENCY_LABELS[currency];
  const fields: Record<string, string[]> = {};
  if (amountOriginal == null) fields.amountOriginal = [`请填写以${label}计的意向投资金额`];
  if (exchangeRate == null || exchangeRate <= 0)
    fields.exchangeRate = [`外币须填写大于 0 的汇率（1 ${label}折合人民币元）`];
  else if (rateMicros(exchangeRate) == null) fields.exchangeRate = ['汇率最多保留 6 位小数'];
  if (Object.keys(fields).length) return { ok: false, fields };
  const wan = toWan(amountOriginal!, exchangeRate!);
  if (input.intendedInvestment !== undefined && input.intendedInvestment !== wan)
    return {
      ok: false,
      fields: {
        intendedInvestment: [`外币意向投资按原币金额和汇率折算为 ${wan} 万元，不能另填其他数额`],
      },
    };
  return { ok: true, pledge: { currency, amountOriginal, exchangeRate, rateDate, intendedInvestment: wan } };
}

/** The original amount alone, as lists print it beside the 万元 figure: "500 万美元"; null for CNY. */
export function originalPledge(lead: { currency: Currency; amountOriginal: number | null }): string | null {
  if (lead.currency === 'CNY' || lead.amountOriginal == null) return null;
  const wan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(lead.amountOriginal / 10_000);
  return `${wan} 万${CURRENCY_LABELS[lead.currency]}`;
}
