'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from './button';

/** A submit button that shows progress while its form's action runs. Must sit inside the <form>. */
export function SubmitButton({
  children,
  pendingText,
  variant,
  className,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} className={className}>
      {pending ? (pendingText ?? '提交中…') : children}
    </Button>
  );
}
