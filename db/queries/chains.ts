import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { getDb } from '../index';
import { chainLinks, industries, industryChains } from '../schema';

/** A lead or project form's 产业链环节 option, with the industry it belongs to. */
export interface ChainLinkOption {
  id: number;
  industryId: number;
  label: string;
}

/**
 * The links the lead and project forms offer: every active link of an active chain, upstream first,
 * labelled "碳纤维产业链 · 原丝". `keep` adds the links a record already names although they (or
 * their chain) were deactivated since, so editing the record does not drop them.
 */
export function chainLinkOptions(keep: Array<number | null | undefined> = []): ChainLinkOption[] {
  const kept = keep.filter((id): id is number => id != null);
  const active = and(eq(chainLinks.active, true), eq(industryChains.active, true), eq(industries.active, true));
  return getDb()
    .select({
      id: chainLinks.id,
      name: chainLinks.name,
      active: chainLinks.active,
      chainActive: industryChains.active,
      chainName: industryChains.name,
      industryId: industryChains.industryId,
    })
    .from(chainLinks)
    .innerJoin(industryChains, eq(industryChains.id, chainLinks.chainId))
    .innerJoin(industries, eq(industries.id, industryChains.industryId))
    .where(kept.length ? or(active, inArray(chainLinks.id, kept)) : active)
    .orderBy(
      asc(industries.sortOrder),
      asc(industryChains.sortOrder),
      asc(industryChains.id),
      asc(chainLinks.sortOrder),
      asc(chainLinks.id),
    )
    .all()
    .map((row) => ({
      id: row.id,
      industryId: row.industryId,
      label: `${row.chainName} · ${row.name}${row.active && row.chainActive ? '' : '（已停用）'}`,
    }));
}
