import { pingDatabase } from '@/db';
import { alertIndexBuilds } from '@/domain/alerts';
import { json, publicRoute } from '@/lib/auth/api';

export const dynamic = 'force-dynamic';

export const GET = publicRoute(() => {
  pingDatabase();
  // The benchmark checks that no request rebuilt the alert index (JKP_BENCH=1 only): builds at
  // start-up and after midnight are off the request path and not counted.
  if (process.env.JKP_BENCH === '1') {
    const { startup: _startup, midnight: _midnight, ...alertIndexRebuilds } = alertIndexBuilds();
    return json({ ok: true, pid: process.pid, alertIndexRebuilds });
  }
  return json({ ok: true });
});
