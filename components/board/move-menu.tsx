'use client';

import { useEffect, useId, useRef, useState } from 'react';

interface Target {
  stage: string;
  label: string;
  backward: boolean;
}

interface Props {
  cardName: string;
  targets: Target[];
  onSelect: (stage: string) => void;
}

/**
 * The keyboard way to move a card: a 移动到… button opening a menu of the stages it may go to.
 * Every card has one, so until it is first opened it is a plain button with one piece of state;
 * the menu (its focus handling and keys) mounts on first use.
 */
export function MoveMenu({ cardName, targets, onSelect }: Props) {
  // null: closed; otherwise the menu item that takes focus when the menu opens.
  const [openAt, setOpenAt] = useState<number | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = `${useId()}-menu`;

  if (targets.length === 0) return null;
  const open = openAt !== null;

  function close(refocus = true) {
    setOpenAt(null);
    if (refocus) buttonRef.current?.focus();
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
        onClick={() => setOpenAt((at) => (at === null ? 0 : null))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpenAt(e.key === 'ArrowUp' ? targets.length - 1 : 0);
          }
        }}
        className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
      >
        移动到…
      </button>
      {open ? (
        <MoveMenuList
          key={openAt}
          id={menuId}
          cardName={cardName}
          targets={targets}
          initial={openAt}
          onClose={close}
          onSelect={onSelect}
        />
      ) : null}
    </div>
  );
}

function MoveMenuList({
  id,
  cardName,
  targets,
  initial,
  onClose,
  onSelect,
}: {
  id: string;
  cardName: string;
  targets: Target[];
  initial: number;
  onClose: (refocus?: boolean) => void;
  onSelect: (stage: string) => void;
}) {
  const [active, setActive] = useState(initial);
  const itemsRef = useRef<Array<HTMLLIElement | null>>([]);

  useEffect(() => {
    itemsRef.current[active]?.focus();
  }, [active]);

  function onMenuKey(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % targets.length);
    else if (event.key === 'ArrowUp') setActive((i) => (i - 1 + targets.length) % targets.length);
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(targets.length - 1);
    else if (event.key === 'Escape') onClose();
    else if (event.key === 'Tab') onClose(false);
    else if (event.key === 'Enter' || event.key === ' ') {
      onClose();
      onSelect(targets[active].stage);
    } else return;
    event.preventDefault();
  }

  return (
    <ul
      id={id}
      role="menu"
      aria-label={`将“${cardName}”移动到`}
      onKeyDown={onMenuKey}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) onClose(false);
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
            onClose();
            onSelect(target.stage);
          }}
          className="cursor-pointer px-3 py-1.5 hover:bg-slate-100 focus:bg-brand-50 focus:outline-none"
        >
          {target.label}
          {target.backward ? <span className="ml-1 text-xs text-slate-500">（退回）</span> : null}
        </li>
      ))}
    </ul>
  );
}
