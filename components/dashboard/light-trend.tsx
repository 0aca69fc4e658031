'use client';

import { useRef } from 'react';
import Link from 'next/link';
import { trendSummary, type LightHistoryRow } from '@/lib/rules/light-history';
import { useEchart } from './use-echart';

// Red and yellow projects per day from the daily light snapshots: is red rising or falling? Drawn
// with the dashboard's tree-shaken echarts (./echarts-setup), as SVG so it prints sharp. Colour is
// not the only signal: red is a solid line with dots, yellow a dashed line with triangles, the
// legend names both, and a summary line and a data table say the same in text.

const RED = '#dc2626';
const YELLOW = '#d97706';

export function LightTrend({ rows }: { rows: LightHistoryRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const summary = trendSummary(rows);

  useEchart(
    ref,
    rows.length < 2
      ? null
      : (chart) => {
          const text = { color: '#0f172a', fontSize: 12 };
          chart.setOption({
            textStyle: text,
            tooltip: { trigger: 'axis' },
            legend: { top: 0, textStyle: text },
            grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
            xAxis: {
              type: 'category',
              boundaryGap: false,
              data: rows.map((row) => row.date.slice(5)),
              axisLabel: { ...text, hideOverlap: true },
            },
            yAxis: { type: 'value', name: '项目数（个）', minInterval: 1, nameTextStyle: text, axisLabel: text },
            series: [
              {
                name: '红灯',
                type: 'line',
                data: rows.map((row) => row.red),
                color: RED,
                symbol: 'circle',
                symbolSize: 5,
                lineStyle: { width: 2.5 },
              },
              {
                name: '黄灯',
                type: 'line',
                data: rows.map((row) => row.yellow),
                color: YELLOW,
                symbol: 'triangle',
                symbolSize: 6,
                lineStyle: { width: 2, type: 'dashed' },
              },
            ],
          });
        },
    [rows],
  );

  if (rows.length < 2) {
    const only = rows[0];
    return (
      <div
        className="rounded border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600"
        data-testid="light-trend-empty"
      >
        <p>暂无历史数据：每天首次访问时记录一次</p>
        {only ? (
          <p className="mt-1 text-xs text-slate-500">
            已记录 {only.date}：红灯 {only.red} 个，黄灯 {only.yellow} 个。
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div data-testid="light-trend">
      <p className="mb-2 text-sm text-slate-700" data-testid="light-trend-summary">
        {summary}{' '}
        <Link href="/projects?light=red" className="whitespace-nowrap text-brand-700 underline">
          查看当前红灯项目
        </Link>
      </p>
      <div
        ref={ref}
        role="img"
        aria-label={`红灯、黄灯项目数逐日趋势，${rows[0].date} 至 ${rows[rows.length - 1].date}。${summary}`}
        style={{ height: 280 }}
        className="w-full"
      />
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">查看逐日数据表</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">每日红灯、黄灯、绿灯和暂缓/终止项目数</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                {['日期', '红灯', '黄灯', '绿灯', '暂缓/终止'].map((header, i) => (
                  <th
                    key={header}
                    scope="col"
                    className={`border border-slate-200 px-2 py-1 font-semibold ${i ? 'text-right' : 'text-left'}`}
                  >
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...rows].reverse().map((row) => (
                <tr key={row.date}>
                  <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal tabular-nums">
                    {row.date}
                  </th>
                  {[row.red, row.yellow, row.green, row.grey].map((value, i) => (
                    <td key={i} className="border border-slate-200 px-2 py-1 text-right tabular-nums">
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
