'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/action-state';

type ServerAction = (prev: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

/**
 * useActionState plus a counter that changes on every answer. Keying the form on it remounts the
 * fields with the returned values as defaults, so selects and checkboxes keep what the user chose
 * after a refused save (React's own form reset would put them back to the first option).
 */
export function useKeyedAction(action: ServerAction) {
  const [state, formAction, pending] = useActionState(
    async (prev: ActionState & { seq?: number }, formData: FormData) => {
      const result = await action(prev, formData);
      return { ...result, seq: (prev.seq ?? 0) + 1 };
    },
    { ok: false, seq: 0 } as ActionState & { seq?: number },
  );
  return { state, formAction, pending, formKey: state.seq ?? 0 };
}
