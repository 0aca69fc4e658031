import type { Metadata } from 'next';
import { UnitForm } from '@/components/admin/reference-forms';
import { ReferenceAdminPage } from '@/components/admin/reference-list';
import { Tag } from '@/components/ui/badges';
import { listUnits } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { UNIT_KIND_LABELS } from '@/lib/rules/enums';
import { createUnitAction, setUnitActiveAction, updateUnitAction } from './actions';

export const metadata: Metadata = { title: '单位管理' };

export default async function UnitsPage() {
  await requireUser(['admin']);
  return (
    <ReferenceAdminPage
      noun="单位"
      listId="unit-list-title"
      className="max-w-4xl"
      description="县（市）区、开发区和市直部门。单位被项目和用户引用，不能删除；不再使用的单位可停用，停用后不再出现在选择列表中，历史记录保留。"
      items={listUnits({ includeInactive: true })}
      addForm={<UnitForm action={createUnitAction} idPrefix="new-unit" />}
      meta={(unit) => (
        <>
          <span className="font-mono text-sm text-slate-600">{unit.code}</span>
          <Tag tone="brand">{UNIT_KIND_LABELS[unit.kind]}</Tag>
        </>
      )}
      editor={(unit) => <UnitForm action={updateUnitAction} unit={unit} idPrefix={`unit-${unit.id}`} />}
      setActiveAction={setUnitActiveAction}
      deactivateMessage="停用后新建项目和用户时不能再选择该单位；已有项目和用户不受影响。确定停用吗？"
      activateMessage="启用后该单位重新出现在选择列表中。"
    />
  );
}
