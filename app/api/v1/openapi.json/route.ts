import { apiRoute } from '@/lib/auth/api';
import { buildOpenApiDocument } from '@/lib/openapi/build';
import { openApiOperations, ROUTE_MODULES } from './operations';

// The API's OpenAPI 3.1 document, built from the handlers' own zod schemas (./operations.ts).
// Sign-in is required (any role): this is a government system, and the map of its write endpoints
// is no one's business but its users' and integrators'. Integrators hold an API token anyway, and
// fuzzers run with one.
let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = apiRoute({}, () => {
  // This module names itself here rather than being imported by ./operations.ts (no import loop).
  cached ??= buildOpenApiDocument(openApiOperations({ ...ROUTE_MODULES, '/openapi.json': { GET } }), {
    title: '吉林市重点项目管理平台 API',
    version: '1',
    description:
      '登录：POST /api/v1/session 取得会话 Cookie，或使用管理员创建的 API 令牌（Authorization: Bearer <token>）。所有非 2xx 应答都带统一错误体 { error: { code, message, fields? } }。',
  });
  return cached;
});
