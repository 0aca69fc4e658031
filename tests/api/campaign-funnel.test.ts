import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce } from '../support/api';
import { getDb } from '@/db';
import { campaigns } from '@/db/schema';
import { getCampaignDetail } from '@/db/queries/campaigns';
import { POST as create } from '@/app/api/v1/leads/route';
import { POST as transition } from '@/app/api/v1/leads/[id]/transitions/route';

beforeAll(() => seedOnce());

// The 招商活动 转化漏斗 read from the database: leads moved through the real transitions, so their
// lead_stage_history rows are the ones the app writes.

describe('getCampaignDetail: the conversion funnel', () => {
  it('counts every lead that ever reached each stage, whether it moved on, back or was dropped', async () => {
    const cookie = await loginAs('investment');
    const campaignId = getDb()
      .insert(campaigns)
      .values({ name: '漏斗测试招商活动', destinations: '深圳' })
      .returning({ id: campaigns.id })
      .get().id;
    let company = 0;
    const newLead = async (intendedInvestment: number) => {
      const result = await call(create, {
        method: 'POST',
        cookie,
        body: { company: `漏斗测试${++company}号有限公司`, campaignId, intendedInvestment },
      });
      expect(result.status).toBe(201);
      return result.body as { id: number; version: number };
    };
    const moves = async (lead: { id: number; version: number }, steps: Array<[string, string?]>) => {
      let version = lead.version;
      for (const [to, reason] of steps) {
        const result = await call(transition, {
          method: 'POST',
          cookie,
          params: { id: String(lead.id) },
          body: { to, version, ...(reason ? { reason } : {}) },
        });
        expect(result.status, `${to}: ${JSON.stringify(result.body)}`).toBe(200);
        version = (result.body as { version: number }).version;
      }
    };

    await newLead(100); // stays at 线索
    await moves(await newLead(200), [['negotiating'], ['dropped', '企业投资方向调整']]);
    await moves(await newLead(300), [['contacting'], ['signed'], ['contacting', '合同条款重新商谈']]);

    const detail = getCampaignDetail(campaignId)!;
    expect(detail.funnel).toEqual([
      { stage: 'prospect', count: 3, amount: 600 },
      // The dropped lead skipped 接洽 on its way to 洽谈: it passed it.
      { stage: 'contacting', count: 2, amount: 500 },
      { stage: 'negotiating', count: 2, amount: 500 },
      // Moved back to 接洽, the third lead still reached 签约.
      { stage: 'signed', count: 1, amount: 300 },
      { stage: 'landed', count: 0, amount: 0 },
    ]);
    // Counted by current stage, the same campaign has nobody at 洽谈 or 签约.
    const now = Object.fromEntries(detail.byStage.map((row) => [row.stage, row.count]));
    expect(now).toEqual({ prospect: 1, contacting: 1, dropped: 1 });
  });
});
