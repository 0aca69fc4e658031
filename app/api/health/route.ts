import { getSqlite } from '@/db';
import { json, publicRoute } from '@/lib/auth/api';

export const dynamic = 'force-dynamic';

export const GET = publicRoute(() => {
  getSqlite().prepare('select 1').get();
  return json({ ok: true });
});
