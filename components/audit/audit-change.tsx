import { describeChanges, type AuditNames, type AuditRecord } from '@/lib/audit-format';

const COLLAPSE_OVER = 6;

/** Before → after of one audit entry; a new record's many fields fold away. */
export function AuditChange({ entry, names }: { entry: AuditRecord; names: AuditNames }) {
  const changes = describeChanges(entry, names);
  if (changes.length === 0) return <span className="text-slate-500">—</span>;
  const list = (
    <ul className="space-y-0.5">
      {changes.map((change) => (
        <li key={change.key} className="break-words">
          <span className="text-slate-600">{change.label}：</span>
          {change.before !== null ? (
            <>
              <del className="text-slate-500">{change.before}</del>
              <span aria-hidden="true"> → </span>
              <span className="sr-only">改为</span>
            </>
          ) : null}
          <span className="text-slate-900">{change.after}</span>
        </li>
      ))}
    </ul>
  );
  if (changes.length <= COLLAPSE_OVER) return list;
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">{changes.length} 个字段（展开）</summary>
      <div className="mt-1">{list}</div>
    </details>
  );
}
