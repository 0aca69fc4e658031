import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, max, sum } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import { listChainLinks } from '@/db/queries/chains';
import {
  chainLinks,
  industries,
  industryChains,
  leads,
  projects,
  type ChainLink,
  type IndustryChain,
} from '@/db/schema';
import { AppError, type FieldErrors } from '@/lib/errors';
import type { ActorContext } from '@/lib/rules/permissions';
import { chainLinkFitProblem, type ChainLinkRef } from '@/lib/rules/chain-links';
import type {
  ChainCreateInput,
  ChainLinkCreateInput,
  ChainLinkPatchInput,
  ChainPatchInput,
} from '@/lib/schemas/chains';
import { assertAdmin } from './users';

// 产业链: industry → chain → links (环节), upstream first. Leads and projects name a link of their
// own industry. Chains and links are never deleted: one no longer used is deactivated and leaves
// the pickers, the records that name it keep it.

export interface ChainLinkDto {
  id: number;
  chainId: number;
  name: string;
  sortOrder: number;
  active: boolean;
  version: number;
}

export interface ChainDto {
  id: number;
  industryId: number;
  industryName: string;
  name: string;
  sortOrder: number;
  active: boolean;
  version: number;
  links: ChainLinkDto[];
}

const linkDto = (link: ChainLink): ChainLinkDto => ({
  id: link.id,
  chainId: link.chainId,
  name: link.name,
  sortOrder: link.sortOrder,
  active: link.active,
  version: link.version,
});

/**
 * Every chain with its links, by industry (the industries' order, then the chains'), links upstream
 * first. Without includeInactive: active chains of active industries, and their active links.
 */
export function listChains(
  options: { includeInactive?: boolean; industryId?: number } = {},
  executor: Executor = getDb(),
): ChainDto[] {
  const { includeInactive = false, industryId } = options;
  const chains = executor
    .select({ chain: industryChains, industryName: industries.name })
    .from(industryChains)
    .innerJoin(industries, eq(industries.id, industryChains.industryId))
    .where(
      and(
        industryId ? eq(industryChains.industryId, industryId) : undefined,
        includeInactive ? undefined : and(eq(industryChains.active, true), eq(industries.active, true)),
      ),
    )
    .orderBy(asc(industries.sortOrder), asc(industries.id), asc(industryChains.sortOrder), asc(industryChains.id))
    .all();
  if (!chains.length) return [];
  const links = executor
    .select()
    .from(chainLinks)
    .where(
      and(
        inArray(
          chainLinks.chainId,
          chains.map(({ chain }) => chain.id),
        ),
        includeInactive ? undefined : eq(chainLinks.active, true),
      ),
    )
    .orderBy(asc(chainLinks.sortOrder), asc(chainLinks.id))
    .all();
  return chains.map(({ chain, industryName }) => ({
    id: chain.id,
    industryId: chain.industryId,
    industryName,
    name: chain.name,
    sortOrder: chain.sortOrder,
    active: chain.active,
    version: chain.version,
    links: links.filter((link) => link.chainId === chain.id).map(linkDto),
  }));
}

/**
 * A lead's or project's chain link must be a link of the record's own industry; a newly chosen one
 * must also be active. Answers the field error, or null when the link fits. `unchangedLinkId` is the
 * link the record had before, which may stay although it was deactivated since.
 */
export function chainLinkProblem(
  executor: Executor,
  chainLinkId: number | null | undefined,
  industryId: number | null | undefined,
  unchangedLinkId?: number | null,
): string | null {
  if (chainLinkId == null) return null;
  const link = executor
    .select({
      name: chainLinks.name,
      active: chainLinks.active,
      chainActive: industryChains.active,
      chainName: industryChains.name,
      industryId: industryChains.industryId,
      industryName: industries.name,
    })
    .from(chainLinks)
    .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
    .innerJoin(industries, eq(industries.id, industryChains.industryId))
    .where(eq(chainLinks.id, chainLinkId))
    .get();
  return chainLinkFitProblem(
    link && { ...link, id: chainLinkId, active: link.active && link.chainActive },
    industryId,
    unchangedLinkId,
  );
}

/** Throws 400 fields.chainLinkId when chainLinkProblem finds one. */
export function assertChainLinkFits(
  executor: Executor,
  chainLinkId: number | null | undefined,
  industryId: number | null | undefined,
  unchangedLinkId?: number | null,
): void {
  const problem = chainLinkProblem(executor, chainLinkId, industryId, unchangedLinkId);
  if (problem) throw new AppError('validation_failed', undefined, { chainLinkId: [problem] } satisfies FieldErrors);
}

