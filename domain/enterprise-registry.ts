import 'server-only';
import { and, asc, desc, eq, ne, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { enterprises, industries, leads, projects, units, users, type Enterprise } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import { enterpriseNameKey, normalizeCreditCode } from '@/lib/rules/enterprise';
import { canManageEnterprises, canSeeEnterpriseContacts, type Actor, type ActorContext } from '@/lib/rules/permissions';
import type { EnterpriseCreateInput, EnterpriseListQuery, EnterprisePatchInput } from '@/lib/schemas/enterprise';
import { findEnterprise, toEnterpriseDto, type EnterpriseDto } from './enterprises';

// 企业库 (issue 16): the registry's list, page and writes. Leads and projects name their enterprises
// through resolveEnterprise (./enterprises.ts); here admins and investment staff keep the rows.

/** Contacts' phone and e-mail are hidden from those who may not see them (officers). */
export function enterpriseForViewer<T extends Pick<EnterpriseDto, 'contacts'>>(actor: Actor, dto: T): T {
  if (canSeeEnterpriseContacts(actor)) return dto;
  return { ...dto, contacts: dto.contacts.map((c) => ({ ...c, phone: null, email: null })) };
}

function assertAllowed(actor: ActorContext) {
  if (!canManageEnterprises(actor)) throw new AppError('forbidden', '只有招商专员或管理员可以维护企业库');
}

function assertIndustry(executor: Executor, industryId: number | null | undefined) {
  if (industryId == null) return;
  if (!executor.select({ id: industries.id }).from(industries).where(eq(industries.id, industryId)).get())
    throw new AppError('validation_failed', undefined, { industryId: ['行业不存在'] });
}

/**
 * Two enterprises never share a credit code, and a name already in the registry (by its name key) is
 * the same enterprise unless both carry different credit codes: both are 409 `duplicate`, naming the row.
 */
function assertNoDuplicate(
  executor: Executor,
  candidate: { name: string; creditCode: string | null },
  exceptId?: number,
) {
  if (candidate.creditCode) {
    const taken = executor
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(eq(enterprises.creditCode, candidate.creditCode), exceptId ? ne(enterprises.id, exceptId) : undefined))
      .get();
    if (taken)
      throw new AppError(
        'duplicate',
        `统一社会信用代码已登记为"${taken.name}"`,
        { creditCode: [`该代码已属于企业"${taken.name}"`] },
        { existing: { id: taken.id, name: taken.name } },
      );
  }
  const sameName = executor
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.nameKey, enterpriseNameKey(candidate.name)),
        exceptId ? ne(enterprises.id, exceptId) : undefined,
      ),
    )
    .all()
    .find((row) => !row.creditCode || !candidate.creditCode || row.creditCode === candidate.creditCode);
  if (sameName)
    throw new AppError(
      'duplicate',
      `企业库已有"${sameName.name}"`,
      { name: [`企业库已有"${sameName.name}"，请直接选用`] },
      { existing: { id: sameName.id, name: sameName.name } },
    );
}

export function createEnterprise(actor: ActorContext, input: EnterpriseCreateInput): EnterpriseDto {
  assertAllowed(actor);
  return getDb().transaction((tx) => {
    const creditCode = input.creditCode ?? null;
    assertNoDuplicate(tx, { name: input.name, creditCode });
    assertIndustry(tx, input.industryId);
    const at = nowIso();
    const row = tx
      .insert(enterprises)
      .values({
        name: input.name,
        nameKey: enterpriseNameKey(input.name),
        creditCode,
        region: input.region ?? null,
        industryId: input.industryId ?? null,
        contacts: input.contacts ?? [],
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    const dto = toEnterpriseDto(row);
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'enterprise',
      entityId: row.id,
      after: dto,
      ip: actor.ip ?? null,
    });
    return dto;
  });
}

export function updateEnterprise(
  actor: ActorContext,
  enterpriseId: number,
  input: EnterprisePatchInput,
): EnterpriseDto {
  assertAllowed(actor);
  return getDb().transaction((tx) => {
    const current = findEnterprise(tx, enterpriseId);
    if (current.version !== input.version) throw new AppError('stale_version', '该企业已被他人修改，请刷新后再试');
    const { version: _version, ...changes } = input;
    const next = {
      name: changes.name ?? current.name,
      creditCode: changes.creditCode !== undefined ? changes.creditCode : current.creditCode,
    };
    if (next.name !== current.name || next.creditCode !== current.creditCode) assertNoDuplicate(tx, next, enterpriseId);
    if (changes.industryId !== undefined) assertIndustry(tx, changes.industryId);
    const fields: Partial<Enterprise> = {};
    if (changes.name !== undefined)
      Object.assign(fields, { name: changes.name, nameKey: enterpriseNameKey(changes.name) });
    if (changes.creditCode !== undefined) fields.creditCode = changes.creditCode;
    if (changes.region !== undefined) fields.region = changes.region;
    if (changes.industryId !== undefined) fields.industryId = changes.industryId;
    if (changes.contacts !== undefined) fields.contacts = changes.contacts;
    const { before, after } = diff(current as unknown as Record<string, unknown>, fields);
    delete before.nameKey;
    delete after.nameKey;
    if (!Object.keys(after).length) return toEnterpriseDto(current);
    const updated = tx
      .update(enterprises)
      .set({ ...fields, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'enterprise',
      entityId: enterpriseId,
      before,
      after,
      ip: actor.ip ?? null,
    });
    return toEnterpriseDto(updated);
  });
}

