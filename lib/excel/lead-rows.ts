import { z } from 'zod';
import type { Lead } from '@/db/schema';
import { LEAD_STAGE_LABELS, type LeadStage, type Role } from '@/lib/rules/enums';
import { canEditLead } from '@/lib/rules/permissions';
import { checkCreditCode, enterpriseNameKey } from '@/lib/rules/enterprise';
import { leadCreateSchema, leadEditableFields, type LeadCreateInput, type LeadPatchInput } from '@/lib/schemas/lead';
import { blankMark, cellText, looseLabel } from './cells';
import type { HeaderMatch } from './headers';
import {
  convertDate,
  convertMoney,
  convertReference,
  keyForLabel,
  parseCells,
  type CellConversion,
  type ConvertedCell,
  type RowError,
} from './row-parse';
import {
  IMPORTABLE_LEAD_STAGES,
  LEAD_COLUMN_BY_KEY,
  LEAD_STAGE_ALIASES,
  type LeadColumn,
  type LeadImportField,
} from './lead-columns';

// One spreadsheet row → a validated lead input, then a plan (create / update / unchanged / error)
// against the stored leads. Pure: lookups and stored leads come in as arguments. The field rules
// are lib/schemas/lead.ts's, so an imported lead obeys exactly what the form and the API obey.

export interface LeadLookups {
  units: Map<string, number>;
  industries: Map<string, number>;
  campaigns: Map<string, number>;
  /** Active investment staff and admins by name: the people a lead can belong to. */
  owners: Map<string, Array<{ id: number; team: string | null }>>;
}

export type LeadRowValues = Partial<Omit<LeadCreateInput, 'ownerId'>> & { ownerId?: number; stage?: LeadStage };

export interface ParsedLeadRow {
  row: number;
  values: LeadRowValues;
  errors: RowError[];
  /** Cells read differently from how they were written ("8亿" → "80,000 万元"), for the preview. */
  conversions?: CellConversion[];
}

const rowSchema = z.object(leadEditableFields).partial().strict();

function convertCell(column: LeadColumn, raw: unknown, unit: string | null, lookups: LeadLookups): ConvertedCell {
  const text = cellText(raw);
  // A blank cell ("—", "-", "/" and "无" included) leaves a stored lead's value as it is (and gives a new lead the default).
  if (blankMark(text) === '') return {};
  switch (column.kind) {
    case 'text':
      return { value: text };
    case 'money':
      return convertMoney(raw, text, unit);
    case 'date':
      return convertDate(raw, text);
    case 'stage': {
      const stage = keyForLabel(text, LEAD_STAGE_ALIASES);
      if (stage !== undefined) return { value: stage };
      return {
        message: `"${text}"无法识别，可填：${IMPORTABLE_LEAD_STAGES.map((stage) => LEAD_STAGE_LABELS[stage]).join('、')}`,
      };
    }
    case 'unit':
      return convertReference(lookups.units, text, 'unit');
    case 'industry':
      return convertReference(lookups.industries, text, 'industry');
    case 'campaign': {
      const id = lookups.campaigns.get(looseLabel(text));
      return id ? { value: id } : { message: `招商活动"${text}"不存在，请先在招商活动中建立` };
    }
    case 'owner': {
      const candidates = lookups.owners.get(looseLabel(text)) ?? [];
      if (candidates.length === 0) return { message: `"${text}"不是系统中的招商专员` };
      if (candidates.length > 1) return { message: `有多名招商专员叫"${text}"，请联系管理员区分` };
      return { value: candidates[0].id };
    }
  }
}

export function parseLeadRow(
  row: number,
  matches: readonly HeaderMatch[],
  cells: readonly unknown[],
  lookups: LeadLookups,
): ParsedLeadRow {
  const { values, stage, errors, conversions } = parseCells<LeadColumn, LeadRowValues>(row, matches, cells, {
    columnOf: (key) => LEAD_COLUMN_BY_KEY.get(key as LeadImportField),
    convert: (column, raw, unit) => convertCell(column, raw, unit, lookups),
    schema: rowSchema,
    headerFor: (key) => LEAD_COLUMN_BY_KEY.get(key as LeadImportField)?.header ?? key,
  });
  return {
    row,
    values: { ...values, ...(stage ? { stage: stage as LeadStage } : {}) },
    errors,
    ...(conversions.length ? { conversions } : {}),
  };
}

