'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Tag } from '@/components/ui/badges';
import { formatDateTime } from '@/lib/format-time';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@/lib/rules/enums';

export interface NoticeItem {
  id: number;
  kind: NotificationKind;
  message: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

const safeLink = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? link : '/notifications');

/** The full notification list of /notifications: open one (marks it read), or mark all read. */
export function NotificationList({ initial }: { initial: NoticeItem[] }) {
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unread = items.filter((n) => !n.readAt).length;

  async function post(body: { ids: number[] } | { all: true }) {
    const response = await fetch('/api/v1/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error();
  }

  async function readAll() {
    setBusy(true);
    try {
      await post({ all: true });
      const at = new Date().toISOString();
      setItems((list) => list.map((n) => (n.readAt ? n : { ...n, readAt: at })));
      setError(null);
      router.refresh();
    } catch {
      setError('操作失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  async function open(notice: NoticeItem) {
    if (!notice.readAt) await post({ ids: [notice.id] }).catch(() => undefined);
    router.push(safeLink(notice.link));
  }

  if (items.length === 0)
    return (
      <p className="py-6 text-center text-sm text-slate-500">
        暂无通知。收到督办、督办回复或办结、问题上报到市级、您的项目阶段变更或亮红灯、调度会议定事项时会在这里提醒。
      </p>
    );
  return (
    <div>
      <div className="mb-2 flex items-center justify-between">
        <p className="text-sm text-slate-600">{unread > 0 ? `${unread} 条未读` : '全部已读'}</p>
        {unread > 0 ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void readAll()}
            className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50"
          >
            {busy ? '处理中…' : '全部标为已读'}
          </button>
        ) : null}
      </div>
      {error ? <p className="mb-2 text-sm text-red-600">{error}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="notification-list">
        {items.map((notice) => (
          <li key={notice.id}>
            <button
              type="button"
              onClick={() => void open(notice)}
              className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus:bg-slate-50"
            >
              <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                {notice.readAt ? null : <Tag tone="red">未读</Tag>}
                <Tag tone="slate">{NOTIFICATION_KIND_LABELS[notice.kind]}</Tag>
                <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
              </span>
              <span className={`mt-1 block text-sm ${notice.readAt ? 'text-slate-600' : 'font-medium text-slate-900'}`}>
                {notice.message}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
