import { CURRENCY_LABELS, type Currency } from './enums';
import { formatWan } from './money';

// A lead's pledge in a foreign currency (issue 16): whole units of the currency at a rate in yuan per
// unit (up to 6 decimals). The ledger keeps 万元: amount × rate / 10 000, rounded half-up, computed in
// integers so no pledge drifts by a float.

/** Rates carry at most this many decimals. */
export const RATE_DECIMALS = 6;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

/** The rate as an integer count of millionths of a yuan; null when not a positive number of ≤ 6 decimals. */
export function rateMicros(rate: number): bigint | null {
  if (!Number.isFinite(rate) || rate <= 0) return null;
  const micros = Math.round(rate * Number(RATE_SCALE));
  // Float noise in rate × 10⁶ is far below a thousandth of a millionth; a 7th decimal is not.
  if (micros <= 0 || Math.abs(micros - rate * Number(RATE_SCALE)) > 1e-3) return null;
  return BigInt(micros);
}

/** 万元 for `amount` whole units at `rate` yuan per unit, rounded half-up (amounts are not negative). */
export function toWan(amount: number, rate: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`金额必须是非负整数: ${amount}`);
  const micros = rateMicros(rate);
  if (micros == null) throw new Error(`汇率无效: ${rate}`);
  const divisor = 10_000n * RATE_SCALE;
  const yuanMicros = BigInt(amount) * micros;
  return Number((yuanMicros * 2n + divisor) / (divisor * 2n));
}

/** "500 万美元 ≈ 3,550 万元" style text for lists: the original amount, then the 万元 equivalent. */
export function formatPledge(lead: {
  currency: Currency;
  amountOriginal: number | null;
  intendedInvestment: number;
}): string {
  const wan = formatWan(lead.intendedInvestment);
  if (lead.currency === 'CNY' || lead.amountOriginal == null) return wan;
  const original = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(lead.amountOriginal / 10_000);
  return `${original} 万${CURRENCY_LABELS[lead.currency]}（约 ${wan}）`;
}
