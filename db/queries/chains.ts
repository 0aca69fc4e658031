import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { ChainLinkRef } from '@/lib/rules/chain-links';
import { getDb, type Executor } from '../index';
import { chainLinks, industries, industryChains } from '../schema';

/** A lead or project form's 产业链环节 option, with the industry it belongs to. */
export interface ChainLinkOption {
  id: number;
  industryId: number;
  label: string;
}

/**
 * Every 产业链环节 with its chain and industry, in the forms' order (upstream first). `activeOnly`
 * keeps the active links of active chains of active industries, plus the links in `keep`; `active`
 * on each row says whether the link and its chain are both active.
 */
export function listChainLinks(
  { activeOnly = false, keep = [] }: { activeOnly?: boolean; keep?: Array<number | null | undefined> } = {},
  executor: Executor = getDb(),
): ChainLinkRef[] {
  const kept = keep.filter((id): id is number => id != null);
  const active = and(eq(chainLinks.active, true), eq(industryChains.active, true), eq(industries.active, true));
  return executor
    .select({
      id: chainLinks.id,
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
    .where(activeOnly ? (kept.length ? or(active, inArray(chainLinks.id, kept)) : active) : undefined)
    .orderBy(
      asc(industries.sortOrder),
      asc(industryChains.sortOrder),
      asc(industryChains.id),
      asc(chainLinks.sortOrder),
      asc(chainLinks.id),
    )
    .all()
    .map(({ chainActive, ...link }) => ({ ...link, active: link.active && chainActive }));
}

/**
 * The links the lead and project forms offer: every active link of an active chain, upstream first,
 * labelled "碳纤维产业链 · 原丝". `keep` adds the links a record already names although they (or
 * their chain) were deactivated since, so editing the record does not drop them.
 */
export function chainLinkOptions(keep: Array<number | null | undefined> = []): ChainLinkOption[] {
  return listChainLinks({ activeOnly: true, keep }).map((link) => ({
    id: link.id,
    industryId: link.industryId,
    label: `${link.chainName} · ${link.name}${link.active ? '' : '（已停用）'}`,
  }));
}
