import type { Actor } from '@/lib/rules/permissions';

// 快捷筛选: one-click chips on the board and the ledger. Each chip is nothing but a ledger filter
// (lib/schemas/filters.ts) with a value, so a chip's total is the filtered list's total by construction.

export interface QuickFilter {
  key: 'red' | 'yellow' | 'mine' | 'unit' | 'leader' | 'overridden';
  label: string;
  /** The ledger/board filter the chip sets. */
  param: 'light' | 'ownerId' | 'unitId' | 'leaderId' | 'overridden';
  value: string;
  title: string;
}

/** The chips the user can use: 我的 for officers (责任人), 本单位 with a unit, 我包保的 for leaders. */
export function quickFilters(user: Actor): QuickFilter[] {
  const chips: QuickFilter[] = [
    { key: 'red', label: '红灯', param: 'light', value: 'red', title: '只看红灯项目' },
    { key: 'yellow', label: '黄灯', param: 'light', value: 'yellow', title: '只看黄灯项目' },
  ];
  if (user.role === 'officer')
    chips.push({ key: 'mine', label: '我的', param: 'ownerId', value: String(user.id), title: '我任责任人的项目' });
  if (user.unitId != null)
    chips.push({
      key: 'unit',
      label: '本单位',
      param: 'unitId',
      value: String(user.unitId),
      title: '本单位负责的项目',
    });
  if (user.role === 'leader')
    chips.push({ key: 'leader', label: '我包保的', param: 'leaderId', value: String(user.id), title: '我包保的项目' });
  chips.push({
    key: 'overridden',
    label: '未批先建',
    param: 'overridden',
    value: '1',
    title: '已进入开工建设、前期手续仍有事项未办结的项目',
  });
  return chips;
}

/** Whether a chip is on in the current URL parameters. */
export function quickFilterActive(chip: QuickFilter, params: Record<string, string | string[] | undefined>): boolean {
  const raw = params[chip.param];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (chip.param === 'overridden') return value === '1' || value === 'true';
  return value === chip.value;
}
