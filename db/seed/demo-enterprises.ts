import { eq, sql } from 'drizzle-orm';
import { enterprises, leadFollowups, leads, projects } from '../schema';
import { creditCodeCheckChar, enterpriseNameKey } from '@/lib/rules/enterprise';
import { prng, type DemoContext } from './demo-context';

// 企业库 for the demo (issue 16): each lead's company becomes one enterprise (name variants share it,
// as migration 0005 does for deployed data); domestic companies get a valid 统一社会信用代码, foreign
// ones none; converted leads name their investor on the project. Its own PRNG, so earlier parts keep
// their draws.

/** Regions that mean a foreign investor (no 统一社会信用代码). */
const FOREIGN = new Set(['德国', '日本', '新加坡', '韩国', '美国', '中国香港']);
/** 登记管理部门 9 (工商) + 机构类别 1 (企业), then the 行政区划码 of the home city. */
const AREA_CODES: Record<string, string> = {
  北京: '110000',
  上海: '310000',
  广东深圳: '440300',
  广东广州: '440100',
  广东东莞: '441900',
  广东佛山: '440600',
  广东珠海: '440400',
  浙江杭州: '330100',
  浙江宁波: '330200',
  浙江温州: '330300',
  浙江绍兴: '330600',
};
const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A well-formed demo credit code for a company of `region`: its check character computed, never a real one. */
export function demoCreditCode(rand: ReturnType<typeof prng>, region: string | null): string {
  const area = (region && AREA_CODES[region]) || '220200';
  let body = '';
  for (let i = 0; i < 9; i++) body += BODY_CHARS[rand.int(0, i < 8 ? 30 : 9)];
  const first17 = `91${area}${body}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export function seedDemoEnterprises({ tx, investmentUsers }: DemoContext): number {
  const rand = prng(2026_1201);
  const rows = tx.select().from(leads).orderBy(leads.id).all();
  const byKey = new Map<string, number>();
  for (const lead of rows) {
    const key = enterpriseNameKey(lead.company);
    let enterpriseId = byKey.get(key);
    if (enterpriseId == null) {
      const foreign = lead.origin != null && FOREIGN.has(lead.origin);
      enterpriseId = tx
        .insert(enterprises)
        .values({
          name: lead.company,
          nameKey: key,
          creditCode: foreign ? null : demoCreditCode(rand, lead.origin),
          region: lead.origin,
          industryId: lead.industryId,
          contacts: lead.contactName
            ? [
                {
                  name: lead.contactName,
                  title: lead.contactTitle,
                  phone: lead.contactPhone,
                  email: lead.contactEmail,
                },
              ]
            : [],
          createdBy: lead.ownerId ?? investmentUsers[0]!.id,
          createdAt: lead.createdAt,
          updatedAt: lead.createdAt,
        })
        .returning({ id: enterprises.id })
        .get().id;
      byKey.set(key, enterpriseId);
    }
    const last = tx
      .select({ date: sql<string | null>`max(${leadFollowups.date})` })
      .from(leadFollowups)
      .where(eq(leadFollowups.leadId, lead.id))
      .get()?.date;
    tx.update(leads)
      .set({ enterpriseId, lastFollowupDate: last ?? lead.createdAt.slice(0, 10) })
      .where(eq(leads.id, lead.id))
      .run();
    if (lead.projectId != null)
      tx.update(projects).set({ investorEnterpriseId: enterpriseId }).where(eq(projects.id, lead.projectId)).run();
  }
  return byKey.size;
}
