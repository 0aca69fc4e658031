'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

/**
 * A button that opens a modal dialog holding a form. `open` closes it again from outside (after a
 * successful save). The native <dialog> keeps focus inside and closes on Escape.
 */
export function DialogButton({
  label,
  title,
  variant = 'secondary',
  size = 'sm',
  closeSignal,
  children,
  ariaLabel,
}: {
  label: string;
  title: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Changes whenever the dialog should close (a successful save). */
  closeSignal?: unknown;
  children: ReactNode;
  ariaLabel?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (closeSignal) ref.current?.close();
  }, [closeSignal]);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => ref.current?.showModal()} aria-label={ariaLabel}>
        {label}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-[min(94vw,34rem)] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <Button variant="ghost" size="sm" onClick={() => ref.current?.close()} aria-label="关闭">
              ✕
            </Button>
          </div>
          {children}
        </div>
      </dialog>
    </>
  );
}

/** Closes the dialog around it (for a 取消 button inside the form). */
export function closeDialogOf(element: HTMLElement | null) {
  element?.closest('dialog')?.close();
}
