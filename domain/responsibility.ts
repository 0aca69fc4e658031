import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { projectStagePlans } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { Stage } from '@/lib/rules/enums';
import type { ProjectPatchInput } from '@/lib/schemas/project';
import type { ActorContext } from '@/lib/rules/permissions';
import { applyProjectPatch, toProjectDto } from './projects';
import { editableProject } from './project-access';

/**
 * Saves the 责任清单 (六个一). The form always sends all six stage dates; only the ones that
 * differ from the stored 时间表 are written, so an unchanged save leaves no audit noise.
 */
export function updateResponsibility(actor: ActorContext, projectId: number, patch: ProjectPatchInput) {
  return toProjectDto(
    getDb().transaction((tx) => {
      const current = editableProject(tx, actor, projectId);
      if (patch.version !== current.version) throw new AppError('stale_version', '该项目已被他人修改，请刷新后再试');
      const stored = new Map(
        tx
          .select()
          .from(projectStagePlans)
          .where(eq(projectStagePlans.projectId, projectId))
          .all()
          .map((plan) => [plan.stage, plan.dueDate]),
      );
      const changedPlans: Partial<Record<Stage, string | null>> = {};
      for (const [stage, dueDate] of Object.entries(patch.stagePlans ?? {}) as Array<[Stage, string | null]>) {
        if ((stored.get(stage) ?? null) !== (dueDate ?? null)) changedPlans[stage] = dueDate ?? null;
      }
      const { version: _version, stagePlans: _stagePlans, ...fields } = patch;
      return applyProjectPatch(tx, actor, current, {
        ...fields,
        ...(Object.keys(changedPlans).length ? { stagePlans: changedPlans } : {}),
      });
    }),
  );
}
