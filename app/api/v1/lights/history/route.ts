import { ensureLightsFresh } from '@/domain/light';
import { lightHistory } from '@/domain/light-history';
import { apiRoute } from '@/lib/auth/api';
import { lightHistoryQuerySchema } from '@/lib/schemas/light-history';

// Daily red/yellow/green/grey counts (API.md "Progress truth"): one row per day that has a snapshot.
// Every role may read every unit's counts, as every role reads the project ledger and the dashboard's
// city-wide figures; the counts reveal nothing a ledger filtered by unit and light does not.
export const GET = apiRoute({ query: lightHistoryQuerySchema }, ({ query }) => {
  // The first request of the day records today's snapshot, so today is in the answer.
  ensureLightsFresh();
  return lightHistory(query);
});