const leadCount = sql<number>`(select count(*) from ${leads} where ${leads.enterpriseId} = ${enterprises.id})`.mapWith(
  Number,
);
const projectCount =
  sql<number>`(select count(*) from ${projects} where ${projects.investorEnterpriseId} = ${enterprises.id} or ${projects.builderEnterpriseId} = ${enterprises.id})`.mapWith(
    Number,
  );

/** The registry, searched by name (any part, or its name key) or credit code, newest changes first. */
export function listEnterprises(actor: Actor, query: EnterpriseListQuery) {
  const db = getDb();
  const q = query.q?.trim();
  const where = and(
    q
      ? or(
          sql`instr(${enterprises.name}, ${q}) > 0`,
          enterpriseNameKey(q) ? sql`instr(${enterprises.nameKey}, ${enterpriseNameKey(q)}) > 0` : undefined,
          sql`instr(${enterprises.creditCode}, ${normalizeCreditCode(q)}) > 0`,
        )
      : undefined,
    query.industryId ? eq(enterprises.industryId, query.industryId) : undefined,
  );
  const total = db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(enterprises)
    .where(where)
    .get()!.n;
  const rows = db
    .select({ enterprise: enterprises, industryName: industries.name, leadCount, projectCount })
    .from(enterprises)
    .leftJoin(industries, eq(industries.id, enterprises.industryId))
    .where(where)
    .orderBy(desc(enterprises.updatedAt), desc(enterprises.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const items = rows.map(({ enterprise, ...extra }) =>
    enterpriseForViewer(actor, { ...toEnterpriseDto(enterprise), ...extra }),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One enterprise with the leads that name it and the projects it invests in or builds. */
export function getEnterpriseDetail(actor: Actor, enterpriseId: number) {
  const db = getDb();
  const row = findEnterprise(db, enterpriseId);
  const industryName = row.industryId
    ? (db.select({ name: industries.name }).from(industries).where(eq(industries.id, row.industryId)).get()?.name ??
      null)
    : null;
  const leadRows = db
    .select({
      id: leads.id,
      company: leads.company,
      stage: leads.stage,
      intendedInvestment: leads.intendedInvestment,
      ownerId: leads.ownerId,
      ownerName: users.name,
      team: leads.team,
      projectId: leads.projectId,
    })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(eq(leads.enterpriseId, enterpriseId))
    .orderBy(desc(leads.updatedAt), asc(leads.id))
    .all();
  const projectRows = db
    .select({
      id: projects.id,
      name: projects.name,
      stage: projects.stage,
      light: projects.light,
      unitName: units.name,
      totalInvestment: projects.totalInvestment,
      investorEnterpriseId: projects.investorEnterpriseId,
      builderEnterpriseId: projects.builderEnterpriseId,
    })
    .from(projects)
    .leftJoin(units, eq(units.id, projects.unitId))
    .where(or(eq(projects.investorEnterpriseId, enterpriseId), eq(projects.builderEnterpriseId, enterpriseId)))
    .orderBy(asc(projects.id))
    .all()
    .map(({ investorEnterpriseId, builderEnterpriseId, ...project }) => ({
      ...project,
      roles: [
        ...(investorEnterpriseId === enterpriseId ? (['investor'] as const) : []),
        ...(builderEnterpriseId === enterpriseId ? (['builder'] as const) : []),
      ],
    }));
  return {
    ...enterpriseForViewer(actor, toEnterpriseDto(row)),
    industryName,
    leads: leadRows,
    projects: projectRows,
  };
}
export type EnterpriseDetail = ReturnType<typeof getEnterpriseDetail>;

/** The 投资方 and 项目业主/建设单位 a project names, for its page and its form. */
export function projectEnterprises(project: {
  investorEnterpriseId: number | null;
  builderEnterpriseId: number | null;
}) {
  const db = getDb();
  const one = (enterpriseId: number | null) =>
    enterpriseId == null
      ? null
      : (db
          .select({
            id: enterprises.id,
            name: enterprises.name,
            creditCode: enterprises.creditCode,
            region: enterprises.region,
          })
          .from(enterprises)
          .where(eq(enterprises.id, enterpriseId))
          .get() ?? null);
  return { investor: one(project.investorEnterpriseId), builder: one(project.builderEnterpriseId) };
}
