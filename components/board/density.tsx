'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { BOARD_DENSITIES, DENSITY_COOKIE, type BoardDensity } from './density-cookie';

// How much each board card shows: 标准 (everything) or 紧凑 (name, light, money and days on two
// lines). The choice lives in a cookie so the server page renders the chosen density at once.

const DENSITY_LABELS: Record<BoardDensity, string> = { standard: '标准', compact: '紧凑' };

const DensityContext = createContext<{ density: BoardDensity; setDensity: (d: BoardDensity) => void }>({
  density: 'standard',
  setDensity: () => {},
});

export const useBoardDensity = () => useContext(DensityContext).density;

export function BoardDensityProvider({ initial, children }: { initial: BoardDensity; children: ReactNode }) {
  const [density, setState] = useState(initial);
  function setDensity(next: BoardDensity) {
    setState(next);
    document.cookie = `${DENSITY_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }
  return <DensityContext.Provider value={{ density, setDensity }}>{children}</DensityContext.Provider>;
}

/** The 标准/紧凑 switch of the board toolbar: two toggle buttons, one pressed. */
export function DensitySwitch() {
  const { density, setDensity } = useContext(DensityContext);
  return (
    <div role="group" aria-label="卡片密度" className="inline-flex rounded-md border border-slate-300 bg-white text-sm">
      {BOARD_DENSITIES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={density === option}
          onClick={() => setDensity(option)}
          className={`px-3 py-1 first:rounded-l-md last:rounded-r-md ${
            density === option ? 'bg-brand-700 font-medium text-white' : 'text-slate-700 hover:bg-slate-50'
          }`}
        >
          {DENSITY_LABELS[option]}
        </button>
      ))}
    </div>
  );
}
