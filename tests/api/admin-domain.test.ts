import { beforeAll, describe, expect, it } from 'vitest';
import { asClient } from '../support/client-ip';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { annualTargets, projects, sessions, users } from '@/db/schema';
import { GET as me } from '@/app/api/v1/me/route';
import { POST as session } from '@/app/api/v1/session/route';
import { saveAdminSettings, readAdminSettings } from '@/domain/admin-settings';
import {
  createIndustry,
  createUnit,
  renameIndustry,
  setIndustryActive,
  setUnitActive,
  updateUnit,
} from '@/domain/reference';
import { getSetting } from '@/domain/settings';
import { createTarget, updateTarget } from '@/domain/targets';
import { changeOwnPassword, createUser, resetUserPassword } from '@/domain/users';
import { listUnits } from '@/db/queries/reference';
import { sha256 } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { call, seedOnce, userId } from '../support/api';

// The domain functions behind the admin pages' server actions (the actions only wrap them).

beforeAll(() => seedOnce());

const admin = () => ({ id: userId('admin'), role: 'admin' as const, unitId: null, ip: null });
const leader = () => ({ id: userId('leader'), role: 'leader' as const, unitId: null, ip: null });

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

let ipCounter = 0;
async function signInCookie(username: string, password: string) {
  ipCounter += 1;
  const result = await call(session, {
    method: 'POST',
    body: { username, password },
    headers: { ...asClient(`10.8.0.${ipCounter}`) },
  });
  return { status: result.status, cookie: result.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

describe('passwords', () => {
  it('a reset ends every session of the user and can require a change at next sign-in', async () => {
    await createUser(admin(), {
      username: 'reset_me',
      name: '重置',
      role: 'leader',
      unitId: null,
      team: null,
      password: 'first-pass-1',
      mustChangePassword: false,
    });
    const a = await signInCookie('reset_me', 'first-pass-1');
    const b = await signInCookie('reset_me', 'first-pass-1');
    expect((await call(me, { cookie: a.cookie })).status).toBe(200);
    const dto = await resetUserPassword(admin(), {
      id: userId('reset_me'),
      password: 'second-pass-2',
      mustChangePassword: true,
    });
    expect(dto.mustChangePassword).toBe(true);
    expect((await call(me, { cookie: a.cookie })).status).toBe(401);
    expect((await call(me, { cookie: b.cookie })).status).toBe(401);
    expect((await signInCookie('reset_me', 'first-pass-1')).status).toBe(401);
    expect((await signInCookie('reset_me', 'second-pass-2')).status).toBe(200);
  });

  it('a reset below the minimum length is refused and changes nothing', async () => {
    const before = getDb()
      .select()
      .from(users)
      .where(eq(users.id, userId('reset_me')))
      .get()!;
    const error = await rejection(
      resetUserPassword(admin(), { id: before.id, password: 'short', mustChangePassword: false }),
    );
    expect(error.fields?.password?.[0]).toMatch(/至少 8 位/);
    expect(getDb().select().from(users).where(eq(users.id, before.id)).get()!.passwordHash).toBe(before.passwordHash);
  });

  it('changing one’s own password keeps this session, ends the others and clears the must-change flag', async () => {
    const current = await signInCookie('reset_me', 'second-pass-2');
    const other = await signInCookie('reset_me', 'second-pass-2');
    const actor = { id: userId('reset_me'), role: 'leader' as const, unitId: null, ip: null };
    const keep = sha256(current.cookie.split('=')[1]);

    const wrong = await rejection(
      changeOwnPassword(
        actor,
        { currentPassword: 'nope', newPassword: 'third-pass-3', confirmPassword: 'third-pass-3' },
        keep,
      ),
    );
    expect(wrong.fields?.currentPassword).toEqual(['当前密码不正确']);
    const short = await rejection(
      changeOwnPassword(actor, { currentPassword: 'second-pass-2', newPassword: 'abc', confirmPassword: 'abc' }, keep),
    );
    expect(short.fields?.newPassword?.[0]).toMatch(/至少/);

    await changeOwnPassword(
      actor,
      { currentPassword: 'second-pass-2', newPassword: 'third-pass-3', confirmPassword: 'third-pass-3' },
      keep,
    );
    expect((await call(me, { cookie: current.cookie })).status).toBe(200);
    expect((await call(me, { cookie: other.cookie })).status).toBe(401);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, actor.id)).all()).toHaveLength(1);
    expect(getDb().select().from(users).where(eq(users.id, actor.id)).get()!.mustChangePassword).toBe(false);
  });

  it('only admins manage accounts', async () => {
    const error = await rejection(
      createUser(leader(), {
        username: 'sneaky',
        name: 'x',
        role: 'admin',
        unitId: null,
        team: null,
        password: 'abcdefgh1',
        mustChangePassword: false,
      }),
    );
    expect(error.code).toBe('forbidden');
  });
});

