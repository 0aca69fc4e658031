import { apiRoute } from '@/lib/auth/api';
import { markRead } from '@/domain/notifications';
import { markReadSchema } from '@/lib/schemas/notifications';

export const POST = apiRoute({ body: markReadSchema }, ({ actor, body }) => markRead(actor, body));
