'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createIndustry, renameIndustry, setIndustryActive } from '@/domain/reference';
import { industryCreateSchema, industryUpdateSchema, referenceActiveSchema } from '@/lib/schemas/admin';

const ADMIN = ['admin'] as const;

export const createIndustryAction = guardedAction({ roles: ADMIN, schema: industryCreateSchema }, (input, actor) => {
  const industry = createIndustry(actor, input);
  revalidatePath('/admin/industries');
  return { id: industry.id };
});

export const renameIndustryAction = guardedAction({ roles: ADMIN, schema: industryUpdateSchema }, (input, actor) => {
  const industry = renameIndustry(actor, input);
  revalidatePath('/admin/industries');
  return { version: industry.version };
});

export const setIndustryActiveAction = guardedAction(
  { roles: ADMIN, schema: referenceActiveSchema },
  (input, actor) => {
    const industry = setIndustryActive(actor, input);
    revalidatePath('/admin/industries');
    return { active: industry.active };
  },
);
