import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as money from '@/lib/rules/money';
import { formatWan, formatYi } from '@/lib/rules/money';

// Issue 18: one unit per block. Totals in 亿元 with two decimals, single projects in 万元 without decimals.
describe('money formatting', () => {
  it('formats a single project in 万元, whole, with thousands separators', () => {
    expect(formatWan(0)).toBe('0 万元');
    expect(formatWan(8_000)).toBe('8,000 万元');
    expect(formatWan(123_456)).toBe('123,456 万元');
    expect(formatWan(null)).toBe('—');
  });

  it('formats totals in 亿元 with exactly two decimals, also below 1 亿', () => {
    expect(formatYi(0)).toBe('0.00 亿元');
    expect(formatYi(5_000)).toBe('0.50 亿元');
    expect(formatYi(12_345)).toBe('1.23 亿元');
    expect(formatYi(12_355)).toBe('1.24 亿元');
    expect(formatYi(2_200_000)).toBe('220.00 亿元');
    expect(formatYi(123_456_789)).toBe('12,345.68 亿元');
    expect(formatYi(undefined)).toBe('—');
  });

  it('has no helper that switches unit by size', () => {
    expect(Object.keys(money)).not.toContain('formatMoneyCompact');
  });

  it('no source file mixes units with a size-dependent helper', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && readFileSync(path, 'utf8').includes('formatMoneyCompact'))
          offenders.push(path);
      }
    };
    for (const dir of ['app', 'components', 'lib', 'domain']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
