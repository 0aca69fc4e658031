import { pingDatabase } from '@/db';
import { json, publicRoute } from '@/lib/auth/api';

export const dynamic = 'force-dynamic';

export const GET = publicRoute(() => {
  pingDatabase();
  return json({ ok: true });
});
