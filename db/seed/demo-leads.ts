import { eq, sql } from 'drizzle-orm';
import { campaignLeaders, campaigns, leadFollowups, leads, leadStageHistory, projects } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import { FOLLOWUP_KINDS, type LeadStage } from '@/lib/rules/enums';
import { demoTimestamp as ts, type DemoContext } from './demo-context';
import { CAMPAIGNS, LEAD_COMPANIES, UNITS } from './reference';

// 招商: campaigns, leads across every stage, their stage history and follow-ups.

const LEAD_STAGES: LeadStage[] = [
  ...Array<LeadStage>(16).fill('prospect'),
  ...Array<LeadStage>(14).fill('contacting'),
  ...Array<LeadStage>(12).fill('negotiating'),
  ...Array<LeadStage>(8).fill('signed'),
  ...Array<LeadStage>(5).fill('landed'),
  ...Array<LeadStage>(5).fill('dropped'),
];
export const DEMO_LEAD_COUNT = LEAD_STAGES.length;

const OPEN_PATH: LeadStage[] = ['prospect', 'contacting', 'negotiating', 'signed', 'landed'];

/** The campaigns (招商季), each led by the first two leaders; returns their ids (null when already there). */
export function seedDemoCampaigns({ tx, today, leaders, investmentUsers }: DemoContext): (number | null)[] {
  return CAMPAIGNS.map((campaign) => {
    const row = tx
      .insert(campaigns)
      .values({
        name: campaign.name,
        destinations: campaign.destinations,
        startDate: addDaysIso(today, campaign.days[0]),
        endDate: addDaysIso(today, campaign.days[1]),
        description: '市领导带队开展"招商季"活动，对接重点企业，推动签约落地。',
        createdBy: investmentUsers[0].id,
      })
      .onConflictDoNothing({ target: campaigns.name })
      .returning({ id: campaigns.id })
      .get();
    if (row) {
      for (const leader of leaders.slice(0, 2))
        tx.insert(campaignLeaders).values({ campaignId: row.id, userId: leader.id }).run();
    }
    return row?.id ?? null;
  });
}

function campaignFor(campaignIds: (number | null)[], origin: string): number | null {
  if (origin.startsWith('北京')) return campaignIds[0];
  if (origin.startsWith('广东')) return campaignIds[1];
  if (origin.startsWith('浙江')) return campaignIds[2];
  if (origin === '德国') return campaignIds[3];
  if (origin === '日本') return campaignIds[4];
  if (origin === '新加坡') return campaignIds[5];
  return null;
}

/** The demo leads, a landed one linked to an attraction project, each with history and follow-ups. */
export function seedDemoLeads(context: DemoContext, campaignIds: (number | null)[]) {
  const attractionSigned = context.tx
    .select({ id: projects.id, unitId: projects.unitId })
    .from(projects)
    .where(sql`${projects.category} = 'attraction' and ${projects.stage} in ('signed', 'approvals')`)
    .all();
  LEAD_STAGES.forEach((stage, index) => {
    const landedProject =
      stage === 'landed' ? attractionSigned[index % Math.max(1, attractionSigned.length)] : undefined;
    seedDemoLead(context, { stage, index, landedProject, campaignIds });
  });
}

interface LeadPlan {
  stage: LeadStage;
  index: number;
  landedProject: { id: number; unitId: number } | undefined;
  campaignIds: (number | null)[];
}

