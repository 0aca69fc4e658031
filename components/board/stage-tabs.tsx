'use client';

import { useRef, type KeyboardEvent } from 'react';

// The phone's stage switcher: one stage of the board at a time, chosen from tabs that show each
// stage's count. Arrow keys, Home and End move between the tabs (selection follows focus).

export interface StageTab {
  key: string;
  label: string;
  count: number;
}

export const stageTabId = (prefix: string, stage: string) => `${prefix}-tab-${stage}`;

export function StageTabs({
  tabs,
  active,
  onSelect,
  panelId,
  idPrefix,
}: {
  tabs: StageTab[];
  active: string;
  onSelect: (stage: string) => void;
  panelId: string;
  idPrefix: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = tabs.findIndex((tab) => tab.key === active);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const stage = tabs[next].key;
    onSelect(stage);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(stageTabId(idPrefix, stage))}`)?.focus();
  }

  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label="看板阶段"
      className="mb-2 grid grid-cols-3 gap-1 rounded-lg border border-slate-200 bg-white p-1 sm:hidden"
      data-testid="stage-tabs"
    >
      {tabs.map((tab) => {
        const selected = tab.key === active;
        return (
          <button
            key={tab.key}
            id={stageTabId(idPrefix, tab.key)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={onKeyDown}
            className={`flex items-center justify-center gap-1 rounded-md px-1 py-2 text-sm whitespace-nowrap ${
              selected ? 'bg-brand-600 font-semibold text-white' : 'text-slate-700 hover:bg-slate-100'
            }`}
          >
            {tab.label}
            <span
              className={`rounded-full px-1.5 text-xs tabular-nums ${selected ? 'bg-white/20' : 'bg-slate-100 text-slate-700'}`}
            >
              {tab.count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
