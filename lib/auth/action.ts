import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from '@/lib/rules/enums';
import type { ActionState } from './action-state';
import { actorOf, guard, toAppError, type SessionActor } from './guard';
import { credentialsFromNext } from './next';
import { retryWhileBusy } from '@/db/busy';
import { AppError } from '@/lib/errors';
import { BROKEN_TEXT_MESSAGE, findBrokenText } from '@/lib/text-safety';

// Server actions: `export const saveX = guardedAction({ roles, schema }, async (input, actor) => ...)`.
// Works with useActionState (prevState, formData) and with direct calls (input object).
// A server page hands its actions to client components as props (`action={saveX}`, typed `FormAction`), so no
// 'use client' file imports an app/ module.

export type { ActionState };

/** FormData to a plain object; repeated keys become arrays, files stay File objects. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key);
    out[key] = values.length > 1 || key.endsWith('[]') ? values : values[0];
  }
  return out;
}

/** Fields never sent back to the browser in `values`: passwords stay where they were typed. */
const SECRET_FIELD = /password|token|secret/i;

/** What was typed, to show again; a repeated key (checkboxes of one name) comes back comma-joined. */
function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SECRET_FIELD.test(key)) continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) values[key] = value.join(',');
  }
  return values;
}

export function guardedAction<S extends z.ZodType, T>(
  options: { roles?: readonly Role[]; schema: S },
  fn: (input: z.output<S>, actor: SessionActor) => Promise<T> | T,
) {
  return async (prevOrInput: unknown, maybeForm?: unknown): Promise<ActionState<T>> => {
    const raw =
      maybeForm instanceof FormData
        ? formDataToObject(maybeForm)
        : prevOrInput instanceof FormData
          ? formDataToObject(prevOrInput)
          : (maybeForm ?? prevOrInput);
    const values = raw && typeof raw === 'object' ? echoValues(raw as Record<string, unknown>) : {};
    try {
      const broken = findBrokenText(raw);
      if (broken !== null)
        throw new AppError('validation_failed', BROKEN_TEXT_MESSAGE, { [broken || 'form']: [BROKEN_TEXT_MESSAGE] });
      const { caller, input } = guard(
        { roles: options.roles, schema: options.schema },
        await credentialsFromNext(),
        raw,
      );
      const actor = actorOf(caller);
      const data = await retryWhileBusy(() => fn(input as z.output<S>, actor));
      return { ok: true, data, values };
    } catch (error) {
      // redirect() and notFound() inside an action are Next's control flow, not failures.
      unstable_rethrow(error);
      const appError = toAppError(error);
      return {
        ok: false,
        code: appError.code,
        message: appError.message,
        errors: appError.fields,
        values,
        ...(appError.extra ? { extra: appError.extra } : {}),
      };
    }
  };
}
