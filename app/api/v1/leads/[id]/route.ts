import { apiRoute, idParams } from '@/lib/auth/api';
import { getDb } from '@/db';
import { findLead, leadForViewer, toLeadDto, updateLead } from '@/domain/leads';
import { acceptedPartnerTeams } from '@/domain/lead-partners';
import { leadPatchSchema } from '@/lib/schemas/lead';

export const GET = apiRoute({ params: idParams }, ({ actor, params }) => {
  const db = getDb();
  const lead = toLeadDto(findLead(db, params.id));
  return leadForViewer(actor, lead, acceptedPartnerTeams(db, lead.id));
});

export const PATCH = apiRoute({ params: idParams, body: leadPatchSchema }, ({ actor, params, body }) =>
  updateLead(actor, params.id, body),
);
