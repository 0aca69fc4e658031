'use client';

import { useRef, useState, type ReactNode } from 'react';
import { Button, buttonClass } from '@/components/ui/button';

/**
 * 概况 for those who may edit it: the read view first (on a phone a 30-field form is not something to
 * scroll past), 编辑 opens the form. The form stays mounted while hidden, so 返回查看 loses nothing typed.
 */
export function OverviewEditToggle({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const readRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <div hidden={editing}>
        <div className="mb-3 flex justify-end">
          <button
            type="button"
            ref={readRef}
            className={buttonClass('secondary')}
            aria-controls="project-overview-form"
            aria-expanded={editing}
            onClick={() => {
              setEditing(true);
              requestAnimationFrame(() =>
                formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus(),
              );
            }}
          >
            编辑
          </button>
        </div>
        {summary}
      </div>
      <div id="project-overview-form" ref={formRef} hidden={!editing}>
        <div className="mb-3 flex justify-end">
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(false);
              requestAnimationFrame(() => readRef.current?.focus());
            }}
          >
            返回查看
          </Button>
        </div>
        {children}
      </div>
    </>
  );
}
