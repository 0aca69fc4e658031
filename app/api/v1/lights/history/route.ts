import { lightHistory } from '@/domain/fresh-light-reads';
import { apiRoute } from '@/lib/auth/api';
import { lightHistoryQuerySchema } from '@/lib/schemas/light-history';

// Daily red/yellow/green/grey counts (API.md "Progress truth"): one row per day that has a snapshot.
// Every role may read every unit's counts, as every role reads the project ledger and the dashboard's
// city-wide figures; the counts reveal nothing a ledger filtered by unit and light does not.
export const GET = apiRoute({ query: lightHistoryQuerySchema }, ({ query }) => {
  return lightHistory(query);
});
