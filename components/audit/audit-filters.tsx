import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { entityTypeLabel } from '@/lib/audit-format';
import type { AuditFilters } from '@/lib/schemas/audit';

/** A plain GET form: the filters live in the URL, so a filtered log can be shared as a link. */
export function AuditFilterForm({
  filters,
  users,
  entityTypes,
  exportHref,
}: {
  filters: Partial<AuditFilters>;
  users: Array<{ id: number; name: string }>;
  entityTypes: string[];
  exportHref: string;
}) {
  return (
    <form
      method="get"
      action="/admin/audit"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6"
      aria-label="筛选审计日志"
    >
      <SelectField
        name="userId"
        label="操作人"
        defaultValue={filters.userId ?? ''}
        placeholder="全部"
        options={users.map((user) => ({ value: user.id, label: user.name }))}
      />
      <SelectField
        name="entityType"
        label="记录类型"
        defaultValue={filters.entityType ?? ''}
        placeholder="全部"
        options={entityTypes.map((type) => ({ value: type, label: entityTypeLabel(type) }))}
      />
      <TextField name="entityId" label="记录编号" inputMode="numeric" defaultValue={filters.entityId ?? ''} />
      <TextField name="batchId" label="导入批次" inputMode="numeric" defaultValue={filters.batchId ?? ''} />
      <TextField name="from" label="起始日期" type="date" defaultValue={filters.from ?? ''} />
      <TextField name="to" label="截止日期" type="date" defaultValue={filters.to ?? ''} />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit">筛选</Button>
        <Link className={buttonClass('ghost')} href="/admin/audit">
          清除筛选
        </Link>
        <a className={buttonClass('secondary')} href={exportHref} download>
          导出 Excel
        </a>
      </div>
    </form>
  );
}
