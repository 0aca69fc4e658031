import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { sessions, units, users, type User } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import {
  recordCredentialFailure,
  revokeUserSessions,
  revokeUserTokens,
  throttleCredentialCheck,
} from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import { canAdminister, type ActorContext } from '@/lib/rules/permissions';
import type { OwnPasswordInput, UserCreateInput, UserUpdateInput } from '@/lib/schemas/admin';
import type { DigestKindsInput } from '@/lib/schemas/notifications';
import { digestKindsOf } from '@/lib/rules/notifications';
import { NOTIFICATION_KINDS, type NotificationKind } from '@/lib/rules/enums';
import { getSetting } from './settings';

// Accounts. Admins create, edit, deactivate and reset; every user changes their own password.
// Deactivation and a password reset end all of the user's sessions in the same transaction.

export function assertAdmin(actor: ActorContext): void {
  if (!canAdminister(actor)) throw new AppError('forbidden');
}

/** The admin's view of an account; never the password hash. */
export function toAdminUserDto(user: User) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    team: user.team,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    version: user.version,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
export type AdminUserDto = ReturnType<typeof toAdminUserDto>;

function findUser(executor: Executor, userId: number): User {
  const user = executor.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError('not_found', '用户不存在');
  return user;
}

/** The minimum length is an admin setting, so it is checked here rather than in the schema. */
export function assertPasswordLength(password: string, field: string, executor: Executor = getDb()): void {
  const min = getSetting('passwordMinLength', executor);
  if (password.length < min) throw new AppError('validation_failed', undefined, { [field]: [`密码至少 ${min} 位`] });
}

/** Officers belong to a unit; the team is only meaningful for investment users. */
function placement(
  executor: Executor,
  input: { role: User['role']; unitId?: number | null; team?: string | null },
  current?: User,
) {
  const unitId = input.unitId ?? null;
  if (input.role === 'officer' && unitId === null)
    throw new AppError('validation_failed', undefined, { unitId: ['项目专员必须属于一个单位'] });
  if (unitId !== null && unitId !== current?.unitId) {
    const unit = executor.select({ active: units.active }).from(units).where(eq(units.id, unitId)).get();
    if (!unit) throw new AppError('validation_failed', undefined, { unitId: ['单位不存在'] });
    if (!unit.active) throw new AppError('validation_failed', undefined, { unitId: ['该单位已停用'] });
  }
  return { unitId, team: input.role === 'investment' ? (input.team ?? null) : null };
}

export async function createUser(actor: ActorContext, input: UserCreateInput): Promise<AdminUserDto> {
  assertAdmin(actor);
  assertPasswordLength(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      throw new AppError('validation_failed', undefined, { username: ['该用户名已被使用'] });
    }
    const { unitId, team } = placement(tx, input);
    const user = tx
      .insert(users)
      .values({
        username: input.username,
        name: input.name,
        role: input.role,
        unitId,
        team,
        passwordHash,
        mustChangePassword: input.mustChangePassword,
      })
      .returning()
      .get();
    const dto = toAdminUserDto(user);
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: dto,
      ip: actor.ip,
    });
    return dto;
  });
}

export function updateUser(actor: ActorContext, input: UserUpdateInput): AdminUserDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findUser(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    // An admin cannot demote themselves: the platform could be left with no administrator.
    if (current.id === actor.id && input.role !== 'admin')
      throw new AppError('validation_failed', undefined, { role: ['不能取消自己的管理员角色'] });
    const { unitId, team } = placement(tx, input, current);
    const patch = { name: input.name, role: input.role, unitId, team };
    const change = diff(current, patch);
    if (!change.changed) return toAdminUserDto(current);
    const updated = tx
      .update(users)
      .set({ ...patch, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(users.id, current.id), eq(users.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    // A changed role or unit changes what the user may do: make them sign in again.
    if (current.role !== updated.role || current.unitId !== updated.unitId) revokeUserSessions(tx, current.id);
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'user',
      entityId: current.id,
      before: change.before,
      after: change.after,
      ip: actor.ip,
    });
    return toAdminUserDto(updated);
  });
}

