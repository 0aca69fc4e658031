'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { setDigestWebhookUrl } from '@/domain/webhook';

const schema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, { error: '地址过长' })
    .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), {
      error: '请输入以 http:// 或 https:// 开头的地址',
    })
    .refine((value) => value === '' || URL.canParse(value), { error: '地址格式无效' }),
});

export const saveWebhookAction = guardedAction({ roles: ['admin'], schema }, ({ url }, actor) => {
  setDigestWebhookUrl(actor, url || null);
  revalidatePath('/admin/webhook');
  return { url: url || null };
});
