import { LIGHT_LABELS, type Light } from '@/lib/rules/enums';

/**
 * The ledger's light badge (styled by the `.ledger` block in globals.css, the same look as
 * LightBadge); its reasons show on hover and on keyboard focus, and screen readers hear them. The
 * ledger prints a red or yellow light's first reason beside it (LightReason), so a single such reason
 * needs no tooltip. Fifty rows of repeated badge and tooltip classes were a large share of the page.
 */
export function LightWithReasons({
  light,
  reasons,
  id,
  withTip = true,
}: {
  light: Light;
  reasons: string[];
  id: string;
  /** false draws the badge alone (the ledger adds the tooltips once the page is live). */
  withTip?: boolean;
}) {
  const badge = <span className={`light ${light}`}>{LIGHT_LABELS[light]}</span>;
  const firstShownBeside = light === 'red' || light === 'yellow';
  if (!withTip || reasons.length === 0 || (reasons.length === 1 && firstShownBeside)) return badge;
  const tipId = `light-tip-${id}`;
  return (
    <span tabIndex={0} aria-describedby={tipId} className="tip">
      {badge}
      <span id={tipId} role="tooltip">
        <span className="sr-only">{`${LIGHT_LABELS[light]}原因：`}</span>
        {reasons.map((reason) => `· ${reason}`).join('\n')}
      </span>
    </span>
  );
}
