import type { LeadImportPreview } from '@/domain/lead-imports';
import { LEAD_COLUMN_BY_KEY } from '@/lib/excel/lead-columns';
import type { LeadFieldChange } from '@/lib/excel/lead-rows';
import { CURRENCY_LABELS, LEAD_STAGE_LABELS, type Currency } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import { formatPledge } from '@/lib/rules/currency';
import { ChangeList, ConversionList, PlannedRowTables } from './preview-tables';

export interface LeadRowNames {
  unitName: (id: number) => string | undefined;
  industryName: (id: number) => string | undefined;
  userName: (id: number) => string | undefined;
  campaignName: (id: number) => string | undefined;
  chainLinkName: (id: number) => string | undefined;
}

function shown(change: LeadFieldChange, value: unknown, names: LeadRowNames): string {
  if (value === null || value === undefined || value === '') return '（空）';
  const kind = LEAD_COLUMN_BY_KEY.get(change.field)?.kind;
  const id = Number(value);
  if (kind === 'unit') return names.unitName(id) ?? String(value);
  if (kind === 'industry') return names.industryName(id) ?? String(value);
  if (kind === 'owner') return names.userName(id) ?? String(value);
  if (kind === 'campaign') return names.campaignName(id) ?? String(value);
  if (kind === 'chainLink') return names.chainLinkName(id) ?? String(value);
  if (kind === 'currency') return CURRENCY_LABELS[value as Currency] ?? String(value);
  if (kind === 'money') return formatWan(id);
  return String(value);
}

export function LeadPreviewTables({ preview, names }: { preview: LeadImportPreview; names: LeadRowNames }) {
  return (
    <PlannedRowTables
      preview={preview}
      noun="线索"
      createColumns={[
        { header: '企业名称', cell: (row) => row.input.company },
        { header: '拟建项目', cell: (row) => row.input.proposedProject ?? '' },
        {
          header: '负责人',
          cell: (row) => (row.input.ownerId ? (names.userName(row.input.ownerId) ?? '') : '导入人'),
        },
        { header: '阶段', cell: (row) => LEAD_STAGE_LABELS[row.stage] },
        {
          header: '意向投资',
          cell: (row) =>
            formatPledge({
              currency: row.input.currency ?? 'CNY',
              amountOriginal: row.input.amountOriginal ?? null,
              intendedInvestment: row.input.intendedInvestment ?? 0,
            }),
          className: 'whitespace-nowrap text-right tabular-nums',
        },
        { header: '填写 → 读作', cell: (row) => <ConversionList conversions={row.conversions} /> },
      ]}
      updateColumns={[
        { header: '线索', cell: (row) => row.name },
        {
          header: '变更',
          cell: (row) => <ChangeList changes={row.changes} text={(change, value) => shown(change, value, names)} />,
        },
        { header: '填写 → 读作', cell: (row) => <ConversionList conversions={row.conversions} /> },
      ]}
    />
  );
}
