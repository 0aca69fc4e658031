import { z } from 'zod';
import { apiRoute, idParams, json } from '@/lib/auth/api';
import { getDb } from '@/db';
import { listFollowups } from '@/db/queries/leads';
import { addFollowup, findLead, toFollowupDto } from '@/domain/leads';
import { followupSchema } from '@/lib/schemas/lead';
import { page, pageSize } from '@/lib/validation';

/** The follow-up log, oldest first, paged like every list. */
export const GET = apiRoute({ params: idParams, query: z.object({ page, pageSize }) }, ({ params, query }) => {
  findLead(getDb(), params.id);
  const { items, total } = listFollowups({ leadId: params.id, ...query });
  return { items: items.map(toFollowupDto), total, page: query.page, pageSize: query.pageSize };
});

/** Adds a follow-up; one with nextFollowUpDate moves the lead's date. Answers 201 with the follow-up and the lead. */
export const POST = apiRoute({ params: idParams, body: followupSchema }, ({ actor, params, body }) => {
  const { followup, lead } = addFollowup(actor, params.id, body);
  return json({ ...followup, lead }, 201);
});
