'use client';

import { useEffect, useState } from 'react';
import { SelectField, idOptions } from '@/components/ui/field';

export interface ChainLinkChoice {
  id: number;
  industryId: number;
  label: string;
}

interface Props {
  industries: Array<{ id: number; name: string }>;
  /** Every active link (domain/chains.ts chainLinkOptions), plus the record's own when deactivated. */
  links: ChainLinkChoice[];
  industryValue: string;
  chainLinkValue: string;
  errors?: Record<string, string[]>;
  industryLabel: string;
  industryPlaceholder: string;
  /** Ids for the two selects; default f-industryId and f-chainLinkId. */
  idPrefix?: string;
}

/**
 * 行业 and its 产业链环节: the second select offers only the links of the industry chosen in the
 * first, and empties itself when the industry changes to one the link does not belong to. Both
 * are held in state, so a failed save (React resets the form) keeps what was chosen.
 */
export function IndustryChainFields({
  industries,
  links,
  industryValue,
  chainLinkValue,
  errors,
  industryLabel,
  industryPlaceholder,
  idPrefix = 'f',
}: Props) {
  const [industryId, setIndustryId] = useState(industryValue);
  const [chainLinkId, setChainLinkId] = useState(chainLinkValue);
  // React resets the form after an action, and a reset puts a <select> back on its default option:
  // make the chosen options the defaults, so a failed save keeps them (and the DOM matches the state).
  useEffect(() => {
    for (const [select, chosen] of [
      [document.getElementById(`${idPrefix}-industryId`), industryId],
      [document.getElementById(`${idPrefix}-chainLinkId`), chainLinkId],
    ] as const) {
      if (!(select instanceof HTMLSelectElement)) continue;
      for (const option of Array.from(select.options)) option.defaultSelected = option.value === chosen;
      select.value = chosen;
    }
  });
  const choices = links.filter((link) => String(link.industryId) === industryId);
  const hint = !industryId
    ? '先选择行业'
    : choices.length
      ? '该行业产业链中的环节，用于产业链招商图'
      : '该行业尚未设置产业链';
  return (
    <>
      <SelectField
        id={`${idPrefix}-industryId`}
        name="industryId"
        label={industryLabel}
        placeholder={industryPlaceholder}
        options={idOptions(industries)}
        value={industryId}
        onChange={(event) => {
          const next = event.target.value;
          setIndustryId(next);
          if (!links.some((link) => String(link.id) === chainLinkId && String(link.industryId) === next))
            setChainLinkId('');
        }}
        error={errors?.industryId}
      />
      <SelectField
        id={`${idPrefix}-chainLinkId`}
        name="chainLinkId"
        label="产业链环节"
        placeholder={choices.length ? '（未选择）' : '（无可选环节）'}
        options={choices.map((link) => ({ value: link.id, label: link.label }))}
        value={chainLinkId}
        onChange={(event) => setChainLinkId(event.target.value)}
        hint={hint}
        error={errors?.chainLinkId}
      />
    </>
  );
}
