import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { apiRouteSpec } from '@/lib/auth/api';
import { call, loginAs, seedOnce } from '../support/api';
import { discoverRoutes, HTTP_METHODS, type DiscoveredRoute } from '../support/routes';

// The document must name every route file's methods and every query key its schema accepts, and
// be a valid OpenAPI 3.1 document. Route files are found on disk, so a new endpoint without an
// entry in app/api/v1/openapi.json/operations.ts fails here.

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

// Every lib/schemas export, to resolve the schemas a handler parses its own query with.
const schemaModules = import.meta.glob<Record<string, unknown>>('../../lib/schemas/*.ts', { eager: true });
const namedSchemas = new Map<string, z.ZodType>(
  Object.values(schemaModules).flatMap((mod) =>
    Object.entries(mod).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType),
  ),
);

function acceptedKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const visit = (node: Record<string, unknown>) => {
    for (const key of Object.keys((node.properties ?? {}) as object)) keys.add(key);
    for (const branch of (node.anyOf ?? node.oneOf ?? []) as Record<string, unknown>[]) visit(branch);
  };
  visit(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>);
  return [...keys].sort();
}

/** The query keys a handler accepts: its apiRoute query schema, or the schemas it parses the query with. */
function queryKeysOf(route: DiscoveredRoute, method: string): string[] {
  const spec = apiRouteSpec(route.handlers[method as keyof DiscoveredRoute['handlers']]);
  if (spec?.query) return acceptedKeys(spec.query);
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '../..', route.file), 'utf8');
  if (!source.includes('searchParams')) return [];
  const parsed = [...source.matchAll(/parseOrThrow\((\w+)/g)]
    .map((match) => namedSchemas.get(match[1]))
    .filter((schema) => schema !== undefined);
  expect(parsed.length, `${route.file} reads the query itself; name its schema in lib/schemas`).toBeGreaterThan(0);
  return [...new Set(parsed.flatMap(acceptedKeys))].sort();
}

const openApiPath = (route: string) => route.replace(/^\/api\/v1/, '').replace(/\[([^\]]+)\]/g, '{$1}');

describe('GET /api/v1/openapi.json', () => {
  let routes: DiscoveredRoute[] = [];
  let document: Document;

  beforeAll(async () => {
    await seedOnce();
    routes = await discoverRoutes('app/api/v1');
    const result = await call(getOpenApi, { cookie: await loginAs('officer') });
    expect(result.status, 'the document failed to build: see the [unexpected] log line').toBe(200);
    document = result.body;
  });

  it('needs a signed-in caller', async () => {
    expect((await call(getOpenApi)).status).toBe(401);
  });

  it('names every route file and every method it exports, and nothing else', () => {
    expect(routes.length).toBeGreaterThan(40);
    const expected = routes
      .flatMap((route) => Object.keys(route.handlers).map((method) => `${method} ${openApiPath(route.route)}`))
      .sort();
    const documented = Object.entries(document.paths).flatMap(([pathName, item]) =>
      Object.keys(item)
        .filter((key) => (HTTP_METHODS as readonly string[]).includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${pathName}`),
    );
    expect(documented.sort()).toEqual(expected);
  });

  it('names every query key each handler accepts, and every path parameter', () => {
    const missing: string[] = [];
    for (const route of routes) {
      for (const method of Object.keys(route.handlers)) {
        const operation = document.paths[openApiPath(route.route)]?.[method.toLowerCase()];
        if (!operation) continue; // reported by the test above
        const documented = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const key of queryKeysOf(route, method))
          if (!documented.includes(key)) missing.push(`${method} ${route.route} ?${key}`);
        const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        for (const name of route.params)
          if (!pathParams.includes(name)) missing.push(`${method} ${route.route} {${name}}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the body of every handler that declares one, and the shared error body', () => {
    for (const route of routes) {
      for (const [method, handler] of Object.entries(route.handlers)) {
        const operation = document.paths[openApiPath(route.route)]?.[method.toLowerCase()];
        if (!operation) continue; // reported above
        if (apiRouteSpec(handler)?.body) expect(operation.requestBody, `${method} ${route.route}`).toBeDefined();
        if (apiRouteSpec(handler))
          expect(operation.responses['401'], `${method} ${route.route}`).toEqual({
            $ref: '#/components/responses/Error401',
          });
      }
    }
    expect(JSON.stringify(document)).toContain('"required":["code","message"]');
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    // The validator is live: the same document with one response spoiled is refused.
    const spoiled = structuredClone(document);
    spoiled.paths['/me'].get.responses['200'] = { content: {} };
    await expect(SwaggerParser.validate(spoiled as never)).rejects.toThrow(/description/);
  });
});
