import { beforeAll, describe, expect, it } from 'vitest';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { GET as getProject } from '@/app/api/v1/projects/[id]/route';
import { GET as listReports, POST as createReportRoute } from '@/app/api/v1/projects/[id]/reports/route';
import { PATCH as patchReport } from '@/app/api/v1/reports/[id]/route';
import { GET as listCorrections } from '@/app/api/v1/reports/[id]/corrections/route';
import { monthOf, previousMonth, today } from '@/lib/rules/dates';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { and, eq } from 'drizzle-orm';

// 更正 (issue 18). vitest runs on 2026-11-20: the 2026-11 report is inside its filing window (due
// 2026-12-05), the 2026-10 report's window closed on 2026-11-05.

let changyi: number;
beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

async function projectWithTwoReports() {
  const project = await createProjectAs('officer', {
    name: uniqueName('更正测试'),
    category: 'attraction',
    unitId: changyi,
    completedInvestment: 1000,
  });
  const cookie = await loginAs('officer');
  const params = { id: String(project.id) };
  const thisMonth = monthOf(today());
  const file = (month: string, investmentThisMonth: number, progressPercent: number) =>
    call(createReportRoute, {
      method: 'POST',
      cookie,
      params,
      body: { month, investmentThisMonth, progressPercent, narrative: '施工' },
    });
  // Filed out of month order on purpose: the older month is filed second.
  const current = (await file(thisMonth, 200, 20)).body;
  const last = (await file(previousMonth(thisMonth), 300, 10)).body;
  return { project, params, cookie, current, last };
}

/** PATCH /api/v1/reports/:id as the holder of `cookie`. */
const correct = (cookie: string, params: { id: string }, body: Record<string, unknown>) =>
  call(patchReport, { method: 'PATCH', cookie, params, body });

const cumulative = async (cookie: string, params: { id: string }) =>
  Object.fromEntries(
    (await call(listReports, { cookie, params })).body.items.map((r: any) => [r.month, r.cumulativeInvestment]),
  );

describe('PATCH /api/v1/reports/:id', () => {
  it('lets the author correct inside the window without a reason and moves every later figure with it', async () => {
    const { params, cookie, current, last } = await projectWithTwoReports();
    expect(current.cumulativeInvestment).toBe(1200);
    expect(last.cumulativeInvestment).toBe(1500);

    const fixed = await correct(
      cookie,
      { id: String(current.id) },
      { investmentThisMonth: 250, progressPercent: 22, version: 1 },
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      investmentThisMonth: 250,
      progressPercent: 22,
      cumulativeInvestment: 1250,
      version: 2,
    });
    // The report filed after it counted it: it moves by the same 50.
    expect(await cumulative(cookie, params)).toEqual({ [current.month]: 1250, [last.month]: 1550 });
    expect((await call(getProject, { cookie, params })).body.completedInvestment).toBe(1550);

    const log = await call(listCorrections, { cookie, params: { id: String(current.id) } });
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(1);
    expect(log.body[0]).toMatchObject({
      reason: null,
      byUserId: userId('officer'),
      before: { investmentThisMonth: 200, progressPercent: 20 },
      after: { investmentThisMonth: 250, progressPercent: 22 },
    });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'report'), eq(auditLog.entityId, current.id), eq(auditLog.action, 'update')))
      .all();
    expect(audit).toHaveLength(1);
  });

  it('needs a reason after the 5th of the next month, keeps it, and shows it in the report list', async () => {
    const { params, cookie, last } = await projectWithTwoReports();
    const reportParams = { id: String(last.id) };
    const refused = await correct(cookie, reportParams, { investmentThisMonth: 280, version: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.reason[0]).toContain('更正须填写原因');
    expect(await cumulative(cookie, params)).toEqual({ [monthOf(today())]: 1200, [last.month]: 1500 });

    const ok = await correct(cookie, reportParams, {
      investmentThisMonth: 280,
      reason: '统计口径核对后调减',
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.cumulativeInvestment).toBe(1480);
    // The report filed before it did not count it and keeps its figure.
    expect(await cumulative(cookie, params)).toEqual({ [monthOf(today())]: 1200, [last.month]: 1480 });
    const listed = (await call(listReports, { cookie, params })).body.items.find((r: any) => r.id === last.id);
    expect(listed.corrections).toEqual([
      expect.objectContaining({ reason: '统计口径核对后调减', byName: expect.any(String) }),
    ]);
  });

  it('asks another editor (a leader) for a reason even inside the window', async () => {
    const { current } = await projectWithTwoReports();
    const leader = await loginAs('leader');
    const params = { id: String(current.id) };
    const noReason = await correct(leader, params, { narrative: '改写', version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toEqual(['更正他人填报的进度报告须填写原因']);
    const withReason = await correct(leader, params, { narrative: '改写', reason: '调度会核实', version: 1 });
    expect(withReason.status).toBe(200);
    expect(withReason.body.narrative).toBe('改写');
  });

  it('refuses strangers, stale versions, bad figures and empty corrections, writing nothing', async () => {
    const { params, cookie, current } = await projectWithTwoReports();
    const reportParams = { id: String(current.id) };
    for (const who of ['officer2', 'investment']) {
      const refused = await correct(await loginAs(who), reportParams, {
        investmentThisMonth: 1,
        reason: '无权',
        version: 1,
      });
      expect(refused.status).toBe(403);
    }
    const bad = await correct(cookie, reportParams, { investmentThisMonth: -5, progressPercent: 140, version: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['investmentThisMonth', 'progressPercent']);
    const same = await correct(cookie, reportParams, { investmentThisMonth: 200, version: 1 });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toContain('没有需要更正的内容');

    const first = await correct(cookie, reportParams, { progressPercent: 21, version: 1 });
    expect(first.status).toBe(200);
    const stale = await correct(cookie, reportParams, { investmentThisMonth: 999, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(await cumulative(cookie, params)).toEqual({ [current.month]: 1200, [previousMonth(current.month)]: 1500 });
    expect((await call(listCorrections, { cookie, params: reportParams })).body).toHaveLength(1);

    const missing = await correct(cookie, { id: '99999999' }, { progressPercent: 1, version: 1 });
    expect(missing.status).toBe(404);
    expect((await call(listCorrections, { cookie, params: { id: '99999999' } })).status).toBe(404);
  });
});
