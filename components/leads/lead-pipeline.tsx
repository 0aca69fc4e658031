import { LEAD_STAGE_LABELS, type LeadStage } from '@/lib/rules/enums';
import { daysPerStage, LEAD_LINE } from '@/lib/rules/leads';

/** The main line with the days spent in each stage (summed over repeated visits). */
export function LeadPipeline({
  stage,
  history,
  today,
}: {
  stage: LeadStage;
  history: Array<{ toStage: LeadStage; at: string }>;
  today: string;
}) {
  const spans = daysPerStage(history, today);
  const days = new Map<LeadStage, number>();
  for (const span of spans)
    if (!(span.stage === 'landed' && span.leftAt == null))
      days.set(span.stage, (days.get(span.stage) ?? 0) + span.days);
  const reached = new Set(spans.map((s) => s.stage));
  const stages: LeadStage[] = [
    ...LEAD_LINE,
    ...(reached.has('dropped') || stage === 'dropped' ? (['dropped'] as LeadStage[]) : []),
  ];
  return (
    <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label="阶段进程">
      {stages.map((s) => {
        const current = s === stage;
        const visited = reached.has(s);
        return (
          <li
            key={s}
            aria-current={current ? 'step' : undefined}
            className={`rounded-md border px-3 py-2 text-sm ${current ? 'border-brand-600 bg-brand-50 font-semibold text-brand-900' : visited ? 'border-slate-300 bg-white text-slate-800' : 'border-dashed border-slate-300 text-slate-600'}`}
          >
            <span>{LEAD_STAGE_LABELS[s]}</span>
            {current ? <span className="ml-1 text-xs">（当前）</span> : null}
            <span className="block text-xs font-normal">
              {visited && days.has(s) ? `${days.get(s)} 天` : visited ? '—' : '未到达'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
