import { describe, expect, it } from 'vitest';
import { readOriginalAmount, readRate, readMoney } from '@/lib/excel/cells';
import { mapHeaders } from '@/lib/excel/headers';
import { LEAD_COLUMNS } from '@/lib/excel/lead-columns';
import { chainLinkLookup, parseLeadRow, planLeadRows, type LeadLookups } from '@/lib/excel/lead-rows';
import type { ChainLinkRef } from '@/lib/rules/chain-links';

// A lead's foreign-currency pledge and 产业链环节 in a spreadsheet (issue 20, item 6), read as the API
// reads them (lib/rules/pledge.ts, lib/rules/chain-links.ts).

const LINKS: ChainLinkRef[] = [
  { id: 11, name: '原丝', chainName: '碳纤维产业链', industryId: 1, industryName: '碳纤维及新材料', active: true },
  { id: 12, name: '复材制品', chainName: '碳纤维产业链', industryId: 1, industryName: '碳纤维及新材料', active: true },
  { id: 21, name: '整车', chainName: '汽车产业链', industryId: 2, industryName: '汽车及零部件', active: true },
  { id: 22, name: '复材制品', chainName: '汽车产业链', industryId: 2, industryName: '汽车及零部件', active: true },
  { id: 23, name: '旧环节', chainName: '汽车产业链', industryId: 2, industryName: '汽车及零部件', active: false },
];

const lookups: LeadLookups = {
  units: new Map(),
  industries: new Map([
    ['碳纤维及新材料', 1],
    ['汽车及零部件', 2],
  ]),
  campaigns: new Map(),
  owners: new Map(),
  chainLinks: chainLinkLookup(LINKS),
};

function parse(header: string[], cells: unknown[]) {
  const mapping = mapHeaders(
    header.map((text, i) => ({ column: i + 1, text })),
    LEAD_COLUMNS,
  );
  expect(mapping.unknown).toEqual([]);
  return parseLeadRow(3, mapping.matches, cells, lookups);
}

const PLEDGE = ['企业名称', '意向投资（万元）', '币种', '原币金额', '汇率', '汇率日期'];

describe('lead currency and chain headers', () => {
  it('maps the names and aliases of the new columns', () => {
    const mapping = mapHeaders(
      ['货币', '外币金额', '汇率（元/单位）', '汇率日期', '产业链', '协议金额（原币）', '折算汇率', '产业链环节'].map(
        (text, i) => ({ column: i + 1, text }),
      ),
      LEAD_COLUMNS,
    );
    expect(mapping.matches.map((match) => [match.key, match.column])).toEqual([
      ['currency', 1],
      ['amountOriginal', 2],
      ['exchangeRate', 3],
      ['rateDate', 4],
      ['chainLinkId', 5],
    ]);
    expect(mapping.duplicates.map((duplicate) => duplicate.key).sort()).toEqual([
      'amountOriginal',
      'chainLinkId',
      'exchangeRate',
    ]);
  });
});

describe('原币金额 and 汇率 cells', () => {
  it.each([
    [1_000_000, null, 1_000_000, null],
    ['1,000,000', null, 1_000_000, null],
    ['100万美元', null, 1_000_000, '美元'],
    ['2.5亿日元', null, 250_000_000, '日元'],
    ['100万', null, 1_000_000, null],
    [100, '万美元', 1_000_000, '美元'],
    ['３５０万', '美元', 3_500_000, '美元'],
  ])('%s (header unit %s) → %d units, currency %s', (written, unit, units, label) => {
    expect(readOriginalAmount(written, unit)).toEqual({ units, label });
  });

  it.each([
    ['约100万美元', '估计数'],
    ['100-200万美元', '范围'],
    ['100.5', '整数'],
    ['-5', '负数'],
    ['一百万', '不是数字'],
  ])('%s is refused (%s)', (written, reason) => {
    const reading = readOriginalAmount(written, null);
    expect('message' in reading && reading.message).toContain(reason);
  });

  it.each([
    [7.1, 7.1],
    ['7.1', 7.1],
    ['7.1元', 7.1],
    ['0.048523', 0.048523],
    [0.0052, 0.0052],
  ])('汇率 %s → %d', (written, rate) => {
    expect(readRate(written, 6)).toEqual({ rate });
  });

  it.each([
    [0, '大于 0'],
    ['-7.1', '大于 0'],
    ['0.0485231', '6 位小数'],
    ['约7.1', '确定'],
    ['七点一', '不是数字'],
  ])('汇率 %s is refused (%s)', (written, reason) => {
    const reading = readRate(written, 6);
    expect('message' in reading && reading.message).toContain(reason);
  });

  it('ranges with a unit on both sides are still ranges for 万元 money', () => {
    expect(readMoney('3亿-5亿', 1)).toEqual({ message: '是一个范围，请填写一个确定的金额' });
    expect(readMoney('35.5亿元', 1)).toEqual({ wan: 355_000 });
  });
});

