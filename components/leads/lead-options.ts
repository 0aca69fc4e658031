import 'server-only';
import { listIndustries, listUnits } from '@/db/queries/reference';
import { listCampaignOptions, listChannels, listInvestmentTeams, listLeadOwners } from '@/db/queries/leads';
import type { LeadFormOptions } from './lead-form';

/** The pickers of the lead forms and filters. */
export function loadLeadFormOptions(): LeadFormOptions {
  return {
    industries: listIndustries(),
    units: listUnits(),
    campaigns: listCampaignOptions(),
    owners: listLeadOwners(),
    teams: listInvestmentTeams(),
    channels: listChannels(),
  };
}