// ------------------------------------------------------------------ planning against the DB

export interface LeadImportActor {
  id: number;
  role: Role;
  unitId: number | null;
  team?: string | null;
}

export interface LeadFieldChange {
  field: LeadImportField;
  header: string;
  before: unknown;
  after: unknown;
}

export type LeadPatch = Omit<LeadPatchInput, 'version'>;

type Conversions = { conversions?: CellConversion[] };

export type PlannedLeadRow =
  | (Conversions & { row: number; action: 'create'; name: string; stage: LeadStage; input: LeadCreateInput })
  | (Conversions & {
      row: number;
      action: 'update';
      name: string;
      leadId: number;
      version: number;
      patch: LeadPatch;
      changes: LeadFieldChange[];
    })
  | (Conversions & { row: number; action: 'unchanged'; name: string; leadId: number })
  | { row: number; action: 'error'; name: string; errors: RowError[] };

export type ExistingLead = Pick<Lead, 'id' | 'version' | 'company' | 'proposedProject' | 'ownerId' | 'team' | 'stage'> &
  Record<string, unknown>;

export interface LeadPlanContext {
  actor: LeadImportActor;
  existing: readonly ExistingLead[];
  headers: ReadonlyMap<string, string>;
  /** The team of each possible owner, for "本人或本组" checks. */
  ownerTeam: (userId: number) => string | null | undefined;
  /**
   * 首报首谈: the message naming the open lead of the enterprise a new row names (its credit code, else its
   * name as the registry matches it), or null. Absent in tests that do not plan against a database.
   */
  openLeadOf?: (company: string, creditCode: string | null) => string | null;
}

/** Leads are matched by company plus proposed project, loosely (width, spaces and quotes ignored). */
export const leadKey = (company: string, proposedProject: string | null | undefined) =>
  `${looseLabel(company)}|${looseLabel(proposedProject ?? '')}`;

const rowName = (values: { company?: string; proposedProject?: string | null }) =>
  [values.company ?? '', values.proposedProject ?? ''].filter(Boolean).join(' · ');

/** Plans each row and keeps, beside every row that is not in error, the cells read differently from how they were written. */
export function planLeadRows(rows: readonly ParsedLeadRow[], context: LeadPlanContext): PlannedLeadRow[] {
  return planEachLeadRow(rows, context).map((planned, index) => {
    const conversions = rows[index].conversions;
    return planned.action === 'error' || !conversions?.length ? planned : { ...planned, conversions };
  });
}

