import 'server-only';
import { z } from 'zod';
import { apiRouteSpec } from '@/lib/auth/api';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';

// Builds the OpenAPI 3.1 document from the zod schemas the handlers were built with (apiRoute
// records them; see apiRouteSpec). Nothing here spells a field: parameters and bodies are zod 4's
// JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses), read on the input side because that
// is what a client sends. Success bodies have no zod schema (handlers return DTOs), so they are
// described in words rather than with invented fields.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type JsonSchema = Record<string, unknown>;

export interface OperationEntry {
  method: HttpMethod;
  /** OpenAPI path under /api/v1, e.g. `/projects/{id}`. */
  path: string;
  /** The exported route handler; its apiRoute roles and schemas are read from it. */
  handler?: unknown;
  summary: string;
  description?: string;
  tag: string;
  /** The success answer: status and what its body holds. */
  success: { status: 200 | 201 | 204; description: string; array?: boolean; binary?: boolean };
  /** Query schemas for handlers that parse the query themselves (alternatives are merged). */
  query?: z.ZodType[];
  /** A JSON body schema for handlers that parse the body themselves. */
  body?: z.ZodType;
  /** Raw uploads: the accepted content types and what the body is. */
  upload?: { types: string[]; description: string };
  /** No sign-in needed (sign-in and sign-out themselves). */
  public?: boolean;
  /** Error statuses beyond the ones derived from the handler's options. */
  errors?: number[];
}

const TO_JSON = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' } as const;

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, TO_JSON) as JsonSchema;
  return rest;
}

// The error body every non-2xx answer carries (AppError.toBody in lib/errors.ts).
const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().describe('给用户看的中文说明'),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('字段名 → 该字段的错误说明（输入校验失败时）'),
    }),
  })
  .describe('所有非 2xx 应答的统一错误体');

function codesFor(status: number): ErrorCode[] {
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((code) => ERROR_STATUS[code] === status);
}

interface Branch {
  properties: Record<string, JsonSchema>;
  required: string[];
}

function objectBranches(schema: JsonSchema): Branch[] {
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return alternatives.flatMap(objectBranches);
  return [
    {
      properties: (schema.properties ?? {}) as Record<string, JsonSchema>,
      required: (schema.required ?? []) as string[],
    },
  ];
}

// A union's alternatives merge key by key: a key's differing schemas become anyOf, and it is
// required only when every alternative requires it.
function mergedProperties(schema: JsonSchema): Map<string, { schema: JsonSchema; required: boolean }> {
  const branches = objectBranches(schema);
  const merged = new Map<string, { schema: JsonSchema; required: boolean }>();
  for (const name of new Set(branches.flatMap((branch) => Object.keys(branch.properties)))) {
    const variants = [
      ...new Map(
        branches
          .filter((branch) => name in branch.properties)
          .map((branch) => [JSON.stringify(branch.properties[name]), branch.properties[name]]),
      ).values(),
    ];
    merged.set(name, {
      schema: variants.length === 1 ? variants[0] : { anyOf: variants },
      required: branches.every((branch) => branch.required.includes(name)),
    });
  }
  return merged;
}

/**
 * Query parameters from the schemas a handler parses its query with, in the order it applies
 * them: a key's first definition wins (the board reads `kind`, with its default, before the rest).
 */
export function queryParameters(schemas: z.ZodType[]) {
  const seen = new Map<string, { schema: JsonSchema; required: boolean }>();
  for (const schema of schemas)
    for (const [name, param] of mergedProperties(jsonSchemaOf(schema))) if (!seen.has(name)) seen.set(name, param);
  return [...seen].map(([name, { schema, required }]) => ({ name, in: 'query', required, schema }));
}

function pathParameters(path: string, params: z.ZodType | undefined) {
  const declared = params ? objectBranches(jsonSchemaOf(params))[0].properties : {};
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: declared[name] ?? { type: 'string' },
  }));
}

function errorStatuses(entry: OperationEntry, hasQuery: boolean, hasBody: boolean): number[] {
  const write = entry.method !== 'GET';
  const statuses = new Set<number>(entry.errors);
  if (hasQuery || hasBody || entry.upload) statuses.add(400);
  if (!entry.public) [401, 403, 503].forEach((status) => statuses.add(status));
  if (entry.path.includes('{')) statuses.add(404);
  if (write && hasBody) statuses.add(413);
  if (write && hasBody && !entry.public) statuses.add(409);
  if (entry.upload) [413, 415].forEach((status) => statuses.add(status));
  statuses.add(500);
  return [...statuses].sort();
}

function successResponse(success: OperationEntry['success']) {
  if (success.status === 204) return { description: success.description };
  if (success.binary)
    return {
      description: success.description,
      content: { 'image/*': { schema: { type: 'string', contentMediaType: 'image/*' } } },
    };
  const schema = success.array ? { type: 'array', items: { type: 'object' } } : { type: 'object' };
  return { description: success.description, content: { 'application/json': { schema } } };
}

function operationOf(entry: OperationEntry) {
  const spec = apiRouteSpec(entry.handler);
  const querySchemas = entry.query ?? (spec?.query ? [spec.query] : []);
  const body = entry.body ?? spec?.body;
  const parameters = [...pathParameters(entry.path, spec?.params), ...queryParameters(querySchemas)];
  const roles = spec?.roles;
  const who = entry.public
    ? '无需登录。'
    : roles
      ? `角色：${roles.join(', ')}。`
      : '任何已登录角色（数据范围按角色限定）。';
  const responses: Record<string, unknown> = { [entry.success.status]: successResponse(entry.success) };
  for (const status of errorStatuses(entry, querySchemas.length > 0, body !== undefined))
    responses[status] = { $ref: `#/components/responses/Error${status}` };
  return {
    operationId: `${entry.method.toLowerCase()}${entry.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, next?: string) => (next ?? '').toUpperCase())}`,
    summary: entry.summary,
    description: [who, entry.description].filter(Boolean).join('\n\n'),
    tags: [entry.tag],
    ...(roles ? { 'x-roles': [...roles] } : {}),
    ...(entry.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(body) } } } }
      : {}),
    ...(entry.upload
      ? {
          requestBody: {
            required: true,
            description: entry.upload.description,
            content: Object.fromEntries(entry.upload.types.map((type) => [type, {}])),
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(
  entries: OperationEntry[],
  info: { title: string; version: string; description: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of entries) (paths[entry.path] ??= {})[entry.method.toLowerCase()] = operationOf(entry);
  const statuses = [...new Set(Object.values(ERROR_STATUS))].sort();
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/api/v1' }],
    security: [{ session: [] }, { bearer: [] }],
    tags: [...new Set(entries.map((entry) => entry.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'POST /api/v1/session 登录后设置的会话 Cookie；跨站的 Cookie 写请求被拒绝（403）。',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: '管理员在 /api/v1/admin/tokens 创建的 API 令牌：`Authorization: Bearer <token>`。',
        },
      },
      schemas: { Error: jsonSchemaOf(errorBodySchema) },
      responses: Object.fromEntries(
        statuses.map((status) => [
          `Error${status}`,
          {
            description: `错误码：${codesFor(status).join(', ')}`,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  };
}
