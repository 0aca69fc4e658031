import { LIGHT_LABELS, type Light } from '@/lib/rules/enums';

const lightStyles: Record<Light, string> = {
  red: 'bg-red-100 text-red-800 ring-red-600/30',
  yellow: 'bg-amber-100 text-amber-900 ring-amber-600/30',
  green: 'bg-emerald-100 text-emerald-800 ring-emerald-600/30',
  grey: 'bg-slate-100 text-slate-600 ring-slate-400/40',
};
const dotStyles: Record<Light, string> = {
  red: 'bg-red-600',
  yellow: 'bg-amber-500',
  green: 'bg-emerald-600',
  grey: 'bg-slate-400',
};

/** The traffic light: colour plus text, never colour alone. */
export function LightBadge({ light, title }: { light: Light; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${lightStyles[light]}`}
    >
      <span className={`h-2 w-2 rounded-full ${dotStyles[light]}`} aria-hidden="true" />
      {LIGHT_LABELS[light]}
    </span>
  );
}

export function Tag({
  children,
  tone = 'slate',
  title,
}: {
  children: React.ReactNode;
  tone?: 'slate' | 'brand' | 'red' | 'amber' | 'emerald' | 'violet';
  title?: string;
}) {
  const tones = {
    slate: 'bg-slate-100 text-slate-700',
    brand: 'bg-brand-50 text-brand-700',
    red: 'bg-red-50 text-red-700',
    amber: 'bg-amber-50 text-amber-800',
    emerald: 'bg-emerald-50 text-emerald-700',
    violet: 'bg-violet-50 text-violet-700',
  };
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

export function ShuangshiTag() {
  return <Tag tone="red">双十</Tag>;
}

/**
 * 未批先建: the project went on past 前期手续 with checklist items still open. `detail` is the
 * light's reason when known (e.g. "未批先建：4 项前期手续未办结"); the text is also read out.
 */
export function ApprovalsOverriddenTag({ detail }: { detail?: string | null }) {
  const title = detail?.startsWith('未批先建') ? detail : '未批先建：已进入开工建设，前期手续仍有事项未办结';
  return (
    <Tag tone="red" title={title}>
      未批先建<span className="sr-only">（{title.replace(/^未批先建：/, '')}）</span>
    </Tag>
  );
}
