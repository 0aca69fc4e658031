import { Card } from '@/components/ui/page';
import { lightHistory } from '@/domain/light-history';
import { LIGHT_HISTORY_DEFAULT_DAYS, lightHistoryQuerySchema } from '@/lib/schemas/light-history';
import { LightTrend } from './light-trend';

/** The dashboard's red/yellow trend: the city's counts of the last 90 days of light snapshots (GET /api/v1/lights/history). */
export function LightTrendCard() {
  const rows = lightHistory(lightHistoryQuerySchema.parse({}));
  return (
    <Card className="mt-4 break-inside-avoid" title={`红灯、黄灯项目数趋势（近 ${LIGHT_HISTORY_DEFAULT_DAYS} 天）`}>
      <LightTrend rows={rows} />
    </Card>
  );
}