// ---------------------------------------------------------------- the map (/chains)

/** Lead stages counted at a link: the ones still being worked (a landed lead counts as its project). */
export const MAP_LEAD_STAGES = ['prospect', 'contacting', 'negotiating', 'signed'] as const;

export interface ChainMapLink extends ChainLinkDto {
  /** Projects naming the link, any stage; `projectMoney` sums their 总投资 (万元). */
  projectCount: number;
  projectMoney: number;
  /** Leads in MAP_LEAD_STAGES naming the link; `leadMoney` sums their 意向投资 (万元). */
  leadCount: number;
  leadMoney: number;
  /** 招商空白: no project and no lead in progress at this link. */
  gap: boolean;
}

export interface ChainMapRow extends Omit<ChainDto, 'links'> {
  links: ChainMapLink[];
  gapCount: number;
}

/**
 * 产业链招商图: each active chain a row of its active links, upstream first, with the projects and
 * leads at each. A link with neither is a 招商空白, a target for the next 招商季.
 */
export function chainMap(executor: Executor = getDb()): ChainMapRow[] {
  const projectFigures = new Map(
    executor
      .select({ linkId: projects.chainLinkId, n: count(), money: sum(projects.totalInvestment) })
      .from(projects)
      .where(isNotNull(projects.chainLinkId))
      .groupBy(projects.chainLinkId)
      .all()
      .map((row) => [row.linkId!, { n: row.n, money: Number(row.money ?? 0) }]),
  );
  const leadFigures = new Map(
    executor
      .select({ linkId: leads.chainLinkId, n: count(), money: sum(leads.intendedInvestment) })
      .from(leads)
      .where(and(isNotNull(leads.chainLinkId), inArray(leads.stage, [...MAP_LEAD_STAGES])))
      .groupBy(leads.chainLinkId)
      .all()
      .map((row) => [row.linkId!, { n: row.n, money: Number(row.money ?? 0) }]),
  );
  return listChains({}, executor).map((chain) => {
    const links = chain.links.map((link): ChainMapLink => {
      const p = projectFigures.get(link.id) ?? { n: 0, money: 0 };
      const l = leadFigures.get(link.id) ?? { n: 0, money: 0 };
      return {
        ...link,
        projectCount: p.n,
        projectMoney: p.money,
        leadCount: l.n,
        leadMoney: l.money,
        gap: p.n === 0 && l.n === 0,
      };
    });
    return { ...chain, links, gapCount: links.filter((link) => link.gap).length };
  });
}

// ---------------------------------------------------------------- admin writes

function findChain(executor: Executor, chainId: number): IndustryChain {
  const chain = executor.select().from(industryChains).where(eq(industryChains.id, chainId)).get();
  if (!chain) throw new AppError('not_found', '产业链不存在');
  return chain;
}

function findLink(executor: Executor, linkId: number): ChainLink {
  const link = executor.select().from(chainLinks).where(eq(chainLinks.id, linkId)).get();
  if (!link) throw new AppError('not_found', '产业链环节不存在');
  return link;
}

function oneChain(executor: Executor, chainId: number): ChainDto {
  return listChains({ includeInactive: true }, executor).find((chain) => chain.id === chainId)!;
}

const staleChain = () => new AppError('stale_version', '该产业链已被他人修改，请刷新后再试');

function assertChainNameFree(executor: Executor, industryId: number, name: string, exceptId?: number) {
  const clash = executor
    .select({ id: industryChains.id })
    .from(industryChains)
    .where(and(eq(industryChains.industryId, industryId), eq(industryChains.name, name)))
    .get();
  if (clash && clash.id !== exceptId)
    throw new AppError('validation_failed', undefined, { name: ['该行业已有同名产业链'] });
}

function assertLinkNameFree(executor: Executor, chainId: number, name: string, exceptId?: number) {
  const clash = executor
    .select({ id: chainLinks.id })
    .from(chainLinks)
    .where(and(eq(chainLinks.chainId, chainId), eq(chainLinks.name, name)))
    .get();
  if (clash && clash.id !== exceptId)
    throw new AppError('validation_failed', undefined, { name: ['该产业链已有同名环节'] });
}

function assertDistinct(names: string[]) {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name))
      throw new AppError('validation_failed', undefined, { [`links.${index}`]: [`环节"${name}"重复`] });
    seen.add(name);
  });
}

