// Which 产业链环节 a lead or project may name (issue 20 reads it from spreadsheets too): a link of
// the record's own industry, and a newly chosen one must be active. Pure, so the importer's preview
// and the API (domain/chains.ts chainLinkProblem) give the same answer in the same words.

export interface ChainLinkRef {
  id: number;
  name: string;
  chainName: string;
  industryId: number;
  industryName: string;
  /** The link and its chain are both active. */
  active: boolean;
}

/** The field error for naming `link` on a record of `industryId`, or null when the link fits. */
export function chainLinkFitProblem(
  link: ChainLinkRef | undefined,
  industryId: number | null | undefined,
  unchangedLinkId?: number | null,
): string | null {
  if (!link) return '产业链环节不存在';
  if (industryId == null) return `请先选择行业：环节"${link.chainName} · ${link.name}"属于${link.industryName}`;
  if (link.industryId !== industryId)
    return `环节"${link.chainName} · ${link.name}"属于${link.industryName}，与所选行业不一致`;
  if (!link.active && link.id !== unchangedLinkId) return `环节"${link.chainName} · ${link.name}"已停用`;
  return null;
}

/** "碳纤维产业链/原丝" as the ledger export writes a link; the importer reads it back. */
export const chainLinkLabel = (link: Pick<ChainLinkRef, 'chainName' | 'name'>) => `${link.chainName}/${link.name}`;
