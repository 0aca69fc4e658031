'use client';

import { useActionState, useEffect, useRef } from 'react';
import { SelectField, TextAreaField, TextField, enumOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';
import { FOLLOWUP_KIND_LABELS, FOLLOWUP_KINDS } from '@/lib/rules/enums';

/** 添加跟进记录. A next follow-up date moves the lead's date. */
export function FollowupForm({ leadId, today, action }: { leadId: number; today: string; action: FormAction }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, initialActionState);
  const formRef = useRef<HTMLFormElement>(null);
  const keep = !state.ok;
  const value = (key: string, fallback = '') => (keep ? (state.values?.[key] ?? fallback) : fallback);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className="space-y-3" noValidate aria-label="添加跟进记录">
      <input type="hidden" name="leadId" value={leadId} />
      {state.message && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      {state.ok ? <Notice tone="success">已添加跟进记录</Notice> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="date"
          id="followup-date"
          label="跟进日期"
          type="date"
          required
          max={today}
          defaultValue={value('date', today)}
          error={state.errors?.date}
        />
        <SelectField
          name="kind"
          id="followup-kind"
          label="跟进方式"
          required
          defaultValue={value('kind', 'phone')}
          error={state.errors?.kind}
          options={enumOptions(FOLLOWUP_KINDS, FOLLOWUP_KIND_LABELS)}
        />
        <TextField
          name="nextFollowUpDate"
          id="followup-next"
          label="下次跟进日期"
          type="date"
          min={today}
          defaultValue={value('nextFollowUpDate')}
          error={state.errors?.nextFollowUpDate}
        />
      </div>
      <TextAreaField
        name="note"
        id="followup-note"
        label="跟进内容"
        required
        defaultValue={value('note')}
        error={state.errors?.note}
        maxLength={2000}
      />
      <SubmitButton pendingText="保存中…">添加跟进</SubmitButton>
    </form>
  );
}
