import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { projects } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { APPROVAL_TEMPLATE } from '@/lib/rules/approvals';
import { computeLight } from '@/lib/rules/light';
import { today } from '@/lib/rules/dates';
import { getSetting } from '@/domain/settings';
import { seedOnce } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';

// The batched light refresh for new projects stores what lib/rules/light.ts computes, reasons as a list.

beforeAll(async () => {
  await seedOnce();
});

describe('lights of imported projects', () => {
  it('are stored as computed, with the reasons as an array', async () => {
    const bytes = await workbookBuffer([
      ['项目名称', '项目类别', '责任单位', '项目阶段', '总投资（万元）'],
      ['灯号导入项目一', '政府投资', '昌邑区', '开工建设', 100],
      ['灯号导入项目二', '政府投资', '昌邑区', '谋划储备', 100],
    ]);
    const preview = await previewProjectImport(actorOf('leader'), { name: '灯号.xlsx', bytes });
    commitProjectImport(actorOf('leader'), preview.id, { validOnly: false });
    const rows = getDb().select().from(projects).where(like(projects.name, '灯号导入项目%')).all();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Array.isArray(row.lightReasons)).toBe(true);
      // A new project's 前期手续 checklist is the template, all pending (issue 11: the light reads it).
      const approvals = APPROVAL_TEMPLATE.map((item) => ({
        name: item.name,
        status: 'pending' as const,
        dueDate: null,
      }));
      const expected = computeLight(
        {
          ...row,
          approvals,
          planThisYear: row.plannedInvestmentThisYear,
          completedThisYear: 0,
          openTasks: [],
          reportMonths: [],
          openProblems: [],
          openSupervisions: [],
        },
        {
          today: today(),
          stageUsualDays: getSetting('stageUsualDays'),
          scheduleLagThresholds: getSetting('scheduleLagThresholds'),
        },
      );
      expect(
        getDb()
          .select({
            light: projects.light,
            reasons: projects.lightReasons,
            recheck: projects.lightRecheckOn,
            overridden: projects.approvalsOverridden,
          })
          .from(projects)
          .where(eq(projects.id, row.id))
          .get(),
      ).toEqual({
        light: expected.light,
        reasons: expected.reasons,
        recheck: expected.recheckOn,
        overridden: expected.approvalsOverridden,
      });
      // Imported straight into 开工建设 with its checklist not recorded: flagged 未批先建 until it is.
      expect(expected.approvalsOverridden).toBe(row.stage === 'construction');
    }
  });
});
