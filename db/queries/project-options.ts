import 'server-only';
import { chainLinkOptions } from './chains';
import { listIndustries, listUserOptions } from './reference';

/** The pickers the project form (components/projects/project-form.tsx) takes besides units, the same when creating and editing. */
export function loadProjectFormOptions(keepChainLinkId?: number | null) {
  return {
    industries: listIndustries(),
    chainLinks: chainLinkOptions([keepChainLinkId]),
    leaders: listUserOptions({ role: 'leader' }),
    officers: listUserOptions({ role: 'officer' }),
  };
}
