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
  /** More of the error (e.g. duplicate_lead's `existing`), as the API's error body carries it. */
  extra?: Record<string, unknown>;
}

export const initialActionState: ActionState = { ok: false };

/** A server action as a form's useActionState takes it; pages hand it to client components as a prop. */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
