'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';

/**
 * 首报首谈 on the new-lead form: the enterprise already has an open lead. Names it, its owner and team
 * (the server's message), links to it, and offers 申请协同 instead of a second lead.
 */
export function DuplicateLeadNotice({
  message,
  existing,
  requestAction,
}: {
  message: string;
  existing: { id: number; ownerId: number; team: string | null };
  requestAction?: FormAction;
}) {
  const [state, request] = useActionState<ActionState, FormData>(
    requestAction ?? (async () => initialActionState),
    initialActionState,
  );
  return (
    <Notice tone="warning">
      <div className="space-y-2" data-testid="duplicate-lead">
        <p>{message}</p>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={`/leads/${existing.id}`} className="text-brand-700 underline">
            查看线索 #{existing.id}
          </Link>
          {requestAction && !state.ok ? (
            <form action={request}>
              <input type="hidden" name="leadId" value={existing.id} />
              <SubmitButton pendingText="提交中…">申请协同</SubmitButton>
            </form>
          ) : null}
        </div>
        {state.ok ? <p className="text-emerald-800">已申请协同，等待线索负责人处理</p> : null}
        {state.message && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
      </div>
    </Notice>
  );
}
