'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { ScreenData } from '@/domain/screen';
import { rotatePanel, SCREEN_PANEL_LABELS, SCREEN_PANELS, type ScreenPanel } from '@/lib/rules/screen';
import { FunnelChart, TrendChart } from './chart-panels';
import { RankingTable, RedList, TargetsStrip } from './list-panels';

// The 大屏 for the dispatch meeting room. Every panel is on screen at once; a leader may switch on
// rotation, which spotlights one panel at a time over the others. Keyboard only: R 轮播, 空格 暂停,
// ←/→ 上一个/下一个, M 地图指标 (./screen-map), F 全屏, Esc 退出轮播. The data reload in place every few minutes
// (router.refresh: the server renders new props, the charts update without being rebuilt).

export const SCREEN_REFRESH_MS = 3 * 60_000;
export const SCREEN_ROTATE_MS = 20_000;

function useRootRem(): number {
  const [rem, setRem] = useState(16);
  useEffect(() => {
    const measure = () => setRem(parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return rem;
}

/** The wall clock, in its own component so its tick re-renders nothing else. */
function Clock() {
  const [now, setNow] = useState<string>('');
  useEffect(() => {
    const tick = () => setNow(new Date().toLocaleTimeString('zh-CN', { hour12: false }));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p className="text-xl font-semibold text-cyan-300 tabular-nums" aria-label="当前时间">
      {now}
    </p>
  );
}

interface Props {
  data: ScreenData;
  renderedAt: string;
  /** The map panel's content (a client map over the server's figures). */
  map: ReactNode;
}

export function ScreenView({ data, renderedAt, map }: Props) {
  const router = useRouter();
  const rem = useRootRem();
  const [spotlight, setSpotlight] = useState<number | null>(null);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), SCREEN_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [router]);

  useEffect(() => {
    if (spotlight === null || paused) return;
    const timer = window.setTimeout(() => setSpotlight((index) => rotatePanel(index ?? 0, 1)), SCREEN_ROTATE_MS);
    return () => window.clearTimeout(timer);
  }, [spotlight, paused]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key;
      if (key === 'ArrowRight' || key === 'ArrowLeft') {
        const step = key === 'ArrowRight' ? 1 : -1;
        setSpotlight((index) =>
          index === null ? (step === 1 ? 0 : SCREEN_PANELS.length - 1) : rotatePanel(index, step),
        );
      } else if (key === ' ') {
        setSpotlight((index) => index ?? 0);
        setPaused((was) => (spotlight === null ? false : !was));
      } else if (key === 'r' || key === 'R') {
        setPaused(false);
        setSpotlight((index) => (index === null ? 0 : null));
      } else if (key === 'Escape') {
        setSpotlight(null);
        setPaused(false);
      } else if (key === 'f' || key === 'F') {
        toggleFullscreen();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [spotlight, toggleFullscreen]);

  const active: ScreenPanel | null = spotlight === null ? null : SCREEN_PANELS[spotlight];
  const status =
    active === null
      ? '全部面板'
      : `轮播${paused ? '已暂停' : '中'}：${SCREEN_PANEL_LABELS[active]}（${spotlight! + 1}/${SCREEN_PANELS.length}）`;

  const panel = (id: ScreenPanel, area: string, content: ReactNode, title: string = SCREEN_PANEL_LABELS[id]) => (
    <section
      key={id}
      aria-label={title}
      data-testid={`screen-panel-${id}`}
      data-spotlight={active === id ? 'true' : undefined}
      className={`flex min-h-0 min-w-0 flex-col rounded-lg border border-slate-700/80 bg-slate-900/90 p-3 ${area} ${
        active === id ? 'absolute inset-0 z-20 border-cyan-500 shadow-2xl' : ''
      } ${active !== null && active !== id ? 'opacity-30' : ''}`}
    >
      <h2 className="mb-1 shrink-0 border-l-4 border-cyan-400 pl-2 text-lg font-semibold text-cyan-100">{title}</h2>
      <div className="min-h-0 flex-1">{content}</div>
    </section>
  );

  return (
    <div data-screen className="flex h-dvh w-screen flex-col overflow-hidden bg-slate-950 p-3 text-slate-100">
      <header className="mb-2 flex shrink-0 items-center gap-4">
        <h1 className="text-2xl font-bold tracking-wide text-white">吉林市重点项目调度大屏</h1>
        <p className="text-sm text-slate-400">
          {data.year}年 · 数据截至 {data.day} · 更新于 {renderedAt}
        </p>
        <p className="ml-auto text-sm text-slate-300" aria-live="polite" data-testid="screen-status">
          {status}
        </p>
        <p className="text-sm text-slate-400">R 轮播 · 空格 暂停 · ←/→ 切换 · M 地图指标 · F 全屏 · Esc 退出轮播</p>
        <Clock />
      </header>
      <div className="relative grid min-h-0 flex-1 grid-cols-[1fr_1.55fr_1fr] grid-rows-[auto_1fr_1fr] gap-3">
        {panel(
          'targets',
          'col-span-3',
          <TargetsStrip targets={data.targets} year={data.year} />,
          `${data.year}年目标完成情况`,
        )}
        {panel('map', 'col-start-2 row-span-2 row-start-2', map)}
        {panel('funnel', 'col-start-1 row-start-2', <FunnelChart funnel={data.funnel} rem={rem} />)}
        {panel('ranking', 'col-start-1 row-start-3', <RankingTable rankings={data.rankings} />)}
        {panel('red', 'col-start-3 row-start-2', <RedList redList={data.redList} />)}
        {panel('trend', 'col-start-3 row-start-3', <TrendChart rows={data.trend} rem={rem} />)}
      </div>
    </div>
  );
}
