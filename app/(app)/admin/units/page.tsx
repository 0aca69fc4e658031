import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { UnitForm } from '@/components/admin/reference-forms';
import { ReferenceRow } from '@/components/admin/reference-row';
import { Tag } from '@/components/ui/badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { listUnits } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { UNIT_KIND_LABELS } from '@/lib/rules/enums';
import { createUnitAction, setUnitActiveAction, updateUnitAction } from './actions';

export const metadata: Metadata = { title: '单位管理' };

export default async function UnitsPage() {
  await requireUser(['admin']);
  const units = listUnits({ includeInactive: true });
  return (
    <div className="max-w-4xl space-y-4">
      <AdminBreadcrumb current="单位管理" />
      <PageHeader title="单位管理" description="县（市）区、开发区和市直部门。单位被项目和用户引用，不能删除；不再使用的单位可停用，停用后不再出现在选择列表中，历史记录保留。" />
      <Card title="添加单位">
        <UnitForm action={createUnitAction} idPrefix="new-unit" />
      </Card>
      <section aria-labelledby="unit-list-title" className="space-y-2">
        <h2 id="unit-list-title" className="text-base font-semibold">
          全部单位（{units.length}）
        </h2>
        {units.length === 0 ? (
          <EmptyState title="还没有单位">在上方添加第一个单位。</EmptyState>
        ) : (
          <ul className="space-y-2">
            {units.map((unit) => (
              <ReferenceRow
                key={unit.id}
                title={unit.name}
                active={unit.active}
                meta={
                  <>
                    <span className="font-mono text-sm text-slate-600">{unit.code}</span>
                    <Tag tone="brand">{UNIT_KIND_LABELS[unit.kind]}</Tag>
                  </>
                }
                editor={<UnitForm action={updateUnitAction} unit={unit} idPrefix={`unit-${unit.id}`} />}
                toggle={
                  <ConfirmAction
                    action={setUnitActiveAction}
                    fields={{ id: unit.id, version: unit.version, active: !unit.active }}
                    label={unit.active ? '停用' : '启用'}
                    title={unit.active ? `停用单位「${unit.name}」` : `启用单位「${unit.name}」`}
                    message={unit.active ? '停用后新建项目和用户时不能再选择该单位；已有项目和用户不受影响。确定停用吗？' : '启用后该单位重新出现在选择列表中。'}
                    confirmLabel={unit.active ? '确认停用' : '确认启用'}
                    variant={unit.active ? 'danger' : 'primary'}
                  />
                }
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
