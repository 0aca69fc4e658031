import { apiRoute, json } from '@/lib/auth/api';
import { listLeads, sumLeads } from '@/db/queries/leads';
import { createLead, leadForViewer, toLeadDto } from '@/domain/leads';
import { getSetting } from '@/domain/settings';
import { partneredLeadIds } from '@/domain/lead-partners';
import { getDb } from '@/db';
import { today } from '@/lib/rules/dates';
import { leadCreateSchema } from '@/lib/schemas/lead';
import { leadListQuerySchema } from '@/lib/schemas/lead-query';

export const GET = apiRoute({ query: leadListQuerySchema }, ({ actor, query }) => {
  const { sort, dir, page, pageSize, ...filters } = query;
  const day = today();
  const usualDays = getSetting('leadStageUsualDays');
  const staleDays = getSetting('leadFollowupStaleDays');
  const partnered = partneredLeadIds(getDb(), actor.team);
  const items = listLeads({ filters, sort, dir, page, pageSize, day }).map((row) =>
    leadForViewer(
      actor,
      toLeadDto(row, day, usualDays, staleDays),
      partnered.has(row.id) && actor.team ? [actor.team] : [],
    ),
  );
  const { count, intendedInvestment } = sumLeads(filters, day);
  return { items, total: count, page, pageSize, intendedInvestment };
});

export const POST = apiRoute({ body: leadCreateSchema }, ({ actor, body }) => json(createLead(actor, body), 201));
