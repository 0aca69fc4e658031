'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type FormAction } from '@/lib/auth/action-state';

interface Props {
  action: FormAction;
  /** Hidden fields sent with the confirmation (id, version, …). */
  fields: Record<string, string | number | boolean>;
  label: string;
  title: string;
  message: React.ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
}

/**
 * A button that asks before it acts: for changes that cannot simply be undone (deactivating an
 * account, revoking a token). The server action still checks everything itself.
 */
export function ConfirmAction({ action, fields, label, title, message, confirmLabel, variant = 'danger' }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction] = useActionState(action, initialActionState);
  const titleId = useId();

  useEffect(() => {
    if (state.ok) dialogRef.current?.close();
  }, [state]);

  return (
    <>
      <Button
        variant={variant === 'danger' ? 'secondary' : variant}
        size="sm"
        onClick={() => dialogRef.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(92vw,28rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
      >
        <form action={formAction} className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="text-sm text-slate-700">{message}</div>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={String(value)} />
          ))}
          {!state.ok && state.message ? (
            <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
              {state.message}
              {state.errors
                ? ` ${Object.values(state.errors)
                    .flat()
                    .filter((m) => m !== state.message)
                    .join('；')}`
                : ''}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              取消
            </Button>
            <SubmitButton variant={variant}>{confirmLabel}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
