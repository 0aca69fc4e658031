import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/lib/rules/enums';
import type { ActorContext } from '@/lib/rules/permissions';
import { AppError, isAppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import { isBusyError } from '@/db/busy';
import { userFromBearerToken, userFromSessionToken, type SessionUser } from './session';

// The one guard. Every API handler (apiRoute) and every server action (guardedAction, in
// ./action.ts) goes through `guard`: it loads the caller, checks the role, then parses the
// input with zod. Ownership is checked by the domain function against the loaded record,
// with the predicates of lib/rules/permissions.ts.

export interface Credentials {
  sessionToken?: string | null;
  bearerToken?: string | null;
  ip?: string | null;
}

export interface GuardOptions<S extends z.ZodType | undefined> {
  /** Roles allowed to call; omitted means any signed-in user. */
  roles?: readonly Role[];
  schema?: S;
  /** Set false for the few public entry points (health, sign-in). */
  auth?: boolean;
}

export interface Caller {
  user: SessionUser;
  ip: string | null;
  via: 'session' | 'token';
}

/** What handlers and actions get: the signed-in user plus the request's address, ready for domain writes. */
export type SessionActor = SessionUser & ActorContext & { ip: string | null };

export function actorOf(caller: Caller): SessionActor {
  return { ...caller.user, ip: caller.ip };
}

export function resolveCaller(credentials: Credentials): Caller | null {
  if (credentials.bearerToken) {
    const user = userFromBearerToken(credentials.bearerToken);
    return user ? { user, ip: credentials.ip ?? null, via: 'token' } : null;
  }
  const user = userFromSessionToken(credentials.sessionToken);
  return user ? { user, ip: credentials.ip ?? null, via: 'session' } : null;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The guard's zod parsing: no schema parses to undefined; a failure is `validation_failed` with field errors, unless `invalid` says otherwise. */
export function parseInput<S extends z.ZodType | undefined>(
  schema: S,
  input: unknown,
  invalid: (error: z.ZodError) => AppError = (error) =>
    new AppError('validation_failed', undefined, fieldErrorsOf(error)),
): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(result.error);
  return result.data as Parsed<S>;
}

export function guard<S extends z.ZodType | undefined>(
  options: GuardOptions<S> & { auth: false },
  credentials: Credentials,
  input: unknown,
): { caller: Caller | null; input: Parsed<S> };
export function guard<S extends z.ZodType | undefined>(
  options: GuardOptions<S>,
  credentials: Credentials,
  input: unknown,
): { caller: Caller; input: Parsed<S> };
export function guard<S extends z.ZodType | undefined>(
  options: GuardOptions<S>,
  credentials: Credentials,
  input: unknown,
) {
  const caller = resolveCaller(credentials);
  if (options.auth !== false) {
    if (!caller) throw new AppError('unauthenticated');
    if (options.roles && !options.roles.includes(caller.user.role)) throw new AppError('forbidden');
  }
  return { caller, input: parseInput(options.schema as S, input) };
}

/** Logs unexpected errors and turns every error into an AppError the caller can show. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed/.test(message))
    return new AppError('conflict', '记录重复：已存在相同的记录');
  if (/SQLITE_CONSTRAINT_FOREIGNKEY|FOREIGN KEY constraint failed/.test(message)) {
    return new AppError('validation_failed', '引用的记录不存在', { _: ['引用的记录不存在'] });
  }
  if (isBusyError(error)) return new AppError('busy', '系统繁忙（正在写入大批数据），请稍后重试');
  console.error('[unexpected]', error);
  return new AppError('internal');
}
