import { getMapData } from '@/domain/map';
import { apiRoute } from '@/lib/auth/api';
import { mapQuerySchema } from '@/lib/schemas/map';

// 项目一张图 (API.md "Map"): readable by every signed-in role, like the ledger it drills into.
export const GET = apiRoute({ query: mapQuerySchema }, ({ query: { metric, ...filters } }) =>
  getMapData({ metric, filters }),
);
