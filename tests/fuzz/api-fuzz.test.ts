import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, type CallOptions } from '../support/api';
import { changedTables, dbChecksum } from '../support/db-checksum';
import {
  discoverRoutes,
  fillRoute,
  WRITE_METHODS,
  type DiscoveredRoute,
  type HttpMethod,
  type RouteHandler,
} from '../support/routes';
import { BAD_IDS, badBody, badQuery, GOOD_IDS, INJECTIONS, prng, type Rng } from './generators';

// Fuzzes every API endpoint found under app/api/**/route.ts with malformed bodies, query strings
// and path ids, as an admin (the most permissive caller) and as anonymous/garbage callers.
// Asserts: never a 5xx; every non-2xx answer has the JSON error body; no write is accepted; and
// the database is unchanged (tests/support/db-checksum.ts, which names its exclusions).
//
// Reproduce a failure with the seed it prints: FUZZ_SEED=<n> npx vitest run tests/fuzz/api-fuzz.test.ts
// FUZZ_TOTAL sets the number of requests (default 3,000, at least 60 per endpoint method).

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_208);
const TOTAL = Number(process.env.FUZZ_TOTAL ?? 3_000);
const BATCH = 25;

type CallerKind = 'admin' | 'anonymous' | 'garbage-cookie' | 'garbage-bearer';

interface Planned {
  route: DiscoveredRoute;
  method: HttpMethod;
  handler: RouteHandler;
  caller: CallerKind;
  options: CallOptions;
  kind: string;
}

const isWrite = (method: HttpMethod) => (WRITE_METHODS as readonly string[]).includes(method);

// Writes that may answer 2xx to a caller without a session because they are idempotent no-ops
// then: signing out when not signed in. The database check still applies to them.
const NO_OP_WITHOUT_SESSION = ['DELETE /api/v1/session'];

function plan(
  rng: Rng,
  route: DiscoveredRoute,
  method: HttpMethod,
  handler: RouteHandler,
  adminCookie: string,
): Planned {
  let caller: CallerKind = rng.chance(0.65)
    ? 'admin'
    : rng.pick(['anonymous', 'garbage-cookie', 'garbage-bearer'] as const);
  // A DELETE has no body to spoil: as admin it is sent only to a malformed id, and a DELETE on a
  // route without an id (sign-out) only by callers without a session.
  if (method === 'DELETE' && caller === 'admin' && route.params.length === 0) caller = 'anonymous';
  const badIdOnly = method === 'DELETE' && caller === 'admin';

  const params: Record<string, string> = {};
  let kind = '';
  for (const name of route.params) {
    const malformed = badIdOnly || rng.chance(0.3);
    params[name] = malformed ? rng.pick(BAD_IDS) : rng.pick(GOOD_IDS);
    if (malformed) kind = 'bad-id ';
  }
  const options: CallOptions = { method, params, path: fillRoute(route.route, params) };
  if (caller === 'admin') options.cookie = adminCookie;
  if (caller === 'garbage-cookie')
    options.cookie = `jkp_session=${encodeURIComponent(rng.pick([...INJECTIONS, 'x'.repeat(5000), '%%%']))}`;
  if (caller === 'garbage-bearer')
    options.bearer = rng.pick(['jkp_fake', 'x'.repeat(300), "'; drop table api_tokens;--"]);

  if (!isWrite(method) || rng.chance(0.3)) options.path += badQuery(rng);
  if (isWrite(method)) {
    const spec = badBody(rng);
    kind += spec.kind;
    if (spec.rawBody !== undefined) options.rawBody = spec.rawBody;
    else options.body = spec.body;
    // Sometimes the content type lies, too.
    if (rng.chance(0.1))
      options.headers = {
        'content-type': rng.pick([
          'text/plain',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
        ]),
      };
  } else {
    kind += 'bad-query';
  }
  return { route, method, handler, caller, options, kind };
}

function describeRequest(p: Planned): string {
  const raw = p.options.rawBody;
  const body =
    raw instanceof Uint8Array ? `bytes[${raw.length}]` : typeof raw === 'string' ? raw : JSON.stringify(p.options.body);
  return `${p.method} ${p.options.path?.slice(0, 160)} as ${p.caller} (${p.kind}) body=${String(body).slice(0, 160)}`;
}

describe('API fuzz: malformed input everywhere', () => {
  let routes: DiscoveredRoute[] = [];
  let adminCookie = '';

  beforeAll(async () => {
    await seedOnce();
    adminCookie = await loginAs('admin');
    routes = await discoverRoutes();
    // Reads may bring traffic lights up to date once a day (ensureLightsFresh); let them do that
    // before the baseline is taken.
    for (const route of routes) {
      if (!route.handlers.GET) continue;
      const params = Object.fromEntries(route.params.map((name) => [name, '1']));
      await call(route.handlers.GET, { cookie: adminCookie, params, path: fillRoute(route.route, params) });
    }
  }, 120_000);

  it('finds the endpoints', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => r.route)).toContain('/api/v1/leads/[id]');
  });

  it(`never answers a 5xx, always answers errors as JSON, accepts no write and changes nothing (seed ${SEED})`, async () => {
    const rng = prng(SEED);
    const targets = routes.flatMap((route) =>
      Object.entries(route.handlers).map(([method, handler]) => ({
        route,
        method: method as HttpMethod,
        handler: handler!,
      })),
    );
    const perTarget = Math.max(60, Math.ceil(TOTAL / targets.length));
    const failures: string[] = [];
    const started = performance.now();
    let sent = 0;
    const statuses: Record<number, number> = {};

    for (const target of targets) {
      for (let done = 0; done < perTarget; done += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, perTarget - done) }, () =>
          plan(rng, target.route, target.method, target.handler, adminCookie),
        );
        const before = dbChecksum();
        for (const p of batch) {
          sent++;
          let result;
          try {
            result = await call(p.handler, p.options);
          } catch (error) {
            failures.push(`threw ${String(error).slice(0, 200)}: ${describeRequest(p)}`);
            continue;
          }
          statuses[result.status] = (statuses[result.status] ?? 0) + 1;
          if (result.status >= 500) failures.push(`${result.status}: ${describeRequest(p)}`);
          const ok = result.status >= 200 && result.status < 300;
          if (!ok) {
            const error = (result.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
            if (typeof error?.code !== 'string' || typeof error?.message !== 'string')
              failures.push(`${result.status} without the JSON error body: ${describeRequest(p)}`);
            if (!(result.headers.get('content-type') ?? '').startsWith('application/json'))
              failures.push(`${result.status} not JSON: ${describeRequest(p)}`);
          }
          if (
            ok &&
            isWrite(p.method) &&
            !(p.caller !== 'admin' && NO_OP_WITHOUT_SESSION.includes(`${p.method} ${p.route.route}`))
          )
            failures.push(`write accepted (${result.status}): ${describeRequest(p)}`);
        }
        const changed = changedTables(before, dbChecksum());
        if (changed.length)
          failures.push(
            `database changed (${changed.join(', ')}) in the batch: ${batch.map(describeRequest).join(' | ').slice(0, 1500)}`,
          );
      }
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz] seed ${SEED}: ${sent} requests to ${targets.length} endpoint methods in ${seconds}s; statuses ${JSON.stringify(statuses)}`,
    );
    expect(sent).toBeGreaterThanOrEqual(2_000);
    expect(failures.slice(0, 30), `${failures.length} failures`).toEqual([]);
  }, 180_000);
});
