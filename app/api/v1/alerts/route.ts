import { z } from 'zod';
import { apiRoute } from '@/lib/auth/api';
import { filterAlerts, listAlerts, toAlertDto } from '@/domain/alerts';
import { ALERT_KIND_LABELS, type AlertKind } from '@/lib/rules/alerts';
import { id } from '@/lib/validation';

// The caller's current alerts, as a plain array (API.md). `unitId` narrows them to one unit; it
// never widens what an officer may see. `kind` and `severity` narrow them to one kind or colour.
const ALERT_KINDS = Object.keys(ALERT_KIND_LABELS) as [AlertKind, ...AlertKind[]];
const query = z.object({
  unitId: id.optional(),
  kind: z.enum(ALERT_KINDS, { error: '预警类型无效' }).optional(),
  severity: z.enum(['red', 'yellow'], { error: '预警级别应为 red 或 yellow' }).optional(),
});

export const GET = apiRoute({ query }, ({ actor, query }) =>
  filterAlerts(listAlerts({ actor, unitId: query.unitId }), query).map(toAlertDto),
);
