import { and, eq } from 'drizzle-orm';
import type { DB } from '../index';
import { writeAudit } from '../audit';
import { annualTargets, chainLinks, industries, industryChains, projects, settings, units, users } from '../schema';
import { today as todayIso } from '@/lib/rules/dates';
import { hashPassword } from '@/lib/auth/password';
import { backfillDemoLightHistory } from './light-history';
import { loadLightFacts, storeLights } from '../light-facts';
import { prng, type DemoContext } from './demo-context';
import { DEMO_LEAD_COUNT, seedDemoCampaigns, seedDemoLeads } from './demo-leads';
import { seedDemoProblems, seedDemoSupervisions } from './demo-problems';
import { seedDemoNotifications } from './demo-notifications';
import { seedDemoFunding } from './demo-funding';
import { seedDemoPackages } from './demo-packages';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoProjects, type SeededDemoProject } from './demo-projects';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  EXTRA_USERS,
  INDUSTRIES,
  INDUSTRY_CHAINS,
  TARGETS_2018,
  UNITS,
} from './reference';
import { seedDemoEnterprises } from './demo-enterprises';
import { seedDemoChains } from './demo-chains';
import { seedDemoContracts } from './demo-contracts';
import { seedDemoRecentFollowups } from './demo-recent-followups';
import { seedDemoCoordinates } from './demo-coordinates';

// The demo data: deterministic for a given `today` (a seeded PRNG) and idempotent (reference
// rows are upserted by natural key; demo content is written once, marked in settings).
// The parts run in a fixed order and share one PRNG: reordering them changes every row after.

const DEMO_MARKER = 'demo_seeded_at';

export interface SeedOptions {
  /** Reference data only (units, industries, targets), no accounts or demo content. */
  referenceOnly?: boolean;
  today?: string;
  log?: (line: string) => void;
}

export interface SeedResult {
  seededDemo: boolean;
}

export function seedReference(db: DB, year: number): void {
  db.transaction((tx) => {
    UNITS.forEach((unit, index) => {
      tx.insert(units)
        .values({ ...unit, sortOrder: index + 1 })
        .onConflictDoNothing({ target: units.code })
        .run();
    });
    INDUSTRIES.forEach((name, index) => {
      tx.insert(industries)
        .values({ name, sortOrder: index + 1 })
        .onConflictDoNothing({ target: industries.name })
        .run();
    });
    INDUSTRY_CHAINS.forEach((chain, index) => {
      const industry = tx.select().from(industries).where(eq(industries.name, chain.industry)).get();
      if (!industry) return;
      tx.insert(industryChains)
        .values({ industryId: industry.id, name: chain.name, sortOrder: index + 1 })
        .onConflictDoNothing()
        .run();
      const row = tx
        .select({ id: industryChains.id })
        .from(industryChains)
        .where(and(eq(industryChains.industryId, industry.id), eq(industryChains.name, chain.name)))
        .get()!;
      chain.links.forEach((name, linkIndex) => {
        tx.insert(chainLinks)
          .values({ chainId: row.id, name, sortOrder: linkIndex + 1 })
          .onConflictDoNothing()
          .run();
      });
    });
    tx.insert(annualTargets).values(TARGETS_2018).onConflictDoNothing({ target: annualTargets.year }).run();
    if (year !== 2018) {
      tx.insert(annualTargets)
        .values({ ...TARGETS_2018, year, note: `演示数据：沿用2018年政府工作报告目标。${TARGETS_2018.note}` })
        .onConflictDoNothing({ target: annualTargets.year })
        .run();
    }
  });
}

