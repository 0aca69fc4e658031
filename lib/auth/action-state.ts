import type { FieldErrors } from '@/lib/errors';

// The typed state a server action returns to its form; shared by client and server code.
export interface ActionState<T = unknown> {
  ok: boolean;
  message?: string;
  code?: string;
  errors?: FieldErrors;
  /** What the user submitted, fed back as defaultValue so a failed save loses nothing. */
  values?: Record<string, string>;
  data?: T;
}

export const initialActionState: ActionState = { ok: false };
