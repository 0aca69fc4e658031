import { z } from 'zod';
import { STAGES, type Stage } from '@/lib/rules/enums';
import { id, isoDate, longText, money, version } from '@/lib/validation';
import { fromFormNumber, fromFormOptional } from './form';
import { projectEditableFields, projectFormFields, refineCoordinatePair } from './project';

// The project as the 新建项目 and 概况 forms send it.

const formFields = {
  ...projectFormFields,
  status: projectEditableFields.status.default('active'),
  /** One reason for every change that could green a light without progress (see domain/projects.ts). */
  reason: fromFormOptional(longText(1000)).transform((value) => value ?? undefined),
};

export const projectCreateForm = z
  .object({ ...formFields, openingInvestment: fromFormNumber(money).default(0) })
  .superRefine(refineCoordinatePair);

export const projectEditForm = z
  .object({
    ...formFields,
    // Sent only while the project has no monthly report (after that the form shows it read-only).
    openingInvestment: fromFormNumber(money).optional(),
    /** 双十工程包 of this year: blank = 调出; absent (an officer's disabled picker) = unchanged. */
    packageId: fromFormOptional(fromFormNumber(id)),
    projectId: fromFormNumber(id),
    version: fromFormNumber(version),
  })
  .superRefine(refineCoordinatePair);

/** 责任清单 (六个一): leader, unit, owner, task force, plan and the 时间表 of stage dates. */
export const responsibilityForm = z
  .object({
    projectId: fromFormNumber(id),
    version: fromFormNumber(version),
    reason: formFields.reason,
    unitId: projectFormFields.unitId,
    leaderId: projectFormFields.leaderId,
    ownerId: projectFormFields.ownerId,
    taskForce: projectFormFields.taskForce,
    plan: projectFormFields.plan,
    ...Object.fromEntries(STAGES.map((stage) => [`plan_${stage}`, fromFormOptional(isoDate)])),
  })
  .transform(({ projectId, version, reason, unitId, leaderId, ownerId, taskForce, plan, ...dates }) => ({
    projectId,
    patch: {
      version,
      reason,
      unitId,
      leaderId,
      ownerId,
      taskForce,
      plan,
      stagePlans: Object.fromEntries(
        STAGES.map((stage) => [
          stage,
          ((dates as Record<string, string | null | undefined>)[`plan_${stage}`] ?? null) as string | null,
        ]),
      ) as Record<Stage, string | null>,
    },
  }));

/** 履约 card (issue 16): the contract of a converted lead's project. Blank clears a field. */
export const contractForm = z
  .object({
    projectId: fromFormNumber(id),
    version: fromFormNumber(version),
    reason: formFields.reason,
    contractAmount: fromFormOptional(fromFormNumber(money)).transform((value) => value ?? null),
    contractDate: fromFormOptional(isoDate).transform((value) => value ?? null),
    promisedStartDate: fromFormOptional(isoDate).transform((value) => value ?? null),
    promisedFunds: fromFormOptional(fromFormNumber(money)).transform((value) => value ?? null),
  })
  .transform(({ projectId, ...patch }) => ({ projectId, patch }));
