'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createUnit, setUnitActive, updateUnit } from '@/domain/reference';
import { referenceActiveSchema, unitCreateSchema, unitUpdateSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

export const createUnitAction = guardedAction({ roles: ADMIN, schema: unitCreateSchema }, (input, actor) => {
  const unit = createUnit(actor, input);
  revalidatePath('/admin/units');
  return { id: unit.id };
});

export const updateUnitAction = guardedAction({ roles: ADMIN, schema: unitUpdateSchema }, (input, actor) => {
  const unit = updateUnit(actor, input);
  revalidatePath('/admin/units');
  return { version: unit.version };
});

export const setUnitActiveAction = guardedAction({ roles: ADMIN, schema: referenceActiveSchema }, (input, actor) => {
  const unit = setUnitActive(actor, input);
  revalidatePath('/admin/units');
  return { active: unit.active };
});
