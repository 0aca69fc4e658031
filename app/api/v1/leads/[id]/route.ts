import { apiRoute, idParams } from '@/lib/auth/api';
import { getDb } from '@/db';
import { findLead, leadForViewer, toLeadDto, updateLead } from '@/domain/leads';
import { leadPatchSchema } from '@/lib/schemas/lead';

export const GET = apiRoute({ params: idParams }, ({ actor, params }) =>
  leadForViewer(actor, toLeadDto(findLead(getDb(), params.id))),
);

export const PATCH = apiRoute({ params: idParams, body: leadPatchSchema }, ({ actor, params, body }) =>
  updateLead(actor, params.id, body),
);
