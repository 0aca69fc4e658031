'use client';

import Link from 'next/link';
import { useEffect, useSyncExternalStore } from 'react';

// The project page's back link returns to the board or ledger the user came from, with its filters.
// While the ledger or the board is open, a click on a link to a project notes the list's URL and
// that project; the project page's back link uses the note only for that same project, so a
// project reached any other way still goes back to 项目库.

const KEY = 'jkp:project-list';
const PROJECT_LINK = /^\/projects\/(\d+)(?:[/?#]|$)/;

interface Note {
  list: string;
  projectId: number;
}

/** On the ledger and the board: notes the list's URL when a project link is followed from it. */
export function RememberList() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor) return;
      const url = new URL((anchor as HTMLAnchorElement).href, window.location.href);
      const match = url.origin === window.location.origin ? PROJECT_LINK.exec(url.pathname) : null;
      if (!match) return;
      const note: Note = { list: window.location.pathname + window.location.search, projectId: Number(match[1]) };
      try {
        window.sessionStorage.setItem(KEY, JSON.stringify(note));
      } catch {
        // Storage unavailable (private mode): the back link falls back to 项目库.
      }
    };
    document.addEventListener('click', onClick, true);
    // Tells tests (as data-board-ready does for the board) that clicks are noted from now on.
    document.documentElement.dataset.listNoted = 'ready';
    return () => {
      document.removeEventListener('click', onClick, true);
      delete document.documentElement.dataset.listNoted;
    };
  }, []);
  return null;
}

function readNote(raw: string | null, projectId: number): Note | null {
  try {
    const note = JSON.parse(raw ?? 'null') as Note | null;
    if (!note || note.projectId !== projectId || typeof note.list !== 'string') return null;
    // Only our own list pages, never an arbitrary URL.
    return /^\/(projects|board)(\?|$)/.test(note.list) ? note : null;
  } catch {
    return null;
  }
}

const noSubscription = () => () => {};
function storedNote(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** ← 项目库 or ← 项目看板, with the filters the user had. */
export function BackToList({ projectId }: { projectId: number }) {
  // The server renders the plain 项目库 link; the browser swaps in the noted list after hydration.
  const raw = useSyncExternalStore(noSubscription, storedNote, () => null);
  const note = readNote(raw, projectId);
  const board = note?.list.startsWith('/board') ?? false;
  const filtered = note?.list.includes('?') ?? false;
  return (
    <Link href={note?.list ?? '/projects'} className="text-brand-700 hover:underline" data-testid="back-to-list">
      ← {board ? '项目看板' : '项目库'}
      {filtered ? <span className="text-slate-500">（筛选结果）</span> : null}
    </Link>
  );
}
