import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { approvalItems, type ApprovalItem } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nowIso, today } from '@/lib/rules/dates';
import type { ApprovalPatchInput } from '@/lib/schemas/project-lists';
import { auditProjectChange } from './light';
import { editableProject } from './project-access';
import type { ActorContext } from '@/lib/rules/permissions';

// 前期手续: one item of a project's checklist. The items themselves are created with the
// project (insertProject) and never deleted; 不涉及 marks an item that does not apply.

export function toApprovalDto(item: ApprovalItem) {
  return {
    id: item.id,
    projectId: item.projectId,
    kind: item.kind,
    name: item.name,
    status: item.status,
    office: item.office,
    dueDate: item.dueDate,
    doneDate: item.doneDate,
    note: item.note,
    version: item.version,
  };
}
export type ApprovalDto = ReturnType<typeof toApprovalDto>;

export function updateApprovalItem(actor: ActorContext, approvalId: number, input: ApprovalPatchInput): ApprovalDto {
  return toApprovalDto(
    getDb().transaction((tx) => {
      const current = tx.select().from(approvalItems).where(eq(approvalItems.id, approvalId)).get();
      if (!current) throw new AppError('not_found', '前期手续事项不存在');
      editableProject(tx, actor, current.projectId);
      if (input.version !== current.version) throw new AppError('stale_version', '该事项已被他人修改，请刷新后再试');
      const { version: _version, ...fields } = input;
      const status = fields.status ?? current.status;
      // A done item carries the day it was done; any other status has none.
      const doneDate = status === 'done' ? (fields.doneDate ?? current.doneDate ?? today()) : null;
      if (doneDate && doneDate > today())
        throw new AppError('validation_failed', undefined, { doneDate: ['办结日期不能晚于今天'] });
      const changes = { ...fields, status, doneDate };
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of Object.keys(changes) as Array<keyof typeof changes>) {
        if (current[key] !== changes[key]) {
          before[key] = current[key];
          after[key] = changes[key];
        }
      }
      if (Object.keys(after).length === 0) return current;
      const updated = tx
        .update(approvalItems)
        .set({ ...changes, version: current.version + 1, updatedAt: nowIso() })
        .where(and(eq(approvalItems.id, approvalId), eq(approvalItems.version, current.version)))
        .returning()
        .get();
      if (!updated) throw new AppError('stale_version', '该事项已被他人修改，请刷新后再试');
      // Status and due date drive approval_overdue and 未批先建 (approvals_overridden).
      auditProjectChange(tx, actor, {
        action: 'update',
        entityType: 'approval',
        entityId: approvalId,
        projectId: current.projectId,
        before: { name: current.name, ...before },
        after: { name: current.name, ...after },
      });
      return updated;
    }),
  );
}
