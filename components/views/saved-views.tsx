'use client';

import Link from 'next/link';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type FormAction } from '@/lib/auth/action-state';
import type { ViewPage } from '@/lib/rules/enums';

export interface SavedViewItem {
  id: number;
  name: string;
  query: string;
  href: string;
  shared: boolean;
  ownerName: string | null;
  mine: boolean;
  deletable: boolean;
}

interface Props {
  page: ViewPage;
  /** The current filters as a view keeps them. */
  query: string;
  views: SavedViewItem[];
  canShare: boolean;
  saveAction: FormAction;
  deleteAction: FormAction;
}

const dialogClass = 'm-auto w-[min(92vw,28rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50';

/** 我的视图: saved filters as links, 保存为视图 (with 共享 for leaders and admins) and 删除 with a confirmation. */
export function SavedViews({ page, query, views, canShare, saveAction, deleteAction }: Props) {
  const saveRef = useRef<HTMLDialogElement>(null);
  const deleteRef = useRef<HTMLDialogElement>(null);
  const [saveState, save] = useActionState(saveAction, initialActionState);
  const [deleteState, remove] = useActionState(deleteAction, initialActionState);
  const [target, setTarget] = useState<SavedViewItem | null>(null);
  const saveTitle = useId();
  const deleteTitle = useId();
  const nameId = `view-name-${page}`;
  const sharedId = `view-shared-${page}`;

  useEffect(() => {
    if (saveState.ok) saveRef.current?.close();
  }, [saveState]);
  useEffect(() => {
    if (deleteState.ok) deleteRef.current?.close();
  }, [deleteState]);

  const nameError = saveState.ok ? undefined : saveState.errors?.name?.join('；');
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="saved-views">
      <span className="text-xs font-medium text-slate-600">视图：</span>
      {views.length === 0 ? <span className="text-xs text-slate-500">暂无保存的视图</span> : null}
      {views.map((view) => {
        const active = view.query === query;
        return (
          <span
            key={view.id}
            className={`inline-flex items-center rounded-full text-xs ring-1 ${
              active ? 'bg-brand-50 ring-brand-500' : 'bg-white ring-slate-300'
            }`}
          >
            <Link
              href={view.href}
              aria-current={active ? 'true' : undefined}
              className="text-brand-800 rounded-l-full px-3 py-1 font-medium hover:underline"
              title={view.shared && !view.mine ? `${view.ownerName ?? ''}共享的视图` : undefined}
            >
              {view.name}
              {view.shared ? (
                <span className="ml-1 rounded bg-emerald-50 px-1 text-[10px] text-emerald-700">
                  {view.mine ? '已共享' : `共享·${view.ownerName ?? ''}`}
                </span>
              ) : null}
            </Link>
            {view.deletable ? (
              <button
                type="button"
                onClick={() => {
                  setTarget(view);
                  deleteRef.current?.showModal();
                }}
                className="rounded-r-full px-1.5 py-1 text-slate-500 hover:bg-red-50 hover:text-red-700"
                aria-label={`删除视图：${view.name}`}
              >
                ×
              </button>
            ) : (
              <span className="pr-1" />
            )}
          </span>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => saveRef.current?.showModal()}>
        保存为视图
      </Button>

      <dialog ref={saveRef} aria-labelledby={saveTitle} className={dialogClass}>
        <form action={save} className="space-y-4 p-5">
          <h2 id={saveTitle} className="text-lg font-semibold">
            保存当前筛选为视图
          </h2>
          <input type="hidden" name="page" value={page} />
          <input type="hidden" name="query" value={query} />
          <p className="text-sm text-slate-600">
            {query ? '保存后可一键打开这组筛选条件。' : '当前没有筛选条件，保存的视图将显示全部。'}
          </p>
          <div>
            <label htmlFor={nameId} className="mb-1 block text-sm font-medium text-slate-700">
              视图名称
              <span className="ml-0.5 text-red-600" aria-hidden="true">
                *
              </span>
            </label>
            <input
              id={nameId}
              name="name"
              required
              maxLength={40}
              defaultValue={saveState.ok ? '' : (saveState.values?.name ?? '')}
              placeholder="例如：3月调度会红灯项目"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${nameId}-error` : undefined}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-500"
            />
            {nameError ? (
              <p id={`${nameId}-error`} className="mt-1 text-sm text-red-700" role="alert">
                {nameError}
              </p>
            ) : null}
          </div>
          {canShare ? (
            <label htmlFor={sharedId} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                id={sharedId}
                type="checkbox"
                name="shared"
                value="1"
                defaultChecked={!saveState.ok && saveState.values?.shared === '1'}
                className="h-4 w-4"
              />
              共享给所有用户（所有人都能看到并打开这个视图）
            </label>
          ) : null}
          {!saveState.ok && saveState.message && !nameError ? (
            <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
              {saveState.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => saveRef.current?.close()}>
              取消
            </Button>
            <SubmitButton pendingText="保存中…">保存视图</SubmitButton>
          </div>
        </form>
      </dialog>

      <dialog ref={deleteRef} aria-labelledby={deleteTitle} className={dialogClass}>
        <form action={remove} className="space-y-4 p-5">
          <h2 id={deleteTitle} className="text-lg font-semibold">
            删除视图
          </h2>
          <input type="hidden" name="id" value={target?.id ?? ''} />
          <p className="text-sm text-slate-700">
            确定删除视图“{target?.name}”吗？
            {target?.shared ? '这是共享视图，删除后所有用户都将看不到它。' : ''}筛选出的项目不受影响。
          </p>
          {!deleteState.ok && deleteState.message ? (
            <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
              {deleteState.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => deleteRef.current?.close()}>
              取消
            </Button>
            <SubmitButton variant="danger" pendingText="删除中…">
              删除
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
