import { apiRoute, json } from '@/lib/auth/api';
import { createPackage, listPackages } from '@/domain/packages';
import { currentYear } from '@/domain/year-plans';
import { packageCreateSchema, packageListQuery } from '@/lib/schemas/package';

/** The year's 双十工程包 (this year when `year` is not given), each with its sub-project ids. */
export const GET = apiRoute({ query: packageListQuery }, ({ query }) => listPackages(query.year ?? currentYear()));

export const POST = apiRoute({ roles: ['admin', 'leader'], body: packageCreateSchema }, ({ actor, body }) =>
  json(createPackage(actor, body), 201),
);