type Sibling = { id: number; sortOrder: number; version: number };

/**
 * Puts `movingId` at 1-based `position` among `siblings` (itself included, or appended when new)
 * and renumbers them 1..n. Answers the new sortOrder of every sibling whose order changed.
 */
function reorder(siblings: Sibling[], movingId: number, position: number): Map<number, number> {
  const others = siblings.filter((s) => s.id !== movingId);
  const at = Math.min(position, others.length + 1) - 1;
  const ordered = [...others.slice(0, at).map((s) => s.id), movingId, ...others.slice(at).map((s) => s.id)];
  const changed = new Map<number, number>();
  ordered.forEach((id, index) => {
    const before = siblings.find((s) => s.id === id)?.sortOrder;
    if (before !== index + 1) changed.set(id, index + 1);
  });
  return changed;
}

function chainSiblings(executor: Executor, industryId: number): Sibling[] {
  return executor
    .select({ id: industryChains.id, sortOrder: industryChains.sortOrder, version: industryChains.version })
    .from(industryChains)
    .where(eq(industryChains.industryId, industryId))
    .orderBy(asc(industryChains.sortOrder), asc(industryChains.id))
    .all();
}

function linkSiblings(executor: Executor, chainId: number): Sibling[] {
  return executor
    .select({ id: chainLinks.id, sortOrder: chainLinks.sortOrder, version: chainLinks.version })
    .from(chainLinks)
    .where(eq(chainLinks.chainId, chainId))
    .orderBy(asc(chainLinks.sortOrder), asc(chainLinks.id))
    .all();
}

/** Writes the renumbered siblings (not `exceptId`, written by its caller), each with its audit row. */
function writeOrder(
  tx: Executor,
  actor: ActorContext,
  table: typeof industryChains | typeof chainLinks,
  siblings: Sibling[],
  order: Map<number, number>,
  exceptId: number,
) {
  const entityType = table === chainLinks ? 'chain_link' : 'industry_chain';
  for (const [id, sortOrder] of order) {
    if (id === exceptId) continue;
    const sibling = siblings.find((s) => s.id === id)!;
    tx.update(table)
      .set({ sortOrder, version: sibling.version + 1 })
      .where(eq(table.id, id))
      .run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType,
      entityId: id,
      before: { sortOrder: sibling.sortOrder },
      after: { sortOrder },
      ip: actor.ip,
    });
  }
}

/** POST /api/v1/chains: a chain of an industry, last among its chains, with its first links. */
export function createChain(actor: ActorContext, input: ChainCreateInput): ChainDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const industry = tx.select({ id: industries.id }).from(industries).where(eq(industries.id, input.industryId)).get();
    if (!industry) throw new AppError('validation_failed', undefined, { industryId: ['行业不存在'] });
    assertChainNameFree(tx, input.industryId, input.name);
    const names = input.links ?? [];
    assertDistinct(names);
    const last =
      tx
        .select({ n: max(industryChains.sortOrder) })
        .from(industryChains)
        .where(eq(industryChains.industryId, input.industryId))
        .get()?.n ?? 0;
    const chain = tx
      .insert(industryChains)
      .values({ industryId: input.industryId, name: input.name, sortOrder: last + 1 })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'industry_chain',
      entityId: chain.id,
      after: { industryId: chain.industryId, name: chain.name, sortOrder: chain.sortOrder },
      ip: actor.ip,
    });
    names.forEach((name, index) => {
      const link = tx
        .insert(chainLinks)
        .values({ chainId: chain.id, name, sortOrder: index + 1 })
        .returning()
        .get();
      writeAudit(tx, {
        userId: actor.id,
        action: 'create',
        entityType: 'chain_link',
        entityId: link.id,
        after: { chainId: chain.id, name, sortOrder: index + 1 },
        ip: actor.ip,
      });
    });
    return oneChain(tx, chain.id);
  });
}

