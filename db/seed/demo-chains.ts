import { asc, eq, inArray } from 'drizzle-orm';
import { chainLinks, industryChains, leads, projects } from '../schema';
import { prng, type DemoContext } from './demo-context';

// 产业链 for the demo (issue 16): most demo leads and projects of an industry that has a chain sit at
// one of its links. The report asks for 碳纤维 downstream and for new chemical materials, so those two
// links are left with nothing: the /chains map shows them as 招商空白. Its own PRNG, so earlier parts
// keep their draws.

/** Links the demo leaves empty, by chain: the gaps the report names. */
const DEMO_GAPS: Record<string, string[]> = {
  碳纤维产业链: ['下游制品'],
  化工产业链: ['化工新材料'],
};

export function seedDemoChains({ tx }: DemoContext): void {
  const rand = prng(2026_1216);
  const chains = tx.select().from(industryChains).orderBy(asc(industryChains.id)).all();
  if (!chains.length) return;
  const links = tx
    .select()
    .from(chainLinks)
    .where(
      inArray(
        chainLinks.chainId,
        chains.map((chain) => chain.id),
      ),
    )
    .orderBy(asc(chainLinks.sortOrder), asc(chainLinks.id))
    .all();
  // The links a record of each industry may take: every link of its chains but the gaps.
  const byIndustry = new Map<number, number[]>();
  for (const chain of chains) {
    const open = links
      .filter((link) => link.chainId === chain.id && !(DEMO_GAPS[chain.name] ?? []).includes(link.name))
      .map((link) => link.id);
    byIndustry.set(chain.industryId, [...(byIndustry.get(chain.industryId) ?? []), ...open]);
  }
  const industryIds = [...byIndustry.keys()];
  for (const project of tx
    .select({ id: projects.id, industryId: projects.industryId })
    .from(projects)
    .where(inArray(projects.industryId, industryIds))
    .orderBy(asc(projects.id))
    .all()) {
    // Three in four name a link; the rest were filed before the chains existed.
    if (rand.next() >= 0.75) continue;
    const chainLinkId = rand.pick(byIndustry.get(project.industryId!)!);
    tx.update(projects).set({ chainLinkId }).where(eq(projects.id, project.id)).run();
  }
  for (const lead of tx
    .select({ id: leads.id, industryId: leads.industryId, projectId: leads.projectId })
    .from(leads)
    .where(inArray(leads.industryId, industryIds))
    .orderBy(asc(leads.id))
    .all()) {
    if (rand.next() >= 0.75) continue;
    // A converted lead sits where its project does.
    const project = lead.projectId
      ? tx.select({ chainLinkId: projects.chainLinkId }).from(projects).where(eq(projects.id, lead.projectId)).get()
      : undefined;
    const choices = byIndustry.get(lead.industryId!)!;
    const chainLinkId =
      project?.chainLinkId && choices.includes(project.chainLinkId) ? project.chainLinkId : rand.pick(choices);
    tx.update(leads).set({ chainLinkId }).where(eq(leads.id, lead.id)).run();
  }
}
