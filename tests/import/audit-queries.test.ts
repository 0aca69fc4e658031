import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@/db/queries/audit';
import { findImportBatch, listBatchProjects, listImportBatches } from '@/db/queries/imports';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { describeChanges } from '@/lib/audit-format';
import { today } from '@/lib/rules/dates';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { seedOnce } from '../support/api';
import { actorOf, BASIC_HEADER, workbookBuffer } from '../support/xlsx';

let batchId = 0;

beforeAll(async () => {
  await seedOnce();
  const officer = actorOf('officer');
  const bytes = await workbookBuffer([
    BASIC_HEADER,
    ['审计查询项目甲', '政府投资', '昌邑区', 10, '2026-05-01'],
    ['审计查询项目乙', '招商引资', '昌邑区', 20, '2026-05-01'],
  ]);
  const preview = await previewProjectImport(officer, { name: '审计查询.xlsx', bytes });
  batchId = commitProjectImport(officer, preview.id, { validOnly: false }).batchId;
});

const filters = (input: Record<string, unknown>) => auditFilterSchema.parse(input);

describe('audit log queries', () => {
  it('filters by batch, record type, user and date range', () => {
    const officerId = actorOf('officer').id;
    expect(listAuditEntries(filters({ batchId })).total).toBe(3);
    expect(listAuditEntries(filters({ batchId, entityType: 'project' })).total).toBe(2);
    expect(listAuditEntries(filters({ batchId, userId: actorOf('admin').id })).total).toBe(0);
    expect(
      listAuditEntries(filters({ batchId, userId: officerId })).items.every((entry) => entry.userName === '李明'),
    ).toBe(true);
    // Audit rows carry the real clock, not APP_TODAY; a range around the real date finds them.
    const realToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(listAuditEntries(filters({ batchId, from: realToday, to: realToday })).total).toBe(3);
    expect(listAuditEntries(filters({ batchId, to: '2000-01-01' })).total).toBe(0);
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('pages the log newest first', () => {
    const first = listAuditEntries(filters({ pageSize: 2 }));
    const second = listAuditEntries(filters({ pageSize: 2, page: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(second.items[0].id);
  });

  it('lists batches, scoped to the officer, and the projects of a batch', () => {
    expect(listImportBatches({ userId: actorOf('officer').id }).items.map((batch) => batch.id)).toContain(batchId);
    expect(listImportBatches({ userId: actorOf('officer2').id }).items.map((batch) => batch.id)).not.toContain(batchId);
    expect(findImportBatch(batchId, { userId: actorOf('officer2').id })).toBeUndefined();
    expect(findImportBatch(batchId)).toMatchObject({ createdCount: 2, fileName: '审计查询.xlsx', userName: '李明' });
    const touched = listBatchProjects(batchId);
    expect(touched.items.map((project) => [project.name, project.created])).toEqual([
      ['审计查询项目甲', true],
      ['审计查询项目乙', true],
    ]);
  });

  it('renders changes readably', () => {
    const entry = {
      entityType: 'project',
      action: 'update',
      before: { stage: 'approvals', totalInvestment: 100 },
      after: { stage: 'construction', totalInvestment: 1200 },
    };
    expect(describeChanges(entry)).toEqual([
      { key: 'stage', label: '项目阶段', before: '前期手续', after: '开工建设' },
      { key: 'totalInvestment', label: '总投资', before: '100 万元', after: '1,200 万元' },
    ]);
  });
});
