import fs from 'node:fs';
import path from 'node:path';

// Finds every API route file, so the fuzz and permission tests cover endpoints added later
// without anyone remembering to list them.

export const HTTP_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
export const WRITE_METHODS = ['POST', 'PATCH', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteHandler = (
  request: Request,
  context?: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface DiscoveredRoute {
  /** e.g. app/api/v1/leads/[id]/route.ts */
  file: string;
  /** e.g. /api/v1/leads/[id] */
  route: string;
  /** Names of the dynamic segments, e.g. ['id']. */
  params: string[];
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function walk(dir: string, out: string[]) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name === 'route.ts') out.push(full);
  }
}

/** Route files under `base` (app/api unless told), relative to the repository root, sorted. */
export function routeFiles(base = 'app/api'): string[] {
  const out: string[] = [];
  walk(path.join(ROOT, base), out);
  return out.map((file) => path.relative(ROOT, file).split(path.sep).join('/')).sort();
}

export function routePathOf(file: string): string {
  // Route groups `(x)` are not part of the URL.
  const segments = file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .split('/')
    .filter((s) => !/^\(.*\)$/.test(s));
  return segments.join('/') || '/';
}

export async function discoverRoutes(base = 'app/api'): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const file of routeFiles(base)) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    const handlers: DiscoveredRoute['handlers'] = {};
    for (const method of HTTP_METHODS)
      if (typeof mod[method] === 'function') handlers[method] = mod[method] as RouteHandler;
    const route = routePathOf(file);
    routes.push({ file, route, params: [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]), handlers });
  }
  return routes;
}

/** Fills `[id]` segments with values, for the request URL. */
export function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => {
    try {
      return encodeURIComponent(params[name] ?? '');
    } catch {
      return '%ED%A0%80'; // a lone surrogate has no UTF-8 form; the handler still gets the raw param
    }
  });
}
