import { Tag } from '@/components/ui/badges';

/** One row of a reference list (unit, industry): summary, an inline editor, and the status action. */
export function ReferenceRow({ title, meta, active, editor, toggle }: { title: string; meta?: React.ReactNode; active: boolean; editor: React.ReactNode; toggle: React.ReactNode }) {
  return (
    <li className={`rounded-lg border border-slate-200 p-3 shadow-sm ${active ? 'bg-white' : 'bg-slate-50'}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className={`font-medium ${active ? '' : 'text-slate-500'}`}>{title}</span>
        {meta}
        {active ? <Tag tone="emerald">启用</Tag> : <Tag tone="slate">已停用</Tag>}
        <span className="ml-auto">{toggle}</span>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-700 hover:underline">修改「{title}」</summary>
        <div className="mt-2 border-t border-slate-100 pt-3">{editor}</div>
      </details>
    </li>
  );
}
