import { and, eq, isNotNull, min } from 'drizzle-orm';
import { leads, projects, stageHistory } from '../schema';
import { toWan } from '@/lib/rules/currency';
import { addDaysIso, dateOfTimestamp } from '@/lib/rules/dates';
import type { Currency } from '@/lib/rules/enums';
import { prng, type DemoContext } from './demo-context';

// 履约 and foreign pledges for the demo (issue 16). Converted leads' projects carry their contract;
// started ones were promised a date on either side of their actual start (on time or late); of the
// others, the first two were promised a date already past (the 履约 red light and 逾期未开工 in the
// figures), the rest a date still ahead; part of the promised money is in place (资金到位). Foreign investors' leads are restated in
// their currency at a fixed demo rate with the same 万元 figure. Its own PRNG.

/** Demo rates, yuan per unit (illustrative, not market data). */
const DEMO_RATES: Partial<Record<string, { currency: Currency; rate: number }>> = {
  德国: { currency: 'EUR', rate: 7.8 },
  日本: { currency: 'JPY', rate: 0.048 },
  新加坡: { currency: 'SGD', rate: 5.3 },
  韩国: { currency: 'KRW', rate: 0.0052 },
  美国: { currency: 'USD', rate: 7.1 },
  中国香港: { currency: 'HKD', rate: 0.91 },
};

export function seedDemoContracts({ tx, today }: DemoContext): number {
  const rand = prng(2026_1616);
  for (const lead of tx.select().from(leads).orderBy(leads.id).all()) {
    const foreign = lead.origin ? DEMO_RATES[lead.origin] : undefined;
    if (!foreign || lead.intendedInvestment <= 0) continue;
    const amountOriginal = Math.round((lead.intendedInvestment * 10_000) / foreign.rate);
    if (toWan(amountOriginal, foreign.rate) !== lead.intendedInvestment) continue;
    tx.update(leads)
      .set({
        currency: foreign.currency,
        amountOriginal,
        exchangeRate: foreign.rate,
        rateDate: addDaysIso(lead.createdAt.slice(0, 10), -rand.int(1, 10)),
      })
      .where(eq(leads.id, lead.id))
      .run();
  }
  const converted = tx
    .select({ project: projects, signedAt: leads.signedAt, pledge: leads.intendedInvestment })
    .from(projects)
    .innerJoin(leads, eq(leads.id, projects.leadId))
    .where(isNotNull(projects.leadId))
    .orderBy(projects.id)
    .all();
  let count = 0;
  let notStarted = 0;
  for (const { project, signedAt, pledge } of converted) {
    const started = tx
      .select({ at: min(stageHistory.at) })
      .from(stageHistory)
      .where(and(eq(stageHistory.projectId, project.id), eq(stageHistory.toStage, 'construction')))
      .get()?.at;
    const contractDate = dateOfTimestamp(signedAt ?? project.createdAt);
    const contractAmount = pledge || project.totalInvestment;
    const promisedStartDate = started
      ? addDaysIso(dateOfTimestamp(started), rand.chance(0.7) ? rand.int(0, 60) : -rand.int(10, 60))
      : notStarted++ < 2
        ? addDaysIso(today, -rand.int(10, 40))
        : addDaysIso(today, rand.int(20, 200));
    const promisedFunds = Math.round((contractAmount * rand.int(30, 80)) / 100);
    tx.update(projects)
      .set({
        contractAmount,
        contractDate,
        promisedStartDate: promisedStartDate < contractDate ? contractDate : promisedStartDate,
        promisedFunds,
        fundsInPlace: project.fundsInPlace ?? Math.round((promisedFunds * rand.int(20, 70)) / 100),
      })
      .where(eq(projects.id, project.id))
      .run();
    count += 1;
  }
  return count;
}
