import { replySupervisionAction, reviewSupervisionAction } from '@/app/(app)/projects/[id]/problems/actions';
import { Tag } from '@/components/ui/badges';
import type { SupervisionDto } from '@/domain/supervisions';
import { SUPERVISION_STATUS_LABELS } from '@/lib/rules/enums';
import { FoldedActionForm } from './folded-action-form';
import { DeadlineTag } from './problem-card';
import { formatDateTime } from '@/lib/format-time';

export function SupervisionCard({
  order,
  mayReply,
  mayReview,
}: {
  order: SupervisionDto;
  mayReply: boolean;
  mayReview: boolean;
}) {
  const open = order.status !== 'done';
  const thread = [...order.replies, ...order.reviews].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id,
  );
  return (
    <article
      id={`supervision-${order.id}`}
      aria-labelledby={`supervision-${order.id}-title`}
      className="scroll-mt-20 rounded-md border border-slate-200 p-3 target:ring-2 target:ring-brand-500"
    >
      <div className="flex flex-wrap items-center gap-1.5">
        {order.urgency === 'urgent' ? <Tag tone="red">紧急</Tag> : null}
        <Tag tone={open ? 'amber' : 'emerald'}>{SUPERVISION_STATUS_LABELS[order.status]}</Tag>
        <DeadlineTag deadline={order.deadline} open={open} />
      </div>
      <h3 id={`supervision-${order.id}-title`} className="mt-2 text-sm font-medium text-slate-900">
        {order.content}
      </h3>
      <p className="mt-1 text-xs text-slate-600">
        {order.issuerName} 下达 · 办理时限 {order.deadline} · 责任人 {order.assigneeName ?? '项目责任单位'}
      </p>
      {thread.length ? (
        <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-xs" aria-label="回复记录">
          {thread.map((entry) => (
            <li key={entry.id}>
              <span className="text-slate-500">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </span>{' '}
              <span className="font-medium">{entry.byName}</span>{' '}
              {entry.kind === 'reply' ? '回复' : entry.kind === 'done' ? '办结' : '退回'}：
              <span className="text-slate-800">{entry.text}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {open && mayReply ? (
        <FoldedActionForm
          summary={order.replies.length ? '补充回复' : '回复督办'}
          tone="brand"
          standalone
          open={order.status !== 'replied'}
          idPrefix={`reply-${order.id}`}
          action={replySupervisionAction}
          hidden={{ supervisionId: order.id }}
          submitLabel="提交回复"
          fields={[{ name: 'text', label: '办理情况', kind: 'textarea', required: true }]}
        />
      ) : null}
      {open && mayReview ? (
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <FoldedActionForm
            summary="办结"
            tone="emerald"
            idPrefix={`done-${order.id}`}
            action={reviewSupervisionAction}
            hidden={{ supervisionId: order.id, status: 'done', version: order.version }}
            submitLabel="标记已办结"
            confirm="确认将此督办标记为已办结？"
            fields={[{ name: 'note', label: '办结意见（可选）', kind: 'textarea' }]}
          />
          {order.status === 'replied' ? (
            <FoldedActionForm
              summary="退回"
              tone="amber"
              idPrefix={`return-${order.id}`}
              action={reviewSupervisionAction}
              hidden={{ supervisionId: order.id, status: 'returned', version: order.version }}
              submitLabel="退回重办"
              variant="secondary"
              fields={[{ name: 'note', label: '退回原因', kind: 'textarea', required: true }]}
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
