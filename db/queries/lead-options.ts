import 'server-only';
import { chainLinkOptions } from './chains';
import { listIndustries, listUnits } from './reference';
import { listCampaignOptions, listChannels, listInvestmentTeams, listLeadOwners } from './leads';

/** The pickers of the lead forms and filters (components/leads/lead-form.tsx `LeadFormOptions`). */
export function loadLeadFormOptions(keepChainLinkId?: number | null) {
  return {
    industries: listIndustries(),
    chainLinks: chainLinkOptions([keepChainLinkId]),
    units: listUnits(),
    campaigns: listCampaignOptions(),
    owners: listLeadOwners(),
    teams: listInvestmentTeams(),
    channels: listChannels(),
  };
}
