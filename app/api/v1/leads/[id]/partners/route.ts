import { apiRoute, idParams, json } from '@/lib/auth/api';
import { getDb } from '@/db';
import { findLead } from '@/domain/leads';
import { listPartners, requestPartner } from '@/domain/lead-partners';
import { partnerRequestSchema } from '@/lib/schemas/lead-partner';

/** A lead's 协同 requests (pending, accepted, declined), oldest first. */
export const GET = apiRoute({ params: idParams }, ({ params }) => {
  const db = getDb();
  findLead(db, params.id);
  return { items: listPartners(db, params.id) };
});

/** 申请协同: an investment user of another team asks to join the lead; the owner is notified. */
export const POST = apiRoute({ params: idParams, body: partnerRequestSchema }, ({ actor, params, body }) =>
  json(requestPartner(actor, params.id, body), 201),
);
