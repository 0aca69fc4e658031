import { pingDatabase } from '@/db';
import { alertIndexBuilds } from '@/domain/alerts';
import { json, publicRoute } from '@/lib/auth/api';

export const dynamic = 'force-dynamic';

export const GET = publicRoute(() => {
  pingDatabase();
  // The benchmark checks that no request rebuilt the alert index (JKP_BENCH=1 only).
  if (process.env.JKP_BENCH === '1') return json({ ok: true, pid: process.pid, alertIndexBuilds: alertIndexBuilds() });
  return json({ ok: true });
});
