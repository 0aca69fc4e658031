import { HIGHLIGHT_CLASSES } from '@/components/ui/scroll-highlight';
import {
  escalateProblemAction,
  closeProblemAction,
  reopenProblemAction,
} from '@/app/(app)/projects/[id]/problems/actions';
import { Tag } from '@/components/ui/badges';
import type { ProblemDto } from '@/domain/problems';
import {
  PROBLEM_LEVEL_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  type ProblemAction,
  type ProblemLevel,
} from '@/lib/rules/enums';
import { daysBetween, today } from '@/lib/rules/dates';
import { nextLevel } from '@/lib/rules/problems';
import { FoldedActionForm } from './folded-action-form';
import { formatDate, formatDateTime } from '@/lib/format-time';

const ACTION_LABELS: Record<ProblemAction, string> = {
  raised: '提出',
  escalated: '上报',
  closed: '销号',
  reopened: '重新打开',
  edited: '修改',
};

interface HistoryEntry {
  id: number;
  at: string;
  byName: string | null;
  action: ProblemAction;
  fromLevel: ProblemLevel | null;
  toLevel: ProblemLevel | null;
  note: string | null;
}

export function DeadlineTag({ deadline, open }: { deadline: string; open: boolean }) {
  if (!open) return null;
  const days = daysBetween(today(), deadline);
  if (days < 0) return <Tag tone="red">已超期 {-days} 天</Tag>;
  if (days <= 3) return <Tag tone="amber">{days === 0 ? '今天到期' : `还剩 ${days} 天`}</Tag>;
  return null;
}

export function ProblemStatusTag({ status }: { status: ProblemDto['status'] }) {
  return <Tag tone={status === 'open' ? 'amber' : 'emerald'}>{PROBLEM_STATUS_LABELS[status]}</Tag>;
}

/** 类型, 层级, 状态 and, while open, how near the deadline is: the tags a problem shows in a card. */
export function ProblemTags({ problem }: { problem: Pick<ProblemDto, 'type' | 'level' | 'status' | 'deadline'> }) {
  return (
    <>
      <Tag tone="violet">{PROBLEM_TYPE_LABELS[problem.type]}</Tag>
      <Tag tone="brand">{PROBLEM_LEVEL_LABELS[problem.level]}</Tag>
      <ProblemStatusTag status={problem.status} />
      <DeadlineTag deadline={problem.deadline} open={problem.status === 'open'} />
    </>
  );
}

export function ProblemCard({
  problem,
  mayWork,
  mayReopen,
}: {
  problem: ProblemDto & { history: HistoryEntry[] };
  mayWork: boolean;
  mayReopen: boolean;
}) {
  const open = problem.status === 'open';
  const up = nextLevel(problem.level);
  return (
    <article
      id={`problem-${problem.id}`}
      aria-labelledby={`problem-${problem.id}-title`}
      className={`scroll-mt-20 rounded-md border border-slate-200 p-3 target:ring-2 target:ring-brand-500 ${HIGHLIGHT_CLASSES}`}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <ProblemTags problem={problem} />
      </div>
      <h3 id={`problem-${problem.id}-title`} className="mt-2 text-sm font-medium text-slate-900">
        {problem.description}
      </h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600">
        <dt>责任单位</dt>
        <dd>{problem.unitName}</dd>
        <dt>解决时限</dt>
        <dd>{problem.deadline}</dd>
        <dt>提出日期</dt>
        <dd>{formatDate(problem.createdAt)}</dd>
        {problem.resolution ? (
          <>
            <dt>解决情况</dt>
            <dd className="text-slate-800">{problem.resolution}</dd>
          </>
        ) : null}
      </dl>

      <details className="mt-2">
        <summary className="cursor-pointer text-xs font-medium text-slate-600">
          处理记录（{problem.history.length}）
        </summary>
        <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-xs" aria-label="处理记录">
          {problem.history.map((event) => (
            <li key={event.id}>
              <time className="text-slate-500" dateTime={event.at}>
                {formatDateTime(event.at)}
              </time>{' '}
              <span className="font-medium">{event.byName ?? '系统'}</span> {ACTION_LABELS[event.action]}
              {event.action === 'escalated' && event.fromLevel && event.toLevel
                ? `：${PROBLEM_LEVEL_LABELS[event.fromLevel]} → ${PROBLEM_LEVEL_LABELS[event.toLevel]}`
                : ''}
              {event.note ? <span className="text-slate-700">（{event.note}）</span> : null}
            </li>
          ))}
        </ol>
      </details>

      {open && mayWork ? (
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {up ? (
            <FoldedActionForm
              summary={`上报至${PROBLEM_LEVEL_LABELS[up]}`}
              tone="brand"
              idPrefix={`escalate-${problem.id}`}
              action={escalateProblemAction}
              hidden={{ problemId: problem.id, level: up, version: problem.version }}
              submitLabel={`确认上报至${PROBLEM_LEVEL_LABELS[up]}`}
              fields={[{ name: 'note', label: '上报说明', kind: 'textarea', required: true }]}
            />
          ) : null}
          <FoldedActionForm
            summary="销号"
            tone="emerald"
            idPrefix={`close-${problem.id}`}
            action={closeProblemAction}
            hidden={{ problemId: problem.id, version: problem.version }}
            submitLabel="确认销号"
            confirm="销号后问题不能再修改，只能由领导重新打开。确认销号？"
            fields={[{ name: 'resolution', label: '解决情况', kind: 'textarea', required: true }]}
          />
        </div>
      ) : null}
      {!open && mayReopen ? (
        <FoldedActionForm
          summary="重新打开"
          tone="amber"
          standalone
          idPrefix={`reopen-${problem.id}`}
          action={reopenProblemAction}
          hidden={{ problemId: problem.id, version: problem.version }}
          submitLabel="确认重新打开"
          variant="secondary"
          fields={[{ name: 'reason', label: '重新打开原因', kind: 'textarea', required: true }]}
        />
      ) : null}
    </article>
  );
}
