import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { BoardDensityProvider, DensitySwitch } from './density';
import { DENSITY_COOKIE, parseDensity } from './density-cookie';

/** Wraps a board with the user's remembered card density and the 标准/紧凑 switch above it. */
export async function DensityBoard({ children }: { children: ReactNode }) {
  const density = parseDensity((await cookies()).get(DENSITY_COOKIE)?.value);
  return (
    <BoardDensityProvider initial={density}>
      <div className="mb-2 flex items-center justify-end gap-2 text-sm text-slate-600">
        <span aria-hidden="true">卡片</span>
        <DensitySwitch />
      </div>
      {children}
    </BoardDensityProvider>
  );
}