function planEachLeadRow(rows: readonly ParsedLeadRow[], context: LeadPlanContext): PlannedLeadRow[] {
  const { actor } = context;
  const header = (field: LeadImportField) =>
    context.headers.get(field) ?? LEAD_COLUMN_BY_KEY.get(field)?.header ?? field;
  const byKey = new Map<string, ExistingLead[]>();
  for (const lead of context.existing) {
    const key = leadKey(lead.company, lead.proposedProject);
    byKey.set(key, [...(byKey.get(key) ?? []), lead]);
  }
  const firstRowByKey = new Map<string, number>();
  // 首报首谈 within the file: new rows naming one enterprise (same credit code, or the same name key
  // where a code is missing on either side) — the first row keeps it, the others are row errors.
  const newByCode = new Map<string, number>();
  const newByName = new Map<string, { row: number; code: string | null }>();
  const scopeText = actor.team ? `本人或本组（${actor.team}）` : '本人';

  return rows.map((parsed): PlannedLeadRow => {
    const { row, values } = parsed;
    const errors = [...parsed.errors];
    const name = rowName(values);
    const fail = (field: LeadImportField, message: string) => errors.push({ row, column: header(field), message });
    if (!values.company && !errors.some((error) => error.column === header('company')))
      fail('company', '企业名称不能为空');
    if (errors.length) return { row, action: 'error', name, errors };

    const key = leadKey(values.company!, values.proposedProject);
    const first = firstRowByKey.get(key);
    if (first !== undefined) {
      fail('company', `与第 ${first} 行是同一条线索（企业名称和拟建项目相同）`);
      return { row, action: 'error', name, errors };
    }
    firstRowByKey.set(key, row);

    const matches = byKey.get(key) ?? [];
    if (matches.length > 1) {
      fail('company', '系统中有多条企业名称和拟建项目都相同的线索，请在线索页处理后再导入');
      return { row, action: 'error', name, errors };
    }
    const current = matches[0];
    const { stage, ...fields } = values;

    if (!current) {
      const code = fields.creditCode ? checkCreditCode(fields.creditCode) : null;
      if (code && !code.ok) fail('creditCode', code.message);
      const creditCode = code?.ok ? code.code : null;
      const nameKey = enterpriseNameKey(values.company!);
      const sameName = newByName.get(nameKey);
      const earlier =
        (creditCode ? newByCode.get(creditCode) : undefined) ??
        (sameName && (!creditCode || !sameName.code || sameName.code === creditCode) ? sameName.row : undefined);
      if (earlier !== undefined)
        fail('company', `与第 ${earlier} 行是同一企业（首报首谈：一家企业只保留一条在谈线索）`);
      else {
        const open = context.openLeadOf?.(values.company!, creditCode) ?? null;
        if (open) fail('company', open);
      }
      if (creditCode && !newByCode.has(creditCode)) newByCode.set(creditCode, row);
      if (!newByName.has(nameKey)) newByName.set(nameKey, { row, code: creditCode });
      if (stage && !IMPORTABLE_LEAD_STAGES.includes(stage)) {
        fail(
          'stage',
          `新线索只能以${IMPORTABLE_LEAD_STAGES.map((s) => LEAD_STAGE_LABELS[s]).join('、')}阶段导入；已转项目须在平台“转为项目”，放弃须填写原因`,
        );
      }
      const ownerId = fields.ownerId ?? actor.id;
      const team = fields.team ?? context.ownerTeam(ownerId) ?? null;
      if (!canEditLead(actor, { ownerId, team }))
        fail(fields.ownerId ? 'ownerId' : 'team', `招商专员只能导入${scopeText}负责的线索`);
      const input = leadCreateSchema.safeParse(fields);
      if (!input.success)
        for (const issue of input.error.issues) fail(String(issue.path[0]) as LeadImportField, issue.message);
      if (errors.length || !input.success) return { row, action: 'error', name, errors };
      return { row, action: 'create', name, stage: stage ?? 'prospect', input: input.data };
    }

    if (!canEditLead(actor, current)) fail('company', `该线索由他人负责，招商专员只能修改${scopeText}的线索`);
    if (stage && stage !== current.stage)
      fail('stage', `线索当前阶段为"${LEAD_STAGE_LABELS[current.stage]}"；阶段变更须在线索页推进，导入不改变阶段`);
    const ownerChanged = fields.ownerId !== undefined && fields.ownerId !== current.ownerId;
    const nextTeam =
      fields.team !== undefined
        ? fields.team
        : ownerChanged
          ? (context.ownerTeam(fields.ownerId!) ?? null)
          : current.team;
    if (!errors.length && !canEditLead(actor, { ownerId: fields.ownerId ?? current.ownerId, team: nextTeam })) {
      fail(fields.ownerId !== undefined ? 'ownerId' : 'team', `不能把线索交给${scopeText}以外的负责人`);
    }
    if (errors.length) return { row, action: 'error', name, errors };

    const patch: Record<string, unknown> = {};
    const changes: LeadFieldChange[] = [];
    for (const [field, value] of Object.entries(fields) as Array<[LeadImportField, unknown]>) {
      const before = current[field] ?? null;
      if (JSON.stringify(before) === JSON.stringify(value ?? null)) continue;
      patch[field] = value;
      changes.push({ field, header: header(field), before, after: value ?? null });
    }
    if (changes.length === 0) return { row, action: 'unchanged', name, leadId: current.id };
    return {
      row,
      action: 'update',
      name,
      leadId: current.id,
      version: current.version,
      patch: patch as LeadPatch,
      changes,
    };
  });
}
