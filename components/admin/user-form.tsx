'use client';

import { useState } from 'react';
import { SelectField, TextField, enumOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { FormAction } from '@/lib/auth/action-state';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/rules/enums';
import { PendingSubmit, useFormAction } from './form-action';
import { CancelLink } from './leave-guard';

interface Props {
  action: FormAction;
  units: Array<{ value: number; label: string }>;
  teams: string[];
  passwordMinLength?: number;
  /** Present when editing an existing account. */
  user?: {
    id: number;
    version: number;
    username: string;
    name: string;
    role: Role;
    unitId: number | null;
    team: string | null;
  };
}

/** Create or edit an account. The team field appears for investment users only. */
export function UserForm({ action, units, teams, passwordMinLength, user }: Props) {
  const { state, onSubmit, pending } = useFormAction(action);
  const values = state.values ?? {};
  const [role, setRole] = useState<string>(values.role ?? user?.role ?? '');
  const [dirty, setDirty] = useState(false);
  const errors = state.errors ?? {};
  const editing = Boolean(user);

  return (
    <form onSubmit={onSubmit} onChange={() => setDirty(true)} className="space-y-4" noValidate>
      {state.ok && editing ? <Notice tone="success">已保存。</Notice> : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {user ? (
        <>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {user ? (
          <TextField
            name="username"
            label="用户名"
            value={user.username}
            readOnly
            disabled
            hint="用户名创建后不能修改"
          />
        ) : (
          <TextField
            name="username"
            label="用户名"
            required
            autoComplete="off"
            defaultValue={values.username}
            error={errors.username}
            hint="字母、数字、下划线、点或连字符，用于登录"
          />
        )}
        <TextField name="name" label="姓名" required defaultValue={values.name ?? user?.name} error={errors.name} />
        <SelectField
          name="role"
          label="角色"
          required
          placeholder="请选择角色"
          value={role}
          onChange={(event) => setRole(event.target.value)}
          options={enumOptions(ROLES, ROLE_LABELS)}
          error={errors.role}
        />
        <SelectField
          name="unitId"
          label="所属单位"
          required={role === 'officer'}
          placeholder="（无）"
          defaultValue={values.unitId ?? user?.unitId?.toString() ?? ''}
          options={units}
          error={errors.unitId}
          hint={role === 'officer' ? '项目专员编辑本单位的项目' : undefined}
        />
        {role === 'investment' ? (
          <>
            <TextField
              name="team"
              label="招商小组"
              list="team-options"
              defaultValue={values.team ?? user?.team ?? ''}
              error={errors.team}
              hint="同组招商专员共享线索"
            />
            <datalist id="team-options">
              {teams.map((team) => (
                <option key={team} value={team} />
              ))}
            </datalist>
          </>
        ) : null}
      </div>
      {!user ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">初始密码</legend>
          <TextField
            name="password"
            label="初始密码"
            type="password"
            required
            autoComplete="new-password"
            error={errors.password}
            hint={passwordMinLength ? `至少 ${passwordMinLength} 位` : undefined}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="mustChangePassword" defaultChecked />
            首次登录须修改密码
          </label>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <PendingSubmit pending={pending}>{user ? '保存修改' : '创建用户'}</PendingSubmit>
        <CancelLink href="/admin/users" dirty={dirty}>
          {user ? '返回列表' : '取消'}
        </CancelLink>
      </div>
    </form>
  );
}
