import { apiRoute, idParams } from '@/lib/auth/api';
import { updateApprovalItem } from '@/domain/approvals';
import { approvalPatchSchema } from '@/lib/schemas/project-lists';

export const PATCH = apiRoute({ params: idParams, body: approvalPatchSchema }, ({ actor, params, body }) =>
  updateApprovalItem(actor, params.id, body),
);
