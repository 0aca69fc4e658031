import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField, enumOptions } from '@/components/ui/field';
import { ROLE_LABELS, ROLES } from '@/lib/rules/enums';

/** A plain GET form: the filters live in the URL, so a filtered list can be shared. */
export function UserFilters({
  units,
  values,
}: {
  units: Array<{ value: number; label: string }>;
  values: { role: string; unitId: string; status: string; q: string };
}) {
  return (
    <form
      method="get"
      action="/admin/users"
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-3 lg:grid-cols-5"
      role="search"
      aria-label="筛选用户"
    >
      <TextField
        name="q"
        label="搜索"
        placeholder="用户名或姓名"
        defaultValue={values.q}
        wrapperClassName="col-span-2 sm:col-span-1"
      />
      <SelectField
        name="role"
        label="角色"
        placeholder="全部角色"
        defaultValue={values.role}
        options={enumOptions(ROLES, ROLE_LABELS)}
      />
      <SelectField name="unitId" label="单位" placeholder="全部单位" defaultValue={values.unitId} options={units} />
      <SelectField
        name="status"
        label="状态"
        placeholder="全部"
        defaultValue={values.status}
        options={[
          { value: 'active', label: '启用' },
          { value: 'inactive', label: '已停用' },
        ]}
      />
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass()}>
          筛选
        </button>
        <Link href="/admin/users" className={buttonClass('ghost')}>
          清除
        </Link>
      </div>
    </form>
  );
}
