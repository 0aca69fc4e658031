'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

// The short confirmation after a card moves: "已移至 X" with 撤销 for a few seconds. It stays
// while the pointer or keyboard focus is on it, so a user reaching for 撤销 is not cut short.

export const TOAST_MS = 6000;

export interface MoveToastState {
  id: number;
  message: string;
  onUndo?: () => void;
}

export function useMoveToast() {
  const [toast, setToast] = useState<MoveToastState | null>(null);
  const next = useRef(0);
  const show = useCallback(
    (message: string, onUndo?: () => void) => setToast({ id: ++next.current, message, onUndo }),
    [],
  );
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, dismiss };
}

export function MoveToast({ toast, onDismiss }: { toast: MoveToastState | null; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast, held, onDismiss]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
    >
      {toast ? (
        <div
          key={toast.id}
          data-testid="move-toast"
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node)) setHeld(false);
          }}
          className="pointer-events-auto flex max-w-full items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg"
        >
          <span className="min-w-0 break-words">{toast.message}</span>
          {toast.onUndo ? (
            <button
              type="button"
              onClick={() => {
                const undo = toast.onUndo!;
                setHeld(false);
                onDismiss();
                undo();
              }}
              className="shrink-0 rounded px-2 py-0.5 font-medium text-amber-300 underline-offset-2 hover:underline focus:ring-2 focus:ring-amber-300 focus:outline-none"
            >
              撤销
            </button>
          ) : null}
          <button
            type="button"
            aria-label="关闭提示"
            onClick={() => {
              setHeld(false);
              onDismiss();
            }}
            className="shrink-0 rounded px-1 text-slate-300 hover:text-white focus:ring-2 focus:ring-slate-300 focus:outline-none"
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
