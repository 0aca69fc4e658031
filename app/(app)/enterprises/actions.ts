'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { createEnterprise, updateEnterprise } from '@/domain/enterprise-registry';
import { AppError } from '@/lib/errors';
import { enterpriseFormSchema } from '@/lib/schemas/enterprise';

export const createEnterpriseAction = guardedAction({ schema: enterpriseFormSchema }, (input, actor) => {
  const { enterpriseId: _id, version: _version, ...fields } = input;
  const enterprise = createEnterprise(actor, fields);
  revalidatePath('/enterprises');
  redirect(`/enterprises/${enterprise.id}`);
});

export const updateEnterpriseAction = guardedAction({ schema: enterpriseFormSchema }, (input, actor) => {
  const { enterpriseId, version, ...fields } = input;
  if (!enterpriseId || !version) throw new AppError('bad_request', '缺少企业编号或版本号');
  updateEnterprise(actor, enterpriseId, { ...fields, version });
  revalidatePath('/enterprises');
  revalidatePath(`/enterprises/${enterpriseId}`);
  redirect(`/enterprises/${enterpriseId}`);
});
