import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { leads } from '@/db/schema';
import { POST as leadImport } from '@/app/api/v1/imports/leads/route';
import { chainLinkRefs } from '@/domain/chains';
import { toWan } from '@/lib/rules/currency';
import { call, loginAs, seedOnce } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';
import { loadLeadImportPreview } from '@/domain/lead-imports';

// POST /api/v1/imports/leads with the pledge and chain columns of issue 16 (issue 20, item 6): USD
// and JPY rows are stored as the API stores them (万元 by toWan); a bad rate, an unknown currency
// and an unknown chain link are row errors naming the row and column; nothing is written unless
// validOnly.

const HEADER = [
  '企业名称',
  '产业',
  '产业链环节',
  '意向投资（万元）',
  '货币',
  '外币金额',
  '汇率（元/单位）',
  '汇率日期',
];
const COMPANIES = [
  '外币导入美资',
  '外币导入日资',
  '外币导入坏汇率',
  '外币导入坏币种',
  '外币导入坏环节',
  '外币导入人民币',
];

beforeAll(() => seedOnce());

async function post(cookie: string, query: string, bytes?: Uint8Array) {
  return call(leadImport, {
    method: 'POST',
    cookie,
    path: `/api/v1/imports/leads?${query}`,
    rawBody: bytes ?? new Uint8Array(),
    headers: { 'content-type': 'application/octet-stream' },
  });
}

const stored = () => getDb().select().from(leads).where(inArray(leads.company, COMPANIES)).all();

describe('lead import with currencies and chain links', () => {
  it('imports USD and JPY pledges as the API computes them; bad rows are named and block the commit', async () => {
    const link = chainLinkRefs().find((candidate) => candidate.active)!;
    const cookie = await loginAs('investment');
    const bytes = await workbookBuffer([
      HEADER,
      [COMPANIES[0], link.industryName, `${link.chainName}/${link.name}`, '', '美元', '100万美元', 7.1, '2026-11-01'],
      [COMPANIES[1], link.industryName, '', 593, 'JPY', 123_456_789, '0.048', '2026年11月'],
      [COMPANIES[2], '', '', '', '美元', 1_000_000, -7.1, ''],
      [COMPANIES[3], '', '', '', '英镑', 1_000_000, 9.1, ''],
      [COMPANIES[4], link.industryName, '不存在产业链/不存在环节', 100, '', '', '', ''],
      [COMPANIES[5], '', '', '8亿', '人民币', '', '', ''],
    ]);
    const preview = await post(cookie, 'mode=preview&fileName=外币线索.xlsx', bytes);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 3 });
    expect(preview.body.errors).toEqual([
      { row: 4, column: '汇率（元/单位）', message: expect.stringContaining('汇率"-7.1"须大于 0') },
      { row: 5, column: '货币', message: expect.stringContaining('币种"英镑"无法识别') },
      { row: 6, column: '产业链环节', message: expect.stringContaining('产业链环节"不存在产业链/不存在环节"不存在') },
    ]);
    // The stored preview (the /import page's) shows the conversion beside what was written.
    const usd = loadLeadImportPreview(actorOf('investment'), preview.body.previewId).rows.find((row) => row.row === 2);
    expect(usd?.action === 'create' && usd.conversions).toContainEqual({
      column: '外币金额',
      written: '100 万美元 × 7.1',
      converted: '710 万元',
    });

    // Error rows block the whole file: nothing is written.
    const refused = await post(cookie, `mode=commit&previewId=${preview.body.previewId}`);
    expect(refused.status).toBe(400);
    expect(stored()).toEqual([]);

    const commit = await post(cookie, `mode=commit&previewId=${preview.body.previewId}&validOnly=true`);
    expect(commit.status, JSON.stringify(commit.body)).toBe(201);
    expect(commit.body).toMatchObject({ created: 3, skipped: 3 });
    const byCompany = new Map(stored().map((lead) => [lead.company, lead]));
    expect([...byCompany.keys()].sort()).toEqual([COMPANIES[0], COMPANIES[1], COMPANIES[5]].sort());
    expect(byCompany.get(COMPANIES[0])).toMatchObject({
      industryId: link.industryId,
      chainLinkId: link.id,
      currency: 'USD',
      amountOriginal: 1_000_000,
      exchangeRate: 7.1,
      rateDate: '2026-11-01',
      intendedInvestment: toWan(1_000_000, 7.1),
    });
    expect(toWan(1_000_000, 7.1)).toBe(710);
    expect(byCompany.get(COMPANIES[1])).toMatchObject({
      industryId: link.industryId,
      chainLinkId: null,
      currency: 'JPY',
      amountOriginal: 123_456_789,
      exchangeRate: 0.048,
      rateDate: '2026-11-01',
      intendedInvestment: 593,
    });
    expect(byCompany.get(COMPANIES[5])).toMatchObject({
      currency: 'CNY',
      amountOriginal: null,
      exchangeRate: null,
      rateDate: null,
      intendedInvestment: 80_000,
    });
    expect(getDb().select().from(leads).where(eq(leads.company, COMPANIES[2])).get()).toBeUndefined();
  }, 60_000);
});
