'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

// Layout helpers of the board: the phone breakpoint, the sticky offset below the app header and
// the swimlanes a user collapsed.

/** Tailwind's `sm` breakpoint: below it the board shows one stage at a time. */
const PHONE_QUERY = '(max-width: 639.98px)';

function subscribePhone(callback: () => void) {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}

/**
 * Whether the viewport is phone-sized. Only for ARIA roles that must follow the layout: what is
 * shown is decided by CSS, so the server render and the first paint already match the screen.
 */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}

/** The height of the app's sticky header, so the board's column headers stick just below it. */
export function useStickyTop(): number | null {
  const [top, setTop] = useState<number | null>(null);
  useEffect(() => {
    const header = [...document.querySelectorAll('header')].find((el) => {
      const position = getComputedStyle(el).position;
      return position === 'sticky' || position === 'fixed';
    });
    if (!header) return;
    const measure = () => setTop(header.getBoundingClientRect().height);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return top;
}

/** Swimlanes the user collapsed, remembered per board in localStorage (by the lane's own query). */
export function useCollapsedLanes(storageKey: string) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]');
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
      if (Array.isArray(stored)) setCollapsed(new Set(stored.filter((v) => typeof v === 'string')));
    } catch {
      // A damaged entry only means every lane starts open.
    }
  }, [storageKey]);
  const toggle = useCallback(
    (lane: string) => {
      setCollapsed((current) => {
        const next = new Set(current);
        if (next.has(lane)) next.delete(lane);
        else next.add(lane);
        try {
          window.localStorage.setItem(storageKey, JSON.stringify([...next]));
        } catch {
          // Private mode: the choice holds until the page is left.
        }
        return next;
      });
    },
    [storageKey],
  );
  return { collapsed, toggle };
}
