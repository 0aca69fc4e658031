import { z } from 'zod';
import { apiRoute } from '@/lib/auth/api';
import { listAlerts, toAlertDto } from '@/domain/alerts';
import { id } from '@/lib/validation';

// The caller's current alerts, as a plain array (API.md). `unitId` narrows them to one unit; it
// never widens what an officer may see.
const query = z.object({ unitId: id.optional() });

export const GET = apiRoute({ query }, ({ actor, query }) =>
  listAlerts({ actor, unitId: query.unitId }).map(toAlertDto),
);
