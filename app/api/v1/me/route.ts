import { apiRoute } from '@/lib/auth/api';
import { toUserDto } from '@/lib/auth/user-dto';

export const GET = apiRoute({}, ({ actor }) => ({ user: toUserDto(actor) }));
