import { z } from 'zod';
import type { Lead } from '@/db/schema';
import { CURRENCY_LABELS, LEAD_STAGE_LABELS, type Currency, type LeadStage } from '@/lib/rules/enums';
import { RATE_DECIMALS, toWan } from '@/lib/rules/currency';
import { originalPledge, resolvePledge, type Pledge } from '@/lib/rules/pledge';
import { chainLinkFitProblem, type ChainLinkRef } from '@/lib/rules/chain-links';
import { canEditLead } from '@/lib/rules/permissions';
import { checkCreditCode, enterpriseNameKey } from '@/lib/rules/enterprise';
import { leadCreateSchema, leadEditableFields, type LeadCreateInput, type LeadPatchInput } from '@/lib/schemas/lead';
import { blankMark, cellText, looseLabel, readOriginalAmount, readRate } from './cells';
import type { HeaderMatch } from './headers';
import {
  convertDate,
  convertMoney,
  convertReference,
  keyForLabel,
  parseCells,
  type CellConversion,
  type ConvertedCell,
  type FieldChangeOf,
  type NameLookups,
  type ParsedRow,
  type RowActor,
  type RowError,
} from './row-parse';
import {
  CURRENCY_ALIASES,
  CURRENCY_CHOICES,
  IMPORTABLE_LEAD_STAGES,
  LEAD_COLUMN_BY_KEY,
  LEAD_STAGE_ALIASES,
  type LeadColumn,
  type LeadImportField,
} from './lead-columns';

// One spreadsheet row → a validated lead input, then a plan (create / update / unchanged / error)
// against the stored leads. Pure: lookups and stored leads come in as arguments. The field rules
// are lib/schemas/lead.ts's, so an imported lead obeys exactly what the form and the API obey.

export interface LeadLookups extends NameLookups {
  campaigns: Map<string, number>;
  /** Active investment staff and admins by name: the people a lead can belong to. */
  owners: Map<string, Array<{ id: number; team: string | null }>>;
  /** Chain links by chainLinkKey of "产业链/环节" and of the link's name alone (which may name several). */
  chainLinks: Map<string, ChainLinkRef[]>;
}

/** A 产业链环节 cell compared loosely: "碳纤维产业链 · 原丝", "碳纤维产业链／原丝" and "碳纤维产业链-原丝" alike. */
export const chainLinkKey = (text: string) => looseLabel(text).replace(/[·•・/|\\>→—\-_、]+/g, '/');

/** The lookup for `links`: each by "产业链/环节" (also with the chain's name less 产业链) and by its own name. */
export function chainLinkLookup(links: readonly ChainLinkRef[]): Map<string, ChainLinkRef[]> {
  const lookup = new Map<string, ChainLinkRef[]>();
  const add = (key: string, link: ChainLinkRef) => {
    const list = lookup.get(key) ?? [];
    if (!list.includes(link)) lookup.set(key, [...list, link]);
  };
  for (const link of links) {
    const short = link.chainName.replace(/(产业链|链)$/, '');
    for (const chain of new Set([link.chainName, short])) add(chainLinkKey(`${chain}/${link.name}`), link);
    add(chainLinkKey(link.name), link);
  }
  return lookup;
}

export type LeadRowValues = Partial<Omit<LeadCreateInput, 'ownerId'>> & { ownerId?: number; stage?: LeadStage };

/** Conversions read like "8亿" → "80,000 万元". */
export type ParsedLeadRow = ParsedRow<LeadRowValues>;

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
    case 'chainLink': {
      const found = lookups.chainLinks.get(chainLinkKey(text)) ?? [];
      if (found.length === 1) return { value: found[0].id };
      if (found.length > 1)
        return {
          message: `环节"${text}"在多条产业链中都有（${found.map((link) => link.chainName).join('、')}），请写成"产业链/环节"`,
        };
      return { message: `产业链环节"${text}"不存在，请写成"产业链/环节"，如"碳纤维产业链/原丝"` };
    }
    case 'currency': {
      const currency = keyForLabel(text, CURRENCY_ALIASES);
      return currency ? { value: currency } : { message: `币种"${text}"无法识别，可填：${CURRENCY_CHOICES}` };
    }
    case 'amountOriginal': {
      const reading = readOriginalAmount(raw, unit);
      return 'message' in reading
        ? { message: `"${text}"${reading.message}；原币金额请填写以该币种计的整数金额，如 1000000 或 100万美元` }
        : { value: reading.units };
    }
    case 'rate': {
      const reading = readRate(raw, RATE_DECIMALS);
      return 'message' in reading
        ? { message: `汇率"${text}"${reading.message}；汇率为 1 单位外币折合人民币元，如 7.1` }
        : { value: reading.rate };
    }
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
  readPledge(row, matches, cells, values, errors, conversions);
  return {
    row,
    values: { ...values, ...(stage ? { stage: stage as LeadStage } : {}) },
    errors,
    ...(conversions.length ? { conversions } : {}),
  };
}

const headerIn = (matches: readonly HeaderMatch[], key: LeadImportField) =>
  matches.find((match) => match.key === key)?.header ?? LEAD_COLUMN_BY_KEY.get(key)!.header;

