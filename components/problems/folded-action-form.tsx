import type { ReactNode } from 'react';
import { ActionForm, type ActionFormProps } from './action-form';

const SUMMARY_TONES = { brand: 'text-brand-700', emerald: 'text-emerald-700', amber: 'text-amber-800' } as const;

/**
 * One of a card's actions (上报, 销号, 重新打开, 回复, 办结, 退回): its ActionForm folded under a summary
 * line. The actions stand side by side in a row; a `standalone` one sits below the card's text.
 */
export function FoldedActionForm({
  summary,
  tone,
  standalone = false,
  open,
  ...form
}: Omit<ActionFormProps, 'className'> & {
  summary: ReactNode;
  tone: keyof typeof SUMMARY_TONES;
  standalone?: boolean;
  open?: boolean;
}) {
  return (
    <details
      className={
        standalone
          ? 'mt-3 rounded border border-slate-200 px-2 py-1'
          : 'rounded border border-slate-200 px-2 py-1 sm:min-w-64'
      }
      open={open}
    >
      <summary className={`cursor-pointer text-sm ${SUMMARY_TONES[tone]}`}>{summary}</summary>
      <ActionForm className="mt-2" {...form} />
    </details>
  );
}
