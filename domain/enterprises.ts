import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import { enterprises, industries, type Enterprise } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import { checkCreditCode, enterpriseNameKey } from '@/lib/rules/enterprise';
import type { ActorContext } from '@/lib/rules/permissions';

// 企业库 (issue 16): the registry of investors and 项目业主/建设单位 shared by leads and projects.
// resolveEnterprise is the one way a lead, a project or an import row names its enterprise: by id,
// else by credit code, else by name (the name key of lib/rules/enterprise.ts), else a new row.

export function toEnterpriseDto(row: Enterprise) {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    region: row.region,
    industryId: row.industryId,
    contacts: row.contacts,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type EnterpriseDto = ReturnType<typeof toEnterpriseDto>;

export function findEnterprise(executor: Executor, id: number): Enterprise {
  const row = executor.select().from(enterprises).where(eq(enterprises.id, id)).get();
  if (!row) throw new AppError('not_found', '企业不存在');
  return row;
}

/** A valid credit code in its stored form, or a 400 naming `field`. */
export function validCreditCode(code: string, field = 'creditCode'): string {
  const check = checkCreditCode(code);
  if (!check.ok) throw new AppError('validation_failed', undefined, { [field]: [check.message] });
  return check.code;
}

/** The enterprise a credit code or a name denotes, if the registry has it (the code wins). */
export function matchEnterprise(
  executor: Executor,
  input: { name?: string | null; creditCode?: string | null },
): Enterprise | null {
  if (input.creditCode) {
    const byCode = executor.select().from(enterprises).where(eq(enterprises.creditCode, input.creditCode)).get();
    if (byCode) return byCode;
  }
  const key = input.name ? enterpriseNameKey(input.name) : '';
  if (!key) return null;
  // An enterprise with another credit code is another company that happens to share the name.
  const candidates = executor
    .select()
    .from(enterprises)
    .where(eq(enterprises.nameKey, key))
    .orderBy(enterprises.id)
    .all()
    .filter((row) => !input.creditCode || row.creditCode == null || row.creditCode === input.creditCode);
  return candidates[0] ?? null;
}

export interface EnterpriseRef {
  /** A registry row chosen in the form. */
  enterpriseId?: number | null;
  /** Else the name as typed (and its credit code, if known): matched, or a new enterprise. */
  name?: string | null;
  creditCode?: string | null;
  region?: string | null;
  industryId?: number | null;
}

export interface ResolveOptions {
  /** The field the errors name (creditCode, investorCreditCode …). */
  field?: string;
  batchId?: number | null;
}

/**
 * The enterprise `ref` names, created (with its audit row) when the registry has none, inside `tx`.
 * A matched enterprise without a credit code takes the one given. Returns null when `ref` names nothing.
 */
export function resolveEnterprise(
  tx: Executor,
  actor: ActorContext,
  ref: EnterpriseRef,
  options: ResolveOptions = {},
): Enterprise | null {
  const field = options.field ?? 'creditCode';
  if (ref.enterpriseId != null) {
    const row = tx.select().from(enterprises).where(eq(enterprises.id, ref.enterpriseId)).get();
    if (!row) throw new AppError('validation_failed', undefined, { enterpriseId: ['企业不存在'] });
    return row;
  }
  const name = ref.name?.trim();
  if (!name) return null;
  const creditCode = ref.creditCode ? validCreditCode(ref.creditCode, field) : null;
  const found = matchEnterprise(tx, { name, creditCode });
  if (found) {
    if (creditCode && !found.creditCode) {
      const taken = tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(and(eq(enterprises.creditCode, creditCode), ne(enterprises.id, found.id)))
        .get();
      if (!taken) {
        const at = nowIso();
        tx.update(enterprises)
          .set({ creditCode, version: found.version + 1, updatedAt: at })
          .where(eq(enterprises.id, found.id))
          .run();
        writeAudit(tx, {
          userId: actor.id,
          action: options.batchId ? 'import' : 'update',
          entityType: 'enterprise',
          entityId: found.id,
          before: { creditCode: null },
          after: { creditCode },
          batchId: options.batchId ?? null,
          ip: actor.ip ?? null,
        });
        return { ...found, creditCode, version: found.version + 1, updatedAt: at };
      }
    }
    return found;
  }
  if (
    ref.industryId != null &&
    !tx.select({ id: industries.id }).from(industries).where(eq(industries.id, ref.industryId)).get()
  )
    throw new AppError('validation_failed', undefined, { industryId: ['行业不存在'] });
  const at = nowIso();
  const row = tx
    .insert(enterprises)
    .values({
      name,
      nameKey: enterpriseNameKey(name),
      creditCode,
      region: ref.region?.trim() || null,
      industryId: ref.industryId ?? null,
      contacts: [],
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  writeAudit(tx, {
    userId: actor.id,
    action: options.batchId ? 'import' : 'create',
    entityType: 'enterprise',
    entityId: row.id,
    after: toEnterpriseDto(row),
    batchId: options.batchId ?? null,
    ip: actor.ip ?? null,
  });
  return row;
}