export async function seedDemo(db: DB, options: SeedOptions = {}): Promise<SeedResult> {
  const today = options.today ?? todayIso();
  const log = options.log ?? (() => {});
  seedReference(db, Number(today.slice(0, 4)));
  if (options.referenceOnly) return { seededDemo: false };
  if (db.select().from(settings).where(eq(settings.key, DEMO_MARKER)).get()) return { seededDemo: false };

  await seedDemoAccounts(db);
  const people = loadDemoPeople(db);
  const rand = prng(2018_0117);
  let projectCount = 0;
  db.transaction((tx) => {
    const context: DemoContext = { tx, rand, today, ...people };
    const seeded: SeededDemoProject[] = [];
    const projectIds = seedDemoProjects(context, seeded);
    seedDemoProblems(context, projectIds);
    seedDemoSupervisions(context, projectIds);
    seedDemoLeads(context, seedDemoCampaigns(context));
    // Appended last, each with a PRNG of its own, so nothing drawn above moves.
    const shuangshi = seedDemoPackages(context, seeded);
    seedDemoFunding(context);
    seedDemoMeetings(context);
    seedDemoEnterprises(context);
    seedDemoChains(context);
    seedDemoContracts(context);
    seedDemoRecentFollowups(context);
    seedDemoCoordinates(context);
    tx.insert(settings).values({ key: DEMO_MARKER, value: today }).run();
    writeAudit(tx, {
      userId: people.admin.id,
      action: 'create',
      entityType: 'seed',
      entityId: null,
      after: { projects: projectIds.length + shuangshi.newProjects, leads: DEMO_LEAD_COUNT },
    });
    projectCount = projectIds.length + shuangshi.newProjects;
  });

  refreshDemoLights(db, today);
  backfillDemoLightHistory(db, today);
  seedDemoNotifications(db);
  log(`已写入演示数据：${projectCount} 个项目，${DEMO_LEAD_COUNT} 条招商线索。`);
  return { seededDemo: true };
}

/** The demo accounts and the extra officers, all with the demo password. */
async function seedDemoAccounts(db: DB) {
  const unitByName = new Map(
    db
      .select()
      .from(units)
      .all()
      .map((unit) => [unit.name, unit]),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    for (const account of [...DEMO_ACCOUNTS, ...EXTRA_USERS]) {
      tx.insert(users)
        .values({
          username: account.username,
          name: account.name,
          role: account.role,
          unitId: account.unit ? unitByName.get(account.unit)!.id : null,
          team: account.team,
          passwordHash,
        })
        .onConflictDoNothing({ target: users.username })
        .run();
    }
  });
}

/** The seeded units, industries and people the demo content is assigned to. */
function loadDemoPeople(db: DB): Omit<DemoContext, 'tx' | 'rand' | 'today'> {
  const userRows = db.select().from(users).all();
  const officersByUnit = new Map<number, number[]>();
  for (const officer of userRows.filter((user) => user.role === 'officer' && user.unitId)) {
    officersByUnit.set(officer.unitId!, [...(officersByUnit.get(officer.unitId!) ?? []), officer.id]);
  }
  return {
    unitByName: new Map(
      db
        .select()
        .from(units)
        .all()
        .map((unit) => [unit.name, unit]),
    ),
    industryByName: new Map(
      db
        .select()
        .from(industries)
        .all()
        .map((industry) => [industry.name, industry]),
    ),
    leaders: userRows.filter((user) => user.role === 'leader'),
    officersByUnit,
    investmentUsers: userRows.filter((user) => user.role === 'investment'),
    admin: userRows.find((user) => user.username === 'admin')!,
  };
}

/**
 * Stores every project's light as the app does (db/light-facts.ts), with the default settings, so
 * the seed needs no server-only module. Used by the demo and the city-scale generator
 * (scripts/generate-demo.ts).
 */
export function refreshDemoLights(db: DB, today: string) {
  const ids = db
    .select({ id: projects.id })
    .from(projects)
    .all()
    .map((row) => row.id);
  // In chunks: at 100,000 projects, the facts of every project at once would hold hundreds of MB.
  // One transaction per chunk keeps each write short; the result is the same as a single pass.
  for (let i = 0; i < ids.length; i += LIGHT_CHUNK) {
    const chunk = ids.slice(i, i + LIGHT_CHUNK);
    db.transaction((tx) => storeLights(tx, loadLightFacts(tx, chunk, today), { today }));
  }
}

const LIGHT_CHUNK = 2_000;

export const DEMO_LOGINS = DEMO_ACCOUNTS.map((account) => ({
  username: account.username,
  name: account.name,
  role: account.role,
  unit: account.unit,
}));
export { DEMO_PASSWORD };
