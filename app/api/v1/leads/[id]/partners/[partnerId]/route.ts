import { z } from 'zod';
import { apiRoute, idParams } from '@/lib/auth/api';
import { decidePartner } from '@/domain/lead-partners';
import { partnerDecisionSchema } from '@/lib/schemas/lead-partner';

const params = idParams.extend({ partnerId: idParams.shape.id });

/** The lead's owner or an admin accepts or declines a 协同 request; the requester is notified. */
export const PATCH = apiRoute(
  { params: params as z.ZodType<{ id: number; partnerId: number }>, body: partnerDecisionSchema },
  ({ actor, params, body }) => decidePartner(actor, params.id, params.partnerId, body),
);
