'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

// Layout helpers of the board: the sticky offset below the app header and the swimlanes a user
// opened or closed. Neither re-renders the board after hydration: the offset is a CSS variable,
// and lane choices are read only when the board has swimlanes.

/**
 * Keeps `--app-header-h` on the document equal to the height of the app's sticky header, so the
 * board's column headers (`top: var(--app-header-h)`) stick just below it. A style write, not state.
 */
export function useAppHeaderHeightVar() {
  useEffect(() => {
    const header = [...document.querySelectorAll('header')].find((el) => {
      const position = getComputedStyle(el).position;
      return position === 'sticky' || position === 'fixed';
    });
    if (!header) return;
    const root = document.documentElement;
    const measure = () => root.style.setProperty('--app-header-h', `${header.getBoundingClientRect().height}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
}

type LaneChoices = ReadonlyMap<string, boolean>;
const NO_CHOICES: LaneChoices = new Map();

function readChoices(storageKey: string): LaneChoices {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]');
    // Before lanes could start closed, the entry was the list of lanes the user closed.
    if (Array.isArray(stored)) return new Map(stored.filter((v) => typeof v === 'string').map((v) => [v, false]));
    if (stored && typeof stored === 'object')
      return new Map(
        Object.entries(stored).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
      );
  } catch {
    // A damaged entry only means every lane starts as the board sends it.
  }
  return NO_CHOICES;
}

/**
 * Swimlanes the user opened or closed, remembered per board in localStorage (by the lane's own
 * query). Without swimlanes nothing is read, so the plain board never re-renders for it.
 */
export function useLaneChoices(storageKey: string, enabled: boolean) {
  const [choices, setChoices] = useState<LaneChoices>(NO_CHOICES);
  useEffect(() => {
    if (!enabled) return;
    const stored = readChoices(storageKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
    if (stored.size > 0) setChoices(stored);
  }, [storageKey, enabled]);
  const choose = useCallback(
    (lane: string, open: boolean) => {
      setChoices((current) => {
        const next = new Map(current);
        next.set(lane, open);
        try {
          window.localStorage.setItem(storageKey, JSON.stringify(Object.fromEntries(next)));
        } catch {
          // Private mode: the choice holds until the page is left.
        }
        return next;
      });
    },
    [storageKey],
  );
  return { choices, choose };
}

/** Keeps a ref pointing at the latest value, for stable callbacks that call the newest closure. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
