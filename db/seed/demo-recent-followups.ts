import { eq, inArray } from 'drizzle-orm';
import { leadFollowups, leads } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import { FOLLOWUP_KINDS } from '@/lib/rules/enums';
import { OPEN_LEAD_STAGES } from '@/lib/rules/leads';
import { prng, type DemoContext } from './demo-context';

// A working team's recent contact (issue 16): most open demo leads had a follow-up in the last few
// weeks, so the 30/60-day 跟进停滞 light picks out the neglected few instead of nearly all. Appended
// last with its own PRNG.

const NOTES = [
  '电话回访，企业仍在内部论证',
  '视频会议对接项目选址与政策',
  '企业发来补充资料，已转相关部门',
  '陪同企业考察园区',
];

export function seedDemoRecentFollowups({ tx, today }: DemoContext): number {
  const rand = prng(2026_1630);
  const open = tx
    .select()
    .from(leads)
    .where(inArray(leads.stage, [...OPEN_LEAD_STAGES]))
    .orderBy(leads.id)
    .all();
  let count = 0;
  for (const lead of open) {
    if (!rand.chance(0.75)) continue;
    const date = addDaysIso(today, -rand.int(1, 25));
    if (lead.lastFollowupDate && lead.lastFollowupDate >= date) continue;
    tx.insert(leadFollowups)
      .values({
        leadId: lead.id,
        date,
        kind: rand.pick(FOLLOWUP_KINDS),
        note: rand.pick(NOTES),
        nextFollowUpDate: lead.nextFollowUpDate && lead.nextFollowUpDate >= date ? lead.nextFollowUpDate : null,
        byUserId: lead.ownerId,
      })
      .run();
    tx.update(leads).set({ lastFollowupDate: date }).where(eq(leads.id, lead.id)).run();
    count += 1;
  }
  return count;
}