export function setUserActive(
  actor: ActorContext,
  input: { id: number; version: number; active: boolean },
): AdminUserDto {
  assertAdmin(actor);
  return getDb().transaction((tx) => {
    const current = findUser(tx, input.id);
    if (current.version !== input.version) throw new AppError('stale_version');
    if (current.id === actor.id && !input.active)
      throw new AppError('validation_failed', '不能停用自己的账号', { active: ['不能停用自己的账号'] });
    if (current.active === input.active) return toAdminUserDto(current);
    const updated = tx
      .update(users)
      .set({ active: input.active, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(users.id, current.id), eq(users.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    const tokensRevoked = input.active ? 0 : revokeUserTokens(tx, current.id);
    if (!input.active) revokeUserSessions(tx, current.id);
    writeAudit(tx, {
      userId: actor.id,
      action: input.active ? 'reactivate' : 'deactivate',
      entityType: 'user',
      entityId: current.id,
      before: { active: current.active },
      after: { active: input.active, ...(tokensRevoked ? { tokensRevoked } : {}) },
      ip: actor.ip,
    });
    return toAdminUserDto(updated);
  });
}

export async function resetUserPassword(
  actor: ActorContext,
  input: { id: number; password: string; mustChangePassword: boolean },
): Promise<AdminUserDto> {
  assertAdmin(actor);
  assertPasswordLength(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction((tx) => {
    const current = findUser(tx, input.id);
    const updated = tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: input.mustChangePassword,
        version: current.version + 1,
        updatedAt: nowIso(),
      })
      .where(eq(users.id, current.id))
      .returning()
      .get();
    revokeUserSessions(tx, current.id);
    const tokensRevoked = revokeUserTokens(tx, current.id);
    writeAudit(tx, {
      userId: actor.id,
      action: 'reset_password',
      entityType: 'user',
      entityId: current.id,
      after: { mustChangePassword: input.mustChangePassword, ...(tokensRevoked ? { tokensRevoked } : {}) },
      ip: actor.ip,
    });
    return toAdminUserDto(updated);
  });
}

/**
 * A user changes their own password. Their other sessions end (a stolen session must not
 * survive the change); `keepSessionId` is the hashed id of the session making the change.
 */
export async function changeOwnPassword(
  actor: ActorContext,
  input: OwnPasswordInput,
  keepSessionId: string | null,
): Promise<void> {
  const current = findUser(getDb(), actor.id);
  // The sign-in limiter: a stolen session must not be a way to guess the password.
  await throttleCredentialCheck(current.username, actor.ip ?? null);
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    recordCredentialFailure(current.username, actor.ip ?? null);
    throw new AppError('validation_failed', undefined, { currentPassword: ['当前密码不正确'] });
  }
  assertPasswordLength(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword)
    throw new AppError('validation_failed', undefined, { newPassword: ['新密码不能与当前密码相同'] });
  const passwordHash = await hashPassword(input.newPassword);
  getDb().transaction((tx) => {
    const updated = tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(users.id, current.id), eq(users.passwordHash, current.passwordHash)))
      .returning({ id: users.id })
      .get();
    // Someone else changed the password between the check and the write.
    if (!updated) throw new AppError('stale_version');
    tx.delete(sessions)
      .where(
        keepSessionId
          ? and(eq(sessions.userId, current.id), ne(sessions.id, keepSessionId))
          : eq(sessions.userId, current.id),
      )
      .run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'change_password',
      entityType: 'user',
      entityId: current.id,
      ip: actor.ip,
    });
  });
}

/** The notification kinds the user gets in the daily digest (their choice, else the defaults). */
export function digestKindsOfUser(userId: number): NotificationKind[] {
  const row = getDb().select({ digestKinds: users.digestKinds }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('not_found', '用户不存在');
  return digestKindsOf(row.digestKinds);
}

/** Saves the caller's own digest kinds (from /account), with its audit row. */
export function setOwnDigestKinds(actor: ActorContext, input: DigestKindsInput): NotificationKind[] {
  const kinds = NOTIFICATION_KINDS.filter((kind) => input.kinds.includes(kind));
  return getDb().transaction((tx) => {
    const current = tx.select().from(users).where(eq(users.id, actor.id)).get();
    if (!current || !current.active) throw new AppError('forbidden');
    const before = digestKindsOf(current.digestKinds);
    tx.update(users).set({ digestKinds: kinds, updatedAt: nowIso() }).where(eq(users.id, actor.id)).run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      before: { digestKinds: before },
      after: { digestKinds: kinds },
      ip: actor.ip,
    });
    return kinds;
  });
}
