'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { initialActionState, type ActionState, type FormAction } from '@/lib/auth/action-state';

/**
 * useActionState, submitted from onSubmit instead of the form's `action` prop. With the action
 * prop React resets the form after every submission, and a <select> does not get its typed value
 * back from defaultValue; submitting this way leaves every field exactly as the user left it.
 */
export function useFormAction<T = unknown>(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => formAction(formData));
  };
  return { state: state as ActionState<T>, onSubmit, pending };
}

export function PendingSubmit({
  pending,
  children,
  pendingText = '保存中…',
  variant,
  className,
}: {
  pending: boolean;
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} className={className}>
      {pending ? pendingText : children}
    </Button>
  );
}
