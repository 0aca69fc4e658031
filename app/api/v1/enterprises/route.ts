import { apiRoute, json } from '@/lib/auth/api';
import { createEnterprise, listEnterprises } from '@/domain/enterprise-registry';
import { enterpriseCreateSchema, enterpriseListQuery } from '@/lib/schemas/enterprise';

/** 企业库, searched by name or credit code (`q`), with each enterprise's lead and project counts. */
export const GET = apiRoute({ query: enterpriseListQuery }, ({ actor, query }) => listEnterprises(actor, query));

export const POST = apiRoute({ roles: ['admin', 'investment'], body: enterpriseCreateSchema }, ({ actor, body }) =>
  json(createEnterprise(actor, body), 201),
);
