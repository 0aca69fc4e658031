import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { industries, units, users } from '../schema';
import type { Role } from '@/lib/rules/enums';

export function listUnits({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return getDb()
    .select({
      id: units.id,
      name: units.name,
      code: units.code,
      kind: units.kind,
      active: units.active,
      version: units.version,
    })
    .from(units)
    .where(includeInactive ? undefined : eq(units.active, true))
    .orderBy(asc(units.sortOrder), asc(units.id))
    .all();
}

export function listIndustries({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return getDb()
    .select({ id: industries.id, name: industries.name, active: industries.active, version: industries.version })
    .from(industries)
    .where(includeInactive ? undefined : eq(industries.active, true))
    .orderBy(asc(industries.sortOrder), asc(industries.id))
    .all();
}

/** Names, roles and units of active users, for pickers. */
export function listUserOptions({ role, unitId }: { role?: Role; unitId?: number } = {}) {
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role, unitId: users.unitId })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        role ? eq(users.role, role) : undefined,
        unitId ? eq(users.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(users.role), asc(users.id))
    .all();
}
