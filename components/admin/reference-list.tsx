import type { ReactNode } from 'react';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { Tag } from '@/components/ui/badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import type { FormAction } from '@/lib/auth/action-state';

// The admin pages of the reference lists (单位, 行业): an add form above, every record below with an
// inline editor and a 停用/启用 toggle. Records are referenced by projects and users, so none is deleted.

export interface ReferenceItem {
  id: number;
  name: string;
  version: number;
  active: boolean;
}

/** One row of a reference list: summary, an inline editor, and the status action. */
function ReferenceRow({
  title,
  meta,
  active,
  editor,
  toggle,
}: {
  title: string;
  meta?: ReactNode;
  active: boolean;
  editor: ReactNode;
  toggle: ReactNode;
}) {
  return (
    <li className={`rounded-lg border border-slate-200 p-3 shadow-sm ${active ? 'bg-white' : 'bg-slate-50'}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className={`font-medium ${active ? '' : 'text-slate-500'}`}>{title}</span>
        {meta}
        {active ? <Tag tone="emerald">启用</Tag> : <Tag tone="slate">已停用</Tag>}
        <span className="ml-auto">{toggle}</span>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-700 hover:underline">修改「{title}」</summary>
        <div className="mt-2 border-t border-slate-100 pt-3">{editor}</div>
      </details>
    </li>
  );
}

export function ReferenceAdminPage<Item extends ReferenceItem>({
  noun,
  listId,
  className,
  description,
  items,
  addForm,
  meta,
  editor,
  setActiveAction,
  deactivateMessage,
  activateMessage,
}: {
  /** 单位 or 行业: the page reads 「noun管理」, 「添加noun」, 「全部noun」. */
  noun: string;
  listId: string;
  className: string;
  description: string;
  items: Item[];
  addForm: ReactNode;
  meta?: (item: Item) => ReactNode;
  editor: (item: Item) => ReactNode;
  setActiveAction: FormAction;
  deactivateMessage: string;
  activateMessage: string;
}) {
  return (
    <div className={`${className} space-y-4`}>
      <AdminBreadcrumb current={`${noun}管理`} />
      <PageHeader title={`${noun}管理`} description={description} />
      <Card title={`添加${noun}`}>{addForm}</Card>
      <section aria-labelledby={listId} className="space-y-2">
        <h2 id={listId} className="text-base font-semibold">
          全部{noun}（{items.length}）
        </h2>
        {items.length === 0 ? (
          <EmptyState title={`还没有${noun}`}>在上方添加第一个{noun}。</EmptyState>
        ) : (
          <ul className="space-y-2">
            {items.map((item) => (
              <ReferenceRow
                key={item.id}
                title={item.name}
                active={item.active}
                meta={meta?.(item)}
                editor={editor(item)}
                toggle={
                  <ConfirmAction
                    action={setActiveAction}
                    fields={{ id: item.id, version: item.version, active: !item.active }}
                    label={item.active ? '停用' : '启用'}
                    title={item.active ? `停用${noun}「${item.name}」` : `启用${noun}「${item.name}」`}
                    message={item.active ? deactivateMessage : activateMessage}
                    confirmLabel={item.active ? '确认停用' : '确认启用'}
                    variant={item.active ? 'danger' : 'primary'}
                  />
                }
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
