import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { seedOnce } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';
import { getDb } from '@/db';
import { enterprises, leads } from '@/db/schema';
import { commitLeadImport, previewLeadImport } from '@/domain/lead-imports';
import { createLead } from '@/domain/leads';
import { creditCodeCheckChar } from '@/lib/rules/enterprise';

// 首报首谈 in the lead import (issue 16): a row naming an enterprise that already has an open lead
// (name variants, credit code) or that an earlier row of the file names is a row error in the
// preview; the other rows create leads linked to matched or new enterprises.

beforeAll(() => seedOnce());

const code = (n: number) => {
  const body = `91220211MA${String(Date.now() % 1e6).padStart(6, '0')}${n}`;
  return body + creditCodeCheckChar(body)!;
};

describe('lead import duplicates', () => {
  it('lists duplicates against open leads and within the file as row errors; commits the rest', async () => {
    const tag = Date.now().toString(36);
    const codeA = code(1);
    const codeB = code(2);
    // The first reporter: 招商二组 already works this investor, by name and by credit code.
    const first = createLead(actorOf('investment3'), { company: `北方${tag}化纤有限公司`, intendedInvestment: 0 });
    createLead(actorOf('investment3'), { company: `丰满${tag}水电有限公司`, creditCode: codeA, intendedInvestment: 0 });
    const bytes = await workbookBuffer([
      ['企业名称', '统一社会信用代码', '拟建项目'],
      [`北方${tag}化纤集团`, '', '新项目甲'], // name variant of an open lead
      [`名字不同${tag}`, codeA, '新项目乙'], // an open lead's credit code
      [`船营${tag}光电有限公司`, codeB, '新项目丙'], // new enterprise, valid
      [`船营${tag}光电股份有限公司`, '', '新项目丁'], // same enterprise as row 5
      [`龙潭${tag}机械有限公司`, codeB.slice(0, 17) + (codeB[17] === '0' ? '1' : '0'), '新项目戊'], // bad check
      [`昌邑${tag}食品有限公司`, '', '新项目己'], // new, valid
    ]);
    const preview = await previewLeadImport(actorOf('investment'), { name: '线索.xlsx', bytes });
    // Keyed by the row's proposed project (甲 … 己), whatever line the reader numbers it.
    const byRow = new Map(preview.rows.map((row) => [row.name.slice(-1), row]));
    const message = (row: string) => {
      const planned = byRow.get(row)!;
      return planned.action === 'error' ? planned.errors.map((error) => error.message).join('；') : '';
    };
    expect(byRow.get('甲')!.action).toBe('error');
    expect(message('甲')).toContain(`#${first.id}`);
    expect(message('甲')).toContain('招商二组');
    expect(message('乙')).toContain('招商二组');
    expect(byRow.get('丙')!.action).toBe('create');
    expect(message('丁')).toContain(`与第 ${byRow.get('丙')!.row} 行是同一企业`);
    expect(message('戊')).toMatch(/校验位/);
    expect(byRow.get('己')!.action).toBe('create');
    expect(preview.counts).toMatchObject({ create: 2, error: 4 });

    const enterprisesBefore = getDb().select({ n: count() }).from(enterprises).get()!.n;
    commitLeadImport(actorOf('investment'), preview.id, { validOnly: true });
    const created = getDb()
      .select()
      .from(leads)
      .where(eq(leads.company, `船营${tag}光电有限公司`))
      .get()!;
    const linked = getDb().select().from(enterprises).where(eq(enterprises.id, created.enterpriseId!)).get()!;
    expect(linked.creditCode).toBe(codeB);
    expect(getDb().select({ n: count() }).from(enterprises).get()!.n).toBe(enterprisesBefore + 2);
    // The first reporter keeps the lead: still one open lead for it, its own.
    expect(getDb().select().from(leads).where(eq(leads.enterpriseId, first.enterpriseId!)).all()).toHaveLength(1);
  });
});
