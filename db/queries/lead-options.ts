import 'server-only';
import { listIndustries, listUnits } from './reference';
import { listCampaignOptions, listChannels, listInvestmentTeams, listLeadOwners } from './leads';

/** The pickers of the lead forms and filters (components/leads/lead-form.tsx `LeadFormOptions`). */
export function loadLeadFormOptions() {
  return {
    industries: listIndustries(),
    units: listUnits(),
    campaigns: listCampaignOptions(),
    owners: listLeadOwners(),
    teams: listInvestmentTeams(),
    channels: listChannels(),
  };
}
