import 'server-only';
import { listIndustries, listUserOptions } from './reference';

/** The pickers the project form (components/projects/project-form.tsx) takes besides units, the same when creating and editing. */
export function loadProjectFormOptions() {
  return {
    industries: listIndustries(),
    leaders: listUserOptions({ role: 'leader' }),
    officers: listUserOptions({ role: 'officer' }),
  };
}
