import { STAGE_LABELS, STAGES, type Stage } from '@/lib/rules/enums';

interface Props {
  current: Stage;
  daysInStage: Record<Stage, number | null>;
  plannedFinish: Partial<Record<Stage, string>>;
}

/** The six stages in order: where the project is, how long it spent in each, and each stage's planned finish. */
export function StagePipeline({ current, daysInStage, plannedFinish }: Props) {
  const currentIndex = STAGES.indexOf(current);
  return (
    <ol aria-label="项目阶段" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {STAGES.map((stage, index) => {
        const state = index < currentIndex ? 'past' : index === currentIndex ? 'current' : 'future';
        const days = daysInStage[stage];
        const styles = {
          past: 'border-brand-200 bg-brand-50 text-brand-900',
          current: 'border-brand-600 bg-brand-600 text-white shadow',
          future: 'border-slate-200 bg-white text-slate-600',
        }[state];
        return (
          <li
            key={stage}
            aria-current={state === 'current' ? 'step' : undefined}
            className={`rounded-md border px-3 py-2 ${styles}`}
          >
            <p className="text-sm font-semibold">
              <span aria-hidden="true">{index + 1}. </span>
              {STAGE_LABELS[stage]}
              <span className="sr-only">
                {state === 'past' ? '（已经过）' : state === 'current' ? '（当前阶段）' : '（未开始）'}
              </span>
            </p>
            <p className="mt-0.5 text-xs">
              {days === null
                ? state === 'past'
                  ? '已跳过'
                  : '—'
                : state === 'current'
                  ? `已 ${days} 天`
                  : `用时 ${days} 天`}
            </p>
            {plannedFinish[stage] ? <p className="text-xs">计划 {plannedFinish[stage]}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
