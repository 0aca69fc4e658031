import 'server-only';
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { campaigns, enterprises, leads, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import {
  IMPORTED_LEAD_COLUMNS,
  LEAD_COLUMN_BY_KEY,
  LEAD_COLUMNS,
  REQUIRED_LEAD_COLUMNS,
} from '@/lib/excel/lead-columns';
import type { SheetRows } from '@/lib/excel/reader';
import {
  checkTotals,
  resolveSections,
  rowSectionLabels,
  sectionNameVariants,
  sectionValues,
} from '@/lib/excel/sections';
import {
  chainLinkLookup,
  parseLeadRow,
  planLeadRows,
  type LeadLookups,
  type ParsedLeadRow,
  type PlannedLeadRow,
} from '@/lib/excel/lead-rows';
import { writeSheet } from '@/lib/excel/writer';
import { EXAMPLE_MARK, EXAMPLE_NOTE } from '@/lib/excel/example-row';
import { canImportLeads, type ActorContext } from '@/lib/rules/permissions';
import {
  COMMIT_CHUNK,
  loadPreview,
  readAndParseRows,
  type ImportProgress,
  type ImportResult,
  type PreviewBase,
} from './import-store';
import {
  activeIndustryKeys,
  activeUnitKeys,
  assertCommittable,
  commitPreview,
  moneyValue,
  rowError,
  sumColumns,
  storePreview,
  type CommitOptions,
} from './imports';
import { matchEnterprise } from './enterprises';
import { chainLinkRefs } from './chains';
import { chainLinkLabel } from '@/lib/rules/chain-links';
import {
  applyLeadPatch,
  duplicateLeadMessage,
  findLead,
  insertLead,
  openLeadOfEnterprise,
  type InsertLeadOptions,
} from './leads';
import { projectRowNames } from './project-sheets';
import { lookupKey } from '@/lib/excel/project-rows';

// Lead import: the same read → preview → one-transaction commit as projects, with the lead rules
// of domain/leads.ts (insertLead, applyLeadPatch) applied to every row.

export type LeadImportPreview = PreviewBase<PlannedLeadRow>;

function assertLeadImporter(actor: ActorContext) {
  if (!canImportLeads(actor)) throw new AppError('forbidden', '只有招商专员和管理员可以导入招商线索');
}

export function leadLookups(executor: Executor): LeadLookups {
  const owners: LeadLookups['owners'] = new Map();
  for (const user of executor
    .select({ id: users.id, name: users.name, team: users.team })
    .from(users)
    .where(and(inArray(users.role, ['investment', 'admin']), eq(users.active, true)))
    .all()) {
    const key = lookupKey(user.name);
    owners.set(key, [...(owners.get(key) ?? []), { id: user.id, team: user.team }]);
  }
  return {
    units: activeUnitKeys(executor),
    industries: activeIndustryKeys(executor),
    campaigns: new Map(
      executor
        .select({ id: campaigns.id, name: campaigns.name })
        .from(campaigns)
        .all()
        .map((row) => [lookupKey(row.name), row.id]),
    ),
    owners,
    chainLinks: chainLinkLookup(chainLinkRefs(executor)),
  };
}

/** Reads and checks a leads file and stores the preview. Writes nothing to the database. */
export async function previewLeadImport(
  actor: ActorContext,
  file: { name: string; bytes: Uint8Array },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<LeadImportPreview> {
  assertLeadImporter(actor);
  const started = performance.now();
  const db = getDb();
  const lookups = leadLookups(db);
  const { sheet, parsed } = await readAndParseRows<ParsedLeadRow>(
    file.bytes,
    LEAD_COLUMNS,
    REQUIRED_LEAD_COLUMNS,
    (row, matches, cells) => parseLeadRow(row, matches, cells, lookups),
    onProgress,
    { labelKeys: ['company'], knownSection: (name) => leadSectionIndustry(name, lookups) !== null },
  );
  const structure = leadSheetStructure(sheet, parsed, lookups);
  const teams = new Map(
    db
      .select({ id: users.id, team: users.team })
      .from(users)
      .all()
      .map((user) => [user.id, user.team]),
  );
  const planned = planLeadRows(parsed, {
    actor,
    // With the enterprise's credit code, so a row repeating it is no change.
    existing: db
      .select({ ...getTableColumns(leads), creditCode: enterprises.creditCode })
      .from(leads)
      .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
      .all(),
    openLeadOf: (company, creditCode) => {
      const enterprise = matchEnterprise(db, { name: company, creditCode });
      const open = enterprise ? openLeadOfEnterprise(db, enterprise.id) : null;
      return open ? duplicateLeadMessage(open) : null;
    },
    headers: new Map(sheet.mapping.matches.map((match) => [match.key, match.header])),
    ownerTeam: (id) => teams.get(id),
    chainLinks: new Map(chainLinkRefs(db).map((link) => [link.id, link])),
  });
  return storePreview('leads', actor, file, sheet, planned, started, onProgress, structure);
}

/** The industry a lead section names ("一、碳纤维及新材料产业（4个）"); null when it names none. */
function leadSectionIndustry(name: string, lookups: LeadLookups): number | null {
  for (const variant of sectionNameVariants(name)) {
    const id = lookups.industries.get(variant) ?? lookups.industries.get(variant.replace(/产业$/, ''));
    if (id) return id;
  }
  return null;
}

/**
 * Leads read sections and totals as projects do: a section naming an industry gives it to the rows
 * below that name none; any other section only groups (leads have no category); 合计/小计 rows are
 * checked, never imported.
 */
function leadSheetStructure(sheet: SheetRows, parsed: ParsedLeadRow[], lookups: LeadLookups) {
  const resolved = resolveSections(
    sheet.sections,
    (name) => leadSectionIndustry(name, lookups),
    () => '',
  );
  sheet.rows.forEach((row, index) => {
    const [industryId] = sectionValues(sheet.sections, resolved, row.section);
    const own = parsed[index].values;
    if (own.industryId === undefined && industryId) own.industryId = industryId;
  });
  const warnings = checkTotals({
    sections: sheet.sections,
    totals: sheet.totals,
    rows: sheet.rows.map((row, index) => ({ row: row.row, section: row.section, parsed: parsed[index] })),
    columns: sumColumns(sheet.mapping.matches, (key) => LEAD_COLUMN_BY_KEY.get(key as never)?.kind === 'money'),
    parseTotal: (row, cells) => parseLeadRow(row, sheet.mapping.matches, cells, lookups),
    value: (row, key) => moneyValue(row.values as Record<string, unknown>, key),
  });
  return { warnings, sections: rowSectionLabels(sheet.sections, sheet.rows) };
}

export function loadLeadImportPreview(actor: ActorContext, id: string): LeadImportPreview {
  return loadPreview<LeadImportPreview>(actor, id, 'leads');
}

/** Writes a previewed leads file in ONE transaction: all of it, the valid rows (validOnly), or nothing. */
export function commitLeadImport(actor: ActorContext, previewId: string, options: CommitOptions): ImportResult {
  assertLeadImporter(actor);
  const started = performance.now();
  const preview = loadLeadImportPreview(actor, previewId);
  assertCommittable(preview, options.validOnly, '线索');
  return commitPreview(actor, preview, options, started, (tx, batchId, report) => {
    let created = 0;
    let updated = 0;
    report(0);
    for (const row of preview.rows) {
      if (row.action !== 'create' && row.action !== 'update') continue;
      try {
        if (row.action === 'create') {
          insertLead(tx, actor, row.input, {
            batchId,
            stage: row.stage as InsertLeadOptions['stage'],
            bulk: true,
          });
          created++;
        } else {
          const current = findLead(tx, row.leadId);
          if (current.version !== row.version)
            throw new AppError('stale_version', '该线索在预览后已被他人修改，请重新上传预览');
          applyLeadPatch(tx, actor, current, row.patch, batchId);
          updated++;
        }
      } catch (error) {
        throw rowError(row, error);
      }
      if ((created + updated) % COMMIT_CHUNK === 0) report(created + updated);
    }
    return { created, updated };
  });
}

/** Names for ids in a leads preview. */
export function leadRowNames(executor: Executor = getDb()) {
  const campaignNames = new Map(
    executor
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .all()
      .map((row) => [row.id, row.name]),
  );
  const chainLinkNames = new Map(chainLinkRefs(executor).map((link) => [link.id, chainLinkLabel(link)]));
  return {
    ...projectRowNames(executor),
    campaignName: (id: number) => campaignNames.get(id),
    chainLinkName: (id: number) => chainLinkNames.get(id),
  };
}

export function leadTemplate(): Promise<Buffer> {
  return writeSheet({
    title: '招商线索导入模板',
    filtersText: `第 2 行为列名（可调整顺序）；${EXAMPLE_NOTE}；按"企业名称 + 拟建项目"匹配已有线索；金额单位万元，日期格式 YYYY-MM-DD；外币意向投资填币种、原币金额（整数）和汇率（1 单位外币折合人民币元），意向投资（万元）按汇率折算；产业链环节写作"产业链/环节"`,
    columns: IMPORTED_LEAD_COLUMNS.map(({ header, key, width, type }) => ({ header, key, width, type })),
    rows: [
      Object.fromEntries(
        IMPORTED_LEAD_COLUMNS.map((column) => [
          column.key,
          column.key === 'company' ? `${EXAMPLE_MARK}${column.example}` : column.example,
        ]),
      ),
    ],
    sheetName: '招商线索',
  });
}
