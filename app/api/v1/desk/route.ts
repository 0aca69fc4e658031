import { apiRoute } from '@/lib/auth/api';
import { getDesk } from '@/domain/desk';

// The caller's 工作台 (API.md "Desk, notifications, 调度会, saved views"): their own work, each line
// with the link to where it is done.
export const GET = apiRoute({}, ({ actor }) => getDesk(actor));
