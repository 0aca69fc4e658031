import type { Metadata } from 'next';
import { ScreenMap } from '@/components/screen/screen-map';
import { ScreenView } from '@/components/screen/screen-view';
import { getMapData } from '@/domain/map';
import { loadScreen } from '@/domain/screen';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { SCREEN_ROLES } from '@/lib/rules/screen';

export const metadata: Metadata = { title: '调度大屏' };

// Outside the (app) shell on purpose: the meeting-room display has no navigation, only the panels.
export default async function ScreenPage() {
  // Others are sent back to their 工作台, like any page their role may not open.
  await requireUser(SCREEN_ROLES);
  const day = today();
  const year = Number(day.slice(0, 4));
  const data = loadScreen({ year, day });
  const map = getMapData({ metric: 'count', filters: {} });
  const renderedAt = new Date().toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  return <ScreenView data={data} renderedAt={renderedAt} map={<ScreenMap data={map} />} />;
}
