'use client';

import { useState } from 'react';
import { SelectField, TextField, enumOptions } from '@/components/ui/field';
import { CURRENCIES, CURRENCY_LABELS, type Currency } from '@/lib/rules/enums';
import { rateMicros, toWan } from '@/lib/rules/currency';
import { formatWan } from '@/lib/rules/money';

type Bound = (name: 'intendedInvestment' | 'currency' | 'amountOriginal' | 'exchangeRate' | 'rateDate') => {
  name: string;
  defaultValue: string | undefined;
  error: string[] | undefined;
};

const isCurrency = (value: string | undefined): value is Currency =>
  (CURRENCIES as readonly string[]).includes(value ?? '');

/** The 万元 equivalent the server will store, shown while typing; null until amount and rate are valid. */
function preview(amount: string, rate: string): number | null {
  const units = Number(amount.replace(/[,，\s]/g, ''));
  const perUnit = Number(rate.trim());
  if (!amount.trim() || !Number.isSafeInteger(units) || units < 0 || !rate.trim() || rateMicros(perUnit) == null)
    return null;
  return toWan(units, perUnit);
}

/**
 * The pledge of a lead (issue 16): 人民币 in 万元, or a foreign currency in whole units at a rate in
 * yuan per unit with its date — the 万元 equivalent is computed (half-up) and shown, not typed.
 */
export function PledgeFields({ field, idPrefix = 'f' }: { field: Bound; idPrefix?: string }) {
  const currencyField = field('currency');
  const amountField = field('amountOriginal');
  const rateField = field('exchangeRate');
  const [currency, setCurrency] = useState<Currency>(
    isCurrency(currencyField.defaultValue) ? currencyField.defaultValue : 'CNY',
  );
  const [amount, setAmount] = useState(amountField.defaultValue ?? '');
  const [rate, setRate] = useState(rateField.defaultValue ?? '');
  const label = CURRENCY_LABELS[currency];
  const wan = currency === 'CNY' ? null : preview(amount, rate);
  return (
    <>
      <SelectField
        {...currencyField}
        // A select's defaultValue is applied on mount only: remount it when a refused save returns
        // another currency, so React's form reset puts back what was chosen.
        key={currencyField.defaultValue ?? 'CNY'}
        defaultValue={currencyField.defaultValue || 'CNY'}
        id={`${idPrefix}-currency`}
        label="投资币种"
        onChange={(event) => setCurrency(event.target.value as Currency)}
        options={enumOptions(CURRENCIES, CURRENCY_LABELS)}
      />
      {currency === 'CNY' ? (
        <TextField
          {...field('intendedInvestment')}
          id={`${idPrefix}-intendedInvestment`}
          label="意向投资（万元）"
          inputMode="numeric"
          hint="非负整数，单位万元"
        />
      ) : (
        <>
          <TextField
            {...amountField}
            onChange={(event) => setAmount(event.target.value)}
            id={`${idPrefix}-amountOriginal`}
            label={`意向投资（${label}，元）`}
            inputMode="numeric"
            required
            hint={`以${label}计的整数金额，如 5000000`}
          />
          <TextField
            {...rateField}
            onChange={(event) => setRate(event.target.value)}
            id={`${idPrefix}-exchangeRate`}
            label={`汇率（1 ${label}折合人民币元）`}
            inputMode="decimal"
            required
            hint="大于 0，最多 6 位小数"
          />
          <TextField {...field('rateDate')} id={`${idPrefix}-rateDate`} label="汇率日期" type="date" />
          <p className="self-end pb-2 text-sm text-slate-700" aria-live="polite" data-testid="pledge-wan">
            折合人民币：
            <strong className="tabular-nums">{formatWan(wan)}</strong>
            {field('intendedInvestment').error ? (
              <span className="block text-red-700">{field('intendedInvestment').error!.join('；')}</span>
            ) : null}
          </p>
        </>
      )}
    </>
  );
}
