import type { Metadata } from 'next';
import Link from 'next/link';
import { Tag } from '@/components/ui/badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { NotificationList } from '@/components/notifications/notification-list';
import { listNotifications, supervisionInbox } from '@/domain/notifications';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { SUPERVISION_STATUS_LABELS } from '@/lib/rules/enums';

export const metadata: Metadata = { title: '通知与督办' };

// The 督办 inbox (what waits on the caller, unread first) beside the caller's notifications.

export default async function NotificationsPage() {
  const user = await requireUser();
  const inbox = supervisionInbox(user);
  const { items } = listNotifications(user, { limit: 100 });
  const day = today();
  return (
    <div className="space-y-4">
      <PageHeader
        title="通知与督办"
        description="等您办理的督办，以及与您有关的通知。哪些通知也汇入每日预警日报，可在账户页设置。"
      />
      <div className="grid gap-4 xl:grid-cols-2">
        {inbox.role !== 'none' ? (
          <Card
            title={
              inbox.role === 'answer' ? `督办待回复（${inbox.items.length}）` : `督办待办结（${inbox.items.length}）`
            }
          >
            {inbox.items.length === 0 ? (
              <EmptyState title={inbox.role === 'answer' ? '没有等您回复的督办' : '没有等您办结的督办'}>
                {inbox.role === 'answer'
                  ? '领导下达给您的督办会出现在这里，紧急的排在前面。'
                  : '责任人回复您下达的督办后，会出现在这里等您办结或退回。'}
              </EmptyState>
            ) : (
              <ul className="space-y-2" data-testid="supervision-inbox">
                {inbox.items.map((order) => (
                  <li key={order.id}>
                    <Link
                      href={order.link}
                      className={`block rounded-md border p-3 hover:bg-slate-50 ${order.urgency === 'urgent' ? 'border-red-300' : 'border-slate-200'}`}
                    >
                      <span className="flex flex-wrap items-center gap-1.5">
                        {order.unread ? <Tag tone="red">未读</Tag> : null}
                        {order.urgency === 'urgent' ? <Tag tone="red">紧急</Tag> : null}
                        <Tag tone="amber">{SUPERVISION_STATUS_LABELS[order.status]}</Tag>
                        <span
                          className={`text-xs ${order.deadline < day ? 'font-medium text-red-600' : 'text-slate-500'}`}
                        >
                          办理时限 {order.deadline}
                          {order.deadline < day ? '（已超期）' : ''}
                        </span>
                      </span>
                      <span className="mt-1 block text-sm font-medium text-slate-900">{order.content}</span>
                      <span className="mt-0.5 block text-xs text-slate-600">
                        {order.projectName} · {order.issuerName} 下达
                        {order.assigneeName ? ` · 责任人 ${order.assigneeName}` : ''}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        <Card title="通知">
          <NotificationList initial={items} />
        </Card>
      </div>
    </div>
  );
}
