import { apiRoute } from '@/lib/auth/api';
import { deleteView } from '@/domain/views';
import { idParams } from '@/lib/auth/api';

/** Deletes a saved view: its owner, or an admin. */
export const DELETE = apiRoute({ params: idParams }, ({ actor, params }) => deleteView(actor, params.id));
