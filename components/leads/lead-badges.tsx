import { LightBadge, Tag } from '@/components/ui/badges';
import { LEAD_STAGE_LABELS, type LeadStage, type Light } from '@/lib/rules/enums';

const STAGE_TONES: Record<LeadStage, 'slate' | 'brand' | 'violet' | 'emerald' | 'red' | 'amber'> = {
  prospect: 'slate',
  contacting: 'brand',
  negotiating: 'violet',
  signed: 'emerald',
  landed: 'emerald',
  dropped: 'slate',
};

export function LeadStageTag({ stage }: { stage: LeadStage }) {
  return <Tag tone={STAGE_TONES[stage]}>{LEAD_STAGE_LABELS[stage]}</Tag>;
}

/** The lead's light with its reasons as a tooltip; closed leads show no light. */
export function LeadLightBadge({ light, reasons, stage }: { light: Light; reasons: string[]; stage: LeadStage }) {
  if (stage === 'landed' || stage === 'dropped') return null;
  return (
    <span className="inline-flex items-center gap-1">
      <LightBadge light={light} title={reasons.join('；') || undefined} />
      {light === 'red' ? <Tag tone="red">跟进逾期</Tag> : light === 'yellow' ? <Tag tone="amber">停留过久</Tag> : null}
    </span>
  );
}
