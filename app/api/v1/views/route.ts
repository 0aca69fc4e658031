import { apiRoute, json } from '@/lib/auth/api';
import { createView, listViews } from '@/domain/views';
import { viewCreateSchema, viewListQuery } from '@/lib/schemas/views';

/** The caller's saved views and everyone's shared ones, optionally of one page. */
export const GET = apiRoute({ query: viewListQuery }, ({ actor, query }) => listViews(actor, query.page));

/** Saves the caller's view; only leaders and admins may set `shared`. */
export const POST = apiRoute({ body: viewCreateSchema }, ({ actor, body }) => json(createView(actor, body), 201));