describe('a lead row with a pledge', () => {
  it('a USD row: intendedInvestment is toWan(amount, rate), shown as "100 万美元 × 7.1 → 710 万元"', () => {
    const parsed = parse(PLEDGE, ['美资企业', '', '美元', '100万美元', 7.1, '2026-11-01']);
    expect(parsed.errors).toEqual([]);
    expect(parsed.values).toMatchObject({
      company: '美资企业',
      currency: 'USD',
      amountOriginal: 1_000_000,
      exchangeRate: 7.1,
      rateDate: '2026-11-01',
      intendedInvestment: 710,
    });
    expect(parsed.conversions).toContainEqual({
      column: '原币金额',
      written: '100 万美元 × 7.1',
      converted: '710 万元',
    });
  });

  it('codes, labels and aliases name the currency; a JPY pledge rounds half-up as the API does', () => {
    expect(parse(PLEDGE, ['甲', '', 'usd', 1_000_000, '7.1', null]).values.currency).toBe('USD');
    expect(parse(PLEDGE, ['甲', '', '港币', 1_000_000, 0.91, null]).values).toMatchObject({
      currency: 'HKD',
      intendedInvestment: 91,
    });
    // 123,456,789 JPY × 0.048 = 5,925,925.872 元 = 592.59… 万元 → 593.
    expect(parse(PLEDGE, ['甲', 593, '日元', 123_456_789, 0.048, null]).values).toMatchObject({
      currency: 'JPY',
      intendedInvestment: 593,
    });
  });

  it('the currency written in the amount gives the row its currency when 币种 is blank', () => {
    expect(parse(PLEDGE, ['甲', '', '', '50万欧元', 7.8, null]).values).toMatchObject({
      currency: 'EUR',
      amountOriginal: 500_000,
      intendedInvestment: 390,
    });
  });

  it.each([
    [['甲', 700, '美元', 1_000_000, 7.1, null], '意向投资（万元）', /折合 710 万元，与填写的 700 万元不一致/],
    [['甲', '', '英镑', 1_000_000, 9.1, null], '币种', /币种"英镑"无法识别，可填：人民币（CNY）、美元（USD）/],
    [['甲', '', '美元', '100万日元', 7.1, null], '原币金额', /写的是日元，与币种"美元"不一致/],
    [['甲', '', '美元', 1_000_000, 0, null], '汇率', /须大于 0/],
    [['甲', '', '美元', 1_000_000, 7.1234567, null], '汇率', /最多保留 6 位小数/],
    [['甲', '', '美元', '约100万', 7.1, null], '原币金额', /估计数/],
    [['甲', '', '', 1_000_000, 7.1, null], '币种', /请同时填写币种/],
    [['甲', 500, '人民币', 1_000_000, null, null], '原币金额', /币种为人民币时不填原币金额/],
    [['甲', '', '美元', 1_000_000, 7.1, '明年'], '汇率日期', /不是有效日期/],
  ])('%j → error in %s', (cells, column, message) => {
    const parsed = parse(PLEDGE, cells);
    expect(parsed.errors).toEqual([{ row: 3, column, message: expect.stringMatching(message) }]);
  });

  it('a foreign row without its rate is an error when planned as a new lead (the API rule)', () => {
    const parsed = parse(['企业名称', '币种', '原币金额'], ['新外资企业', '美元', 1_000_000]);
    expect(parsed.errors).toEqual([]);
    const [planned] = planLeadRows([parsed], {
      actor: { id: 1, role: 'admin', unitId: null },
      existing: [],
      headers: new Map(),
      ownerTeam: () => null,
    });
    expect(planned).toMatchObject({
      action: 'error',
      errors: [{ column: '汇率', message: expect.stringContaining('外币须填写大于 0 的汇率') }],
    });
  });
});

describe('产业链环节 cells', () => {
  const CHAIN = ['企业名称', '产业', '产业链环节'];
  const plan = (cells: unknown[]) =>
    planLeadRows([parse(CHAIN, cells)], {
      actor: { id: 1, role: 'admin', unitId: null },
      existing: [],
      headers: new Map(),
      ownerTeam: () => null,
      chainLinks: new Map(LINKS.map((link) => [link.id, link])),
    })[0];

  it.each([
    ['碳纤维产业链/原丝', 11],
    ['碳纤维产业链 · 原丝', 11],
    ['碳纤维产业链／复材制品', 12],
    ['碳纤维/原丝', 11],
    ['原丝', 11],
  ])('%s → link %d', (written, id) => {
    const planned = plan(['链上企业', '碳纤维及新材料', written]);
    expect(planned).toMatchObject({ action: 'create', input: { chainLinkId: id, industryId: 1 } });
  });

  it.each([
    [['甲', '碳纤维及新材料', '复材制品'], /在多条产业链中都有（碳纤维产业链、汽车产业链），请写成"产业链\/环节"/],
    [['甲', '碳纤维及新材料', '不存在的环节'], /产业链环节"不存在的环节"不存在/],
    [['甲', '碳纤维及新材料', '汽车产业链/整车'], /属于汽车及零部件，与所选行业不一致/],
    [['甲', '', '原丝'], /请先选择行业/],
    [['甲', '汽车及零部件', '旧环节'], /已停用/],
  ])('%j → error in 产业链环节', (cells, message) => {
    expect(plan(cells)).toMatchObject({
      action: 'error',
      errors: [{ column: '产业链环节', message: expect.stringMatching(message) }],
    });
  });
});