/**
 * The row's pledge read as the API reads it (lib/rules/pledge.ts): 人民币 in 意向投资（万元）; a foreign
 * currency as 原币金额 at 汇率, whose 万元 (toWan) becomes the row's 意向投资 — a different 意向投资 in
 * the row is an error. A currency named in the amount ("100万美元") must agree with 币种, or gives it.
 * What needs the stored lead (a rate kept from before) is left to planning.
 */
function readPledge(
  row: number,
  matches: readonly HeaderMatch[],
  cells: readonly unknown[],
  values: LeadRowValues,
  errors: RowError[],
  conversions: CellConversion[],
) {
  const fail = (key: LeadImportField, message: string) => {
    const column = headerIn(matches, key);
    if (!errors.some((error) => error.column === column)) errors.push({ row, column, message });
  };
  const failed = (key: LeadImportField) => errors.some((error) => error.column === headerIn(matches, key));
  const amountIndex = matches.findIndex((match) => match.key === 'amountOriginal');
  if (amountIndex >= 0 && values.amountOriginal != null) {
    const reading = readOriginalAmount(cells[amountIndex], matches[amountIndex].unit);
    const label = 'label' in reading && reading.label && reading.label !== '元' ? reading.label : null;
    if (label) {
      const named = keyForLabel(label, CURRENCY_ALIASES) as Currency | undefined;
      if (!named) fail('amountOriginal', `币种"${label}"无法识别，可填：${CURRENCY_CHOICES}`);
      else if (values.currency === undefined && !failed('currency')) values.currency = named;
      else if (named !== values.currency && !failed('currency'))
        fail(
          'amountOriginal',
          `写的是${CURRENCY_LABELS[named]}，与币种"${CURRENCY_LABELS[values.currency as Currency] ?? values.currency}"不一致`,
        );
    }
  }
  if (errors.length) return;
  const { currency, amountOriginal, exchangeRate } = values;
  if (currency === undefined) {
    if (amountOriginal != null) fail('currency', '填写了原币金额，请同时填写币种（如 美元、USD）');
    else if (exchangeRate != null) fail('currency', '填写了汇率，请同时填写币种（如 美元、USD）');
    return;
  }
  if (currency === 'CNY') {
    if (amountOriginal != null) fail('amountOriginal', '币种为人民币时不填原币金额，意向投资填在"意向投资（万元）"列');
    if (exchangeRate != null) fail('exchangeRate', '币种为人民币时不填汇率');
    return;
  }
  if (amountOriginal == null || exchangeRate == null) return;
  const wan = toWan(amountOriginal, exchangeRate);
  if (values.intendedInvestment !== undefined && values.intendedInvestment !== wan) {
    fail(
      'intendedInvestment',
      `${originalPledge({ currency, amountOriginal })} × ${exchangeRate} 折合 ${wan.toLocaleString('en-US')} 万元，与填写的 ${values.intendedInvestment.toLocaleString('en-US')} 万元不一致`,
    );
    return;
  }
  values.intendedInvestment = wan;
  conversions.push({
    column: headerIn(matches, 'amountOriginal'),
    written: `${originalPledge({ currency, amountOriginal })} × ${exchangeRate}`,
    converted: `${wan.toLocaleString('en-US')} 万元`,
  });
}

// ------------------------------------------------------------------ planning against the DB

export type LeadImportActor = RowActor;
export type LeadFieldChange = FieldChangeOf<LeadImportField>;

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
  /** Chain links by id, to check a row's 产业链环节 against its industry as the API does. */
  chainLinks?: ReadonlyMap<number, ChainLinkRef>;
}

const PLEDGE_FIELDS = ['currency', 'amountOriginal', 'exchangeRate', 'rateDate', 'intendedInvestment'] as const;

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
    // The API's rules for the 产业链环节 (a link of the lead's industry) and the pledge (lib/rules/pledge.ts).
    const checkChainLink = (
      linkId: number | null | undefined,
      industryId: number | null | undefined,
      kept?: number | null,
    ) => {
      if (linkId == null || !context.chainLinks) return;
      const problem = chainLinkFitProblem(context.chainLinks.get(linkId), industryId, kept);
      if (problem) fail('chainLinkId', problem);
    };
    const checkPledge = (fields: Partial<LeadRowValues>, current?: Pledge) => {
      const result = resolvePledge(fields, current);
      if (!result.ok)
        for (const [field, messages] of Object.entries(result.fields)) fail(field as LeadImportField, messages[0]);
    };

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
      checkChainLink(fields.chainLinkId, fields.industryId);
      checkPledge(fields);
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
    if (fields.chainLinkId !== undefined || fields.industryId !== undefined)
      checkChainLink(
        fields.chainLinkId === undefined ? (current.chainLinkId as number | null) : fields.chainLinkId,
        fields.industryId === undefined ? (current.industryId as number | null) : fields.industryId,
        current.chainLinkId as number | null,
      );
    if (PLEDGE_FIELDS.some((field) => fields[field] !== undefined)) checkPledge(fields, current as unknown as Pledge);
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