function seedDemoLead(context: DemoContext, { stage, index, landedProject, campaignIds }: LeadPlan) {
  const { tx, rand, today, unitByName, industryByName, investmentUsers } = context;
  const [company, origin, industryName] = LEAD_COMPANIES[index % LEAD_COMPANIES.length];
  const owner = investmentUsers[index % investmentUsers.length];
  const createdDate = addDaysIso(today, -rand.int(20, 300));
  const enteredDate = addDaysIso(today, -rand.int(3, 120));
  const path = OPEN_PATH.slice(0, stage === 'dropped' ? rand.int(1, 3) : OPEN_PATH.indexOf(stage) + 1);
  const open = stage !== 'landed' && stage !== 'dropped';
  const campaignId = campaignFor(campaignIds, origin);
  const lead = tx
    .insert(leads)
    .values({
      company,
      origin,
      contactName: rand.pick(['张总', '李经理', '王董事长', 'Müller 先生', '田中部长', '陈总监']),
      contactTitle: rand.pick(['总经理', '投资总监', '董事长', '战略发展部部长']),
      contactPhone: `13${rand.int(0, 9)}${String(rand.int(10000000, 99999999))}`,
      contactEmail: `contact${index + 1}@example.com`,
      industryId: industryByName.get(industryName)!.id,
      intendedInvestment: rand.pick([5_000, 10_000, 30_000, 50_000, 100_000, 200_000, 500_000]),
      proposedProject: `${industryName.replace(/（.*）/, '')}产业项目`,
      locationUnitId: landedProject?.unitId ?? unitByName.get(rand.pick(UNITS.slice(0, 14)).name)!.id,
      campaignId,
      source: campaignId ? null : rand.pick(['以商招商', '网上洽谈', '东北亚博览会', '中介机构推荐']),
      ownerId: owner.id,
      team: owner.team,
      stage,
      stageEnteredAt: ts(enteredDate),
      nextFollowUpDate: open ? addDaysIso(today, rand.chance(0.25) ? -rand.int(1, 20) : rand.int(1, 30)) : null,
      dropReason: stage === 'dropped' ? rand.pick(['企业投资方向调整', '选址未达成一致', '企业资金链紧张']) : null,
      signedAt: path.includes('signed') ? ts(addDaysIso(enteredDate, stage === 'signed' ? 0 : -10)) : null,
      projectId: landedProject?.id ?? null,
      createdAt: ts(createdDate),
      updatedAt: ts(enteredDate),
    })
    .returning({ id: leads.id })
    .get();
  if (landedProject) tx.update(projects).set({ leadId: lead.id }).where(eq(projects.id, landedProject.id)).run();
  const fullPath: LeadStage[] = stage === 'dropped' ? [...path, 'dropped'] : path;
  fullPath.forEach((pathStage, step) => {
    tx.insert(leadStageHistory)
      .values({
        leadId: lead.id,
        fromStage: step === 0 ? null : fullPath[step - 1],
        toStage: pathStage,
        at: ts(step === fullPath.length - 1 ? enteredDate : addDaysIso(createdDate, step * 7)),
        byUserId: owner.id,
        reason: pathStage === 'dropped' ? '企业投资方向调整' : null,
      })
      .run();
  });
  seedDemoFollowups(context, { leadId: lead.id, createdDate, ownerId: owner.id });
}

const FOLLOWUP_NOTES = [
  '电话沟通投资意向，企业表示有兴趣',
  '带队赴企业总部拜访',
  '企业来吉考察项目选址',
  '参加洽谈会，深入对接合作条件',
];

/** One to four follow-ups, a week or more apart from the lead's creation, none after today. */
function seedDemoFollowups(
  { tx, rand, today }: DemoContext,
  { leadId, createdDate, ownerId }: { leadId: number; createdDate: string; ownerId: number },
) {
  // The bound is drawn again on every pass, as the seed always did.
  for (let followupIndex = 0; followupIndex < rand.int(1, 4); followupIndex++) {
    const date = addDaysIso(createdDate, followupIndex * rand.int(7, 20));
    if (date > today) break;
    tx.insert(leadFollowups)
      .values({
        leadId,
        date,
        kind: rand.pick(FOLLOWUP_KINDS),
        note: rand.pick(FOLLOWUP_NOTES),
        nextFollowUpDate: addDaysIso(date, 14),
        byUserId: ownerId,
      })
      .run();
  }
}
