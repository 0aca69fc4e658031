import 'server-only';
import { z } from 'zod';
import type { Role } from '@/lib/rules/enums';
import { BROKEN_TEXT_MESSAGE, findBrokenText } from '@/lib/text-safety';
import { AppError } from '@/lib/errors';
import { retryWhileBusy } from '@/db/busy';
import { actorOf, guard, parseInput, toAppError, type Caller, type SessionActor } from './guard';
import { clientIp, isSameOrigin } from './request-meta';
import { SESSION_COOKIE } from './session';

// API route handlers: `export const GET = apiRoute({ roles, query, body, params }, async (ctx) => ...)`.
// The handler returns data (sent as 200 JSON), or a Response for other statuses.

const MAX_JSON_BYTES = 1_000_000;

export interface ApiContext<Q, B, P> {
  actor: SessionActor;
  query: Q;
  body: B;
  params: P;
  request: Request;
}

interface ApiOptions<
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
> {
  roles?: readonly Role[];
  query?: Q;
  body?: B;
  params?: P;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(status === 204 ? null : JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return json(appError.toBody(), appError.status);
}

export function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function credentialsOf(request: Request) {
  const authorization = request.headers.get('authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  return { sessionToken: cookieValue(request, SESSION_COOKIE), bearerToken: bearer, ip: clientIp(request.headers) };
}

/** Reads a JSON body strictly: size-limited, valid UTF-8, valid JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError('payload_too_large', '请求体过大');
  const buffer = new Uint8Array(await request.arrayBuffer());
  if (buffer.byteLength > MAX_JSON_BYTES) throw new AppError('payload_too_large', '请求体过大');
  if (buffer.byteLength === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new AppError('malformed_json', '请求体不是有效的 UTF-8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('malformed_json');
  }
  assertCleanText(body);
  return body;
}

/**
 * Refuses a body holding a string no one could have typed (a lone surrogate, a control
 * character): 400 with the field named, before anything is stored.
 */
export function assertCleanText(body: unknown) {
  const broken = findBrokenText(body);
  if (broken !== null)
    throw new AppError('validation_failed', BROKEN_TEXT_MESSAGE, { [broken || 'body']: [BROKEN_TEXT_MESSAGE] });
}

/** A URL's query as a plain object, empty values left out. */
export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  // Empty values mean "no filter", as a form with a blank select sends them.
  for (const [key, value] of url.searchParams) if (value !== '') out[key] = value;
  return out;
}

/**
 * Same-origin check (CSRF): a browser's cross-site request carries a foreign Origin. A request with
 * no Origin header (curl, scripts, tests) is not a browser cross-site request. The host compared is
 * X-Forwarded-Host only when a trusted proxy sent it (scripts/serve.mjs drops it otherwise).
 */
export function assertSameOriginRequest(request: Request) {
  if (!isSameOrigin(request.headers)) throw new AppError('forbidden', '跨站请求被拒绝');
}

/** Cookie-authenticated writes must be same-origin; bearer tokens are exempt. */
function assertSameOrigin(request: Request, caller: Caller) {
  if (caller.via !== 'session' || request.method === 'GET' || request.method === 'HEAD') return;
  assertSameOriginRequest(request);
}

/**
 * A JSON body for a request that a cross-site form could otherwise send (text/plain and form
 * encodings need no CORS preflight): anything but application/json gets 415.
 */
export function assertJsonContentType(request: Request) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json')
    throw new AppError('unsupported_media_type', '请以 application/json 提交', {
      'content-type': ['须为 application/json'],
    });
}

export function apiRoute<
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(options: ApiOptions<Q, B, P>, handler: (ctx: ApiContext<Out<Q>, Out<B>, Out<P>>) => Promise<unknown> | unknown) {
  return describedRoute(options, async (request: Request, routeContext?: RouteContext): Promise<Response> => {
    try {
      const { caller } = guard({ roles: options.roles }, credentialsOf(request), undefined);
      assertSameOrigin(request, caller);
      // A malformed id in the path names no record.
      const params = parseInput(
        options.params as P,
        routeContext ? await routeContext.params : {},
        () => new AppError('not_found'),
      ) as Out<P>;
      const query = parseInput(options.query as Q, queryObject(new URL(request.url))) as Out<Q>;
      const body = (options.body ? parseInput(options.body, await readJsonBody(request)) : undefined) as Out<B>;
      // A write that met the import's lock is retried, unless the handler read the body itself.
      const bodyUsed = request.bodyUsed;
      const actor = actorOf(caller);
      const result = await retryWhileBusy(() => handler({ actor, query, body, params, request }), {
        canRetry: () => request.bodyUsed === bodyUsed,
      });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

/** The roles and zod schemas an API handler was built with, as the OpenAPI document reads them. */
export interface ApiRouteSpec {
  roles?: readonly Role[];
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
}

const routeSpecs = new WeakMap<object, ApiRouteSpec>();

function describedRoute<H extends object>(spec: ApiRouteSpec, handler: H): H {
  routeSpecs.set(handler, spec);
  return handler;
}

/** What `apiRoute` was given for this handler; undefined for handlers not built by it. */
export function apiRouteSpec(handler: unknown): ApiRouteSpec | undefined {
  return typeof handler === 'function' ? routeSpecs.get(handler) : undefined;
}

/** For public handlers (health, sign-in) that still want the error mapping. */
export function publicRoute(handler: (request: Request) => Promise<Response> | Response) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
