import { LightBadge } from '@/components/ui/badges';
import { LIGHT_LABELS, type Light } from '@/lib/rules/enums';

/**
 * The light badge; its reasons show on hover and on keyboard focus, and screen readers hear them.
 * The ledger prints a red or yellow light's first reason beside it (LightReason), so a single such
 * reason needs no tooltip: fifty rows of repeated tooltips were a large share of the page.
 */
export function LightWithReasons({ light, reasons, id }: { light: Light; reasons: string[]; id: string }) {
  const firstShownBeside = light === 'red' || light === 'yellow';
  if (reasons.length === 0 || (reasons.length === 1 && firstShownBeside)) return <LightBadge light={light} />;
  const tipId = `light-tip-${id}`;
  return (
    <span
      tabIndex={0}
      aria-describedby={tipId}
      className="group relative inline-flex rounded-full focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <LightBadge light={light} />
      <span
        id={tipId}
        role="tooltip"
        className="pointer-events-none invisible absolute top-full right-0 z-20 mt-1 w-64 rounded-md bg-slate-900 p-2 text-left text-xs leading-relaxed font-normal text-white opacity-0 shadow-lg transition-opacity group-hover:visible group-hover:opacity-100 group-focus:visible group-focus:opacity-100"
      >
        <span className="sr-only">{LIGHT_LABELS[light]}原因：</span>
        {reasons.map((reason) => (
          <span key={reason} className="block">
            · {reason}
          </span>
        ))}
      </span>
    </span>
  );
}
