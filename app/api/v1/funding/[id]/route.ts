import { apiRoute, idParams } from '@/lib/auth/api';
import { updateFunding } from '@/domain/funding';
import { fundingPatchSchema } from '@/lib/schemas/funding';

/** Changes a 上争 application (needs its version): admins and the project's own officers. */
export const PATCH = apiRoute({ params: idParams, body: fundingPatchSchema }, ({ actor, params, body }) =>
  updateFunding(actor, params.id, body),
);
