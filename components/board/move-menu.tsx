'use client';

import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  cardName: string;
  targets: Array<{ stage: string; label: string; backward: boolean }>;
  onSelect: (stage: string) => void;
}

/** The keyboard way to move a card: a 移动到… button opening a menu of the stages it may go to. */
export function MoveMenu({ cardName, targets, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemsRef = useRef<Array<HTMLLIElement | null>>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) itemsRef.current[active]?.focus();
  }, [open, active]);

  if (targets.length === 0) return null;

  function close(refocus = true) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onMenuKey(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % targets.length);
    else if (event.key === 'ArrowUp') setActive((i) => (i - 1 + targets.length) % targets.length);
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(targets.length - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') close(false);
    else if (event.key === 'Enter' || event.key === ' ') {
      close();
      onSelect(targets[active].stage);
    } else return;
    event.preventDefault();
  }

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`移动到…（${cardName}）`}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(e.key === 'ArrowUp' ? targets.length - 1 : 0);
            setOpen(true);
          }
        }}
        className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
      >
        移动到…
      </button>
      {open ? (
        <ul
          id={menuId}
          role="menu"
          aria-label={`将“${cardName}”移动到`}
          onKeyDown={onMenuKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false);
          }}
          className="absolute right-0 z-20 mt-1 min-w-36 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {targets.map((target, index) => (
            <li
              key={target.stage}
              ref={(el) => {
                itemsRef.current[index] = el;
              }}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              onClick={() => {
                close();
                onSelect(target.stage);
              }}
              className="cursor-pointer px-3 py-1.5 hover:bg-slate-100 focus:bg-brand-50 focus:outline-none"
            >
              {target.label}
              {target.backward ? <span className="ml-1 text-xs text-slate-500">（退回）</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