/** PATCH /api/v1/chains/:id: rename, move among the industry's chains, deactivate or reactivate. */
export function updateChain(actor: ActorContext, chainId: number, input: ChainPatchInput): ChainDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findChain(tx, chainId);
    if (current.version !== input.version) throw staleChain();
    const set: Partial<IndustryChain> = {};
    if (input.name !== undefined && input.name !== current.name) {
      assertChainNameFree(tx, current.industryId, input.name, current.id);
      set.name = input.name;
    }
    if (input.active !== undefined && input.active !== current.active) set.active = input.active;
    let order = new Map<number, number>();
    let siblings: Sibling[] = [];
    if (input.position !== undefined) {
      siblings = chainSiblings(tx, current.industryId);
      order = reorder(siblings, current.id, input.position);
      if (order.has(current.id)) set.sortOrder = order.get(current.id)!;
    }
    if (!Object.keys(set).length && !order.size) return oneChain(tx, current.id);
    writeOrder(tx, actor, industryChains, siblings, order, current.id);
    if (Object.keys(set).length) {
      const updated = tx
        .update(industryChains)
        .set({ ...set, version: current.version + 1 })
        .where(and(eq(industryChains.id, current.id), eq(industryChains.version, current.version)))
        .returning({ id: industryChains.id })
        .get();
      if (!updated) throw staleChain();
      writeAudit(tx, {
        userId: actor.id,
        action: set.active === false ? 'deactivate' : set.active === true ? 'reactivate' : 'update',
        entityType: 'industry_chain',
        entityId: current.id,
        before: Object.fromEntries(Object.keys(set).map((key) => [key, current[key as keyof IndustryChain]])),
        after: set,
        ip: actor.ip,
      });
    }
    return oneChain(tx, current.id);
  });
}

/** POST /api/v1/chains/:id/links: a new link, last (downstream end) unless a position is given. */
export function createChainLink(actor: ActorContext, chainId: number, input: ChainLinkCreateInput): ChainDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const chain = findChain(tx, chainId);
    assertLinkNameFree(tx, chain.id, input.name);
    const siblings = linkSiblings(tx, chain.id);
    const link = tx
      .insert(chainLinks)
      .values({ chainId: chain.id, name: input.name, sortOrder: siblings.length + 1 })
      .returning()
      .get();
    const order = reorder(siblings, link.id, input.position ?? siblings.length + 1);
    writeOrder(tx, actor, chainLinks, siblings, order, link.id);
    const sortOrder = order.get(link.id) ?? link.sortOrder;
    if (sortOrder !== link.sortOrder) tx.update(chainLinks).set({ sortOrder }).where(eq(chainLinks.id, link.id)).run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'chain_link',
      entityId: link.id,
      after: { chainId: chain.id, name: input.name, sortOrder },
      ip: actor.ip,
    });
    return oneChain(tx, chain.id);
  });
}

/** PATCH /api/v1/chain-links/:id: rename, move up or down the chain, deactivate or reactivate. */
export function updateChainLink(actor: ActorContext, linkId: number, input: ChainLinkPatchInput): ChainDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findLink(tx, linkId);
    if (current.version !== input.version) throw new AppError('stale_version', '该环节已被他人修改，请刷新后再试');
    const set: Partial<ChainLink> = {};
    if (input.name !== undefined && input.name !== current.name) {
      assertLinkNameFree(tx, current.chainId, input.name, current.id);
      set.name = input.name;
    }
    if (input.active !== undefined && input.active !== current.active) set.active = input.active;
    let order = new Map<number, number>();
    let siblings: Sibling[] = [];
    if (input.position !== undefined) {
      siblings = linkSiblings(tx, current.chainId);
      order = reorder(siblings, current.id, input.position);
      if (order.has(current.id)) set.sortOrder = order.get(current.id)!;
    }
    writeOrder(tx, actor, chainLinks, siblings, order, current.id);
    if (Object.keys(set).length) {
      const updated = tx
        .update(chainLinks)
        .set({ ...set, version: current.version + 1 })
        .where(and(eq(chainLinks.id, current.id), eq(chainLinks.version, current.version)))
        .returning({ id: chainLinks.id })
        .get();
      if (!updated) throw new AppError('stale_version', '该环节已被他人修改，请刷新后再试');
      writeAudit(tx, {
        userId: actor.id,
        action: set.active === false ? 'deactivate' : set.active === true ? 'reactivate' : 'update',
        entityType: 'chain_link',
        entityId: current.id,
        before: Object.fromEntries(Object.keys(set).map((key) => [key, current[key as keyof ChainLink]])),
        after: set,
        ip: actor.ip,
      });
    }
    return oneChain(tx, current.chainId);
  });
}

/** Every chain link, active or not, with its chain and industry: the importer and the leads export name links by these. */
export function chainLinkRefs(executor: Executor = getDb()): ChainLinkRef[] {
  return listChainLinks({}, executor);
}
