'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime } from '@/lib/format-time';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@/lib/rules/enums';

interface Notice {
  id: number;
  kind: NotificationKind;
  message: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

const POLL_MS = 60_000;

/** Only paths inside the platform are followed. */
const safeLink = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? link : '/notifications');

/**
 * The header bell: the unread count, and on click the latest notices. Opening one marks it read and
 * goes where it is handled. Reloads on every page change and once a minute.
 */
export function NotificationBell() {
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notice[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      const response = await fetch('/api/v1/notifications?limit=8', { cache: 'no-store' });
      if (!response.ok) throw new Error();
      const body = (await response.json()) as { items: Notice[]; unread: number };
      setItems(body.items);
      setUnread(body.unread);
      setError(null);
    } catch {
      setError('通知加载失败');
    }
  }, []);

  useEffect(() => {
    const first = window.setTimeout(() => void load(), 0);
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [load, pathname]);

  // A new page closes the panel.
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    setShownOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function markRead(body: { ids: number[] } | { all: true }) {
    const response = await fetch('/api/v1/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error();
    const result = (await response.json()) as { unread: number };
    setUnread(result.unread);
  }

  async function openNotice(notice: Notice) {
    setOpen(false);
    if (!notice.readAt) await markRead({ ids: [notice.id] }).catch(() => undefined);
    router.push(safeLink(notice.link));
    void load();
  }

  async function readAll() {
    try {
      await markRead({ all: true });
      await load();
    } catch {
      setError('操作失败，请重试');
    }
  }

  const label = unread > 0 ? `通知，${unread} 条未读` : '通知';
  return (
    <div ref={box} className="relative" data-testid="notification-bell">
      <button
        ref={button}
        type="button"
        onClick={() => {
          setOpen((v) => !v);
          if (!open) void load();
        }}
        aria-expanded={open}
        aria-haspopup="true"
        aria-controls="notification-panel"
        aria-label={label}
        title={label}
        className="relative flex h-9 w-9 items-center justify-center rounded-md text-brand-100 hover:bg-white/10 hover:text-white"
      >
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 ? (
          <span
            className="absolute -top-0.5 -right-0.5 min-w-[1.1rem] rounded-full bg-red-500 px-1 text-center text-[11px] leading-[1.1rem] font-semibold text-white"
            data-testid="notification-unread"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="notification-panel"
          role="region"
          aria-label="通知"
          className="fixed inset-x-2 top-14 z-40 rounded-lg bg-white text-slate-900 shadow-xl ring-1 ring-slate-200 sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <p className="text-sm font-medium">
              通知{unread > 0 ? <span className="ml-1 text-xs text-red-600">{unread} 条未读</span> : null}
            </p>
            {unread > 0 ? (
              <button type="button" onClick={() => void readAll()} className="text-xs text-brand-700 hover:underline">
                全部标为已读
              </button>
            ) : null}
          </div>
          {error ? <p className="px-3 py-2 text-xs text-red-600">{error}</p> : null}
          {items === null ? (
            <p className="px-3 py-4 text-sm text-slate-500">加载中…</p>
          ) : items.length === 0 ? (
            <p className="px-3 py-4 text-sm text-slate-500">暂无通知。督办、问题上报、阶段变更和红灯会在这里提醒您。</p>
          ) : (
            <ul className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto">
              {items.map((notice) => (
                <li key={notice.id}>
                  <button
                    type="button"
                    onClick={() => void openNotice(notice)}
                    className={`block w-full px-3 py-2 text-left hover:bg-slate-50 focus:bg-slate-50 ${notice.readAt ? 'text-slate-600' : ''}`}
                  >
                    <span className="flex items-center gap-1.5 text-xs text-slate-500">
                      {notice.readAt ? null : <span className="h-2 w-2 rounded-full bg-red-500" aria-label="未读" />}
                      {NOTIFICATION_KIND_LABELS[notice.kind]} · {formatDateTime(notice.createdAt)}
                    </span>
                    <span className={`mt-0.5 block text-sm ${notice.readAt ? '' : 'font-medium text-slate-900'}`}>
                      {notice.message}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 px-3 py-2 text-right">
            <Link href="/notifications" className="text-sm text-brand-700 hover:underline">
              查看全部通知与督办待办
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