describe('units and industries', () => {
  it('adds, renames with the version, and refuses duplicates and stale versions', () => {
    const unit = createUnit(admin(), { name: '吉林北大湖体育旅游经济开发区', code: 'KFQ-BDHT', kind: 'zone' });
    expect(unit.active).toBe(true);
    const duplicate = (() => {
      try {
        createUnit(admin(), { name: '昌邑区', code: 'X-1', kind: 'district' });
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(duplicate?.fields?.name).toEqual(['已存在同名单位']);
    const renamed = updateUnit(admin(), {
      id: unit.id,
      version: unit.version,
      name: '北大湖体育旅游开发区',
      code: 'KFQ-BDHT',
      kind: 'zone',
    });
    expect(renamed.version).toBe(unit.version + 1);
    expect(() =>
      updateUnit(admin(), { id: unit.id, version: unit.version, name: '旧版本', code: 'KFQ-BDHT', kind: 'zone' }),
    ).toThrow(expect.objectContaining({ code: 'stale_version' }));
  });

  it('deactivates instead of deleting: the unit leaves the pickers but stays referenced', () => {
    const changyi = listUnits().find((unit) => unit.name === '昌邑区')!;
    const inUse = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .where(eq(projects.unitId, changyi.id))
      .get()!.n;
    expect(inUse).toBeGreaterThan(0);
    setUnitActive(admin(), { id: changyi.id, version: changyi.version, active: false });
    expect(listUnits().map((unit) => unit.id)).not.toContain(changyi.id);
    expect(listUnits({ includeInactive: true }).map((unit) => unit.id)).toContain(changyi.id);
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(projects)
        .where(eq(projects.unitId, changyi.id))
        .get()!.n,
    ).toBe(inUse);
    setUnitActive(admin(), { id: changyi.id, version: changyi.version + 1, active: true });
  });

  it('industries: add, rename, deactivate; leaders may not', () => {
    const industry = createIndustry(admin(), { name: '冰雪装备' });
    const renamed = renameIndustry(admin(), { id: industry.id, version: industry.version, name: '冰雪装备制造' });
    expect(renamed.name).toBe('冰雪装备制造');
    const off = setIndustryActive(admin(), { id: industry.id, version: renamed.version, active: false });
    expect(off.active).toBe(false);
    expect(() => createIndustry(leader(), { name: '越权' })).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('annual targets', () => {
  it('adds a year once, edits it with the version, refuses a stale version', () => {
    const fields = {
      startedTarget: 140,
      investmentTarget: 2_300_000,
      cityWorksTarget: 110,
      cityWorksInvestmentTarget: 1_100_000,
      reserveTarget: 1500,
      signedTarget: 210,
      landedTarget: 160,
      note: null,
    };
    const target = createTarget(admin(), { year: 2031, ...fields });
    expect(() => createTarget(admin(), { year: 2031, ...fields })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    const updated = updateTarget(admin(), { id: target.id, version: target.version, ...fields, startedTarget: 150 });
    expect(updated).toMatchObject({ startedTarget: 150, version: target.version + 1 });
    expect(() =>
      updateTarget(admin(), { id: target.id, version: target.version, ...fields, startedTarget: 1 }),
    ).toThrow(expect.objectContaining({ code: 'stale_version' }));
    expect(getDb().select().from(annualTargets).where(eq(annualTargets.id, target.id)).get()!.startedTarget).toBe(150);
  });
});

describe('settings', () => {
  it('saving stage usual days recomputes the lights in the same transaction', () => {
    const settings = readAdminSettings();
    const lightsOf = () => getDb().select({ id: projects.id, light: projects.light }).from(projects).all();
    const before = lightsOf().filter((p) => p.light === 'green').length;
    // One day in every stage: every project that has been in its stage longer now ages (yellow at least).
    saveAdminSettings(admin(), {
      passwordMinLength: 10,
      stageUsualDays: { reserve: 1, signed: 1, approvals: 1, construction: 1, completed: 1, operating: 1 },
      leadStageUsualDays: settings.leadStageUsualDays,
    });
    expect(getSetting('passwordMinLength')).toBe(10);
    expect(getSetting('stageUsualDays').construction).toBe(1);
    const after = lightsOf().filter((p) => p.light === 'green').length;
    expect(after).toBeLessThan(before);
    saveAdminSettings(admin(), settings);
    expect(lightsOf().filter((p) => p.light === 'green').length).toBe(before);
  });
});
