import { asc, inArray } from 'drizzle-orm';
import { fundingApplications, projects } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import type { FundingChannel, FundingStatus } from '@/lib/rules/enums';
import { demoTimestamp, prng, type DemoContext } from './demo-context';

// The demo's 上争 applications. Each 上争 (higher_level) project asks for the amount the project
// draw gave it (a fifth of its total investment) in one to three applications across channels and
// the 2025/2026 batches; some government projects ask for 专项债 too. Its own PRNG, so no other demo
// draw moves. Amounts keep applied ≥ granted ≥ received; dates keep applied ≤ granted ≤ today.

const BATCHES: Record<FundingChannel, (year: number) => string[]> = {
  central_budget: (year) => [`${year}年中央预算内投资第一批`, `${year}年中央预算内投资第二批`],
  special_bond: (year) => [`${year}年新增专项债券第一批`, `${year}年新增专项债券第二批`, `${year}年新增专项债券第三批`],
  provincial: (year) => [`${year}年省预算内基本建设资金`, `${year}年省级产业发展专项资金`],
  other: (year) => [`${year}年超长期特别国债`, `${year}年中央财政专项补助`],
};
const CHANNEL_DRAW: FundingChannel[] = [
  'central_budget',
  'central_budget',
  'special_bond',
  'provincial',
  'provincial',
  'other',
];

export function seedDemoFunding(context: DemoContext): number {
  const { tx, today, admin } = context;
  const rand = prng(2018_0503);
  const thisYear = Number(today.slice(0, 4));
  const candidates = tx
    .select({
      id: projects.id,
      category: projects.category,
      total: projects.totalInvestment,
      ownerId: projects.ownerId,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .where(inArray(projects.category, ['higher_level', 'government']))
    .orderBy(asc(projects.id))
    .all();
  let count = 0;
  for (const project of candidates) {
    const higher = project.category === 'higher_level';
    if (!higher && !rand.chance(0.3)) continue;
    // The amount the project draw gave a 上争 project; a government project asks bonds for a tenth.
    const asked = Math.max(100, Math.round(project.total * (higher ? 0.2 : 0.1)));
    const parts = higher ? rand.int(1, 3) : 1;
    let left = asked;
    for (let part = 0; part < parts; part++) {
      const applied = part === parts - 1 ? left : Math.max(50, Math.round((left * rand.int(30, 60)) / 100));
      left -= applied;
      if (applied <= 0) break;
      const channel: FundingChannel = higher ? rand.pick(CHANNEL_DRAW) : 'special_bond';
      const year = rand.chance(0.45) ? thisYear - 1 : thisYear;
      const batchIndex = rand.int(0, BATCHES[channel](year).length - 1);
      // Batches open through the year: the first in spring, later ones in summer and autumn.
      const month = Math.min(12, 3 + batchIndex * 3 + rand.int(0, 2));
      let appliedDate = `${year}-${String(month).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`;
      if (appliedDate > today) appliedDate = addDaysIso(today, -rand.int(5, 60));
      const status: FundingStatus =
        appliedDate > addDaysIso(today, -30)
          ? rand.pick(['preparing', 'submitted'] as const)
          : rand.pick(
              year < thisYear
                ? (['granted', 'granted', 'granted', 'rejected'] as const)
                : (['submitted', 'granted', 'granted', 'rejected', 'preparing'] as const),
            );
      const granted = status === 'granted' ? Math.round((applied * rand.int(50, 100)) / 100) : null;
      const grantedDate =
        granted !== null ? minDate(addDaysIso(appliedDate, rand.int(30, 120)), addDaysIso(today, -1)) : null;
      const received =
        granted !== null && rand.chance(0.7) ? Math.round((granted * rand.pick([40, 60, 80, 100, 100])) / 100) : null;
      const batch = status === 'preparing' && rand.chance(0.5) ? null : BATCHES[channel](year)[batchIndex];
      const at = demoTimestamp(grantedDate ?? appliedDate, 10);
      tx.insert(fundingApplications)
        .values({
          projectId: project.id,
          channel,
          batch,
          appliedAmount: applied,
          grantedAmount: granted,
          receivedAmount: received,
          appliedDate,
          grantedDate,
          status,
          note: status === 'rejected' ? '未列入本批次支持计划，拟调整后下一批次重新申报' : null,
          createdBy: project.ownerId ?? admin.id,
          createdAt: demoTimestamp(appliedDate, 9),
          updatedAt: at,
        })
        .run();
      count++;
    }
  }
  return count;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
