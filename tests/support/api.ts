import { expect } from 'vitest';
import { asClient } from './client-ip';
import { getDb } from '@/db';
import { seedDemo } from '@/db/seed';

// Calls Next route handlers in-process with real Request objects against the test's SQLite file.

type Handler = (
  request: Request,
  context?: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  body?: unknown;
  /** Raw body: text for malformed JSON, bytes for uploads, FormData for multipart (sets its own content-type). */
  rawBody?: string | Uint8Array | FormData;
  cookie?: string | null;
  bearer?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(handler: Handler, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] ??= 'application/json';
  const request = new Request(`http://localhost${options.path ?? '/'}`, {
    method: options.method ?? 'GET',
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

let seeded: Promise<unknown> | null = null;
/** Seeds the demo data once per test file. */
export function seedOnce() {
  seeded ??= seedDemo(getDb());
  return seeded;
}

const cookies = new Map<string, string>();
/** Signs in through the session API and returns the cookie header to send. */
export async function loginAs(username: string, password = 'demo2018'): Promise<string> {
  const cached = cookies.get(username);
  if (cached) return cached;
  const { POST } = await import('@/app/api/v1/session/route');
  const result = await call(POST, {
    method: 'POST',
    path: '/api/v1/session',
    body: { username, password },
    headers: { ...asClient(`10.0.0.${cookies.size + 1}`) },
  });
  if (result.status !== 200)
    throw new Error(`login ${username} failed: ${result.status} ${JSON.stringify(result.body)}`);
  const setCookie = result.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  cookies.set(username, cookie);
  return cookie;
}

export function userId(username: string): number {
  const row = getDb()
    .query.users.findFirst({ where: (u, { eq }) => eq(u.username, username) })
    .sync();
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** A seeded unit's id, by its name (昌邑区, 船营区, …). */
export function unitIdByName(name: string): number {
  const row = getDb()
    .query.units.findFirst({ where: (u, { eq }) => eq(u.name, name) })
    .sync();
  if (!row) throw new Error(`no unit ${name}`);
  return row.id;
}

/** A name no other test project has: `prefix` and six random letters or digits. */
export const uniqueName = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

/** Creates a project through POST /api/v1/projects as `as`, expects 201 and returns the body. */
export async function createProjectAs(as: string, body: Record<string, unknown>) {
  const { POST } = await import('@/app/api/v1/projects/route');
  const result = await call(POST, { method: 'POST', cookie: await loginAs(as), body });
  expect(result.status).toBe(201);
  return result.body;
}
