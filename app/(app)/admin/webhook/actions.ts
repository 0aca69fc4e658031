'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { saveDigestWebhook, sendTestMessage } from '@/domain/webhook';
import { AppError } from '@/lib/errors';
import { WEBHOOK_FORMATS } from '@/lib/digest-push';

const schema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, { error: '地址过长' })
    .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), {
      error: '请输入以 http:// 或 https:// 开头的地址',
    })
    .refine((value) => value === '' || URL.canParse(value), { error: '地址格式无效' }),
  format: z.enum(WEBHOOK_FORMATS, { error: '请选择推送格式' }).default('json'),
  // Blank keeps the stored secret (it is never shown again).
  secret: z.string().trim().max(200, { error: '密钥过长' }).optional(),
});

export const saveWebhookAction = guardedAction({ roles: ['admin'], schema }, ({ url, format, secret }, actor) => {
  saveDigestWebhook(actor, { url: url || null, format, secret: secret ? secret : undefined });
  revalidatePath('/admin/webhook');
  return { url: url || null, format };
});

export const clearWebhookSecretAction = guardedAction({ roles: ['admin'], schema: z.object({}) }, (_input, actor) => {
  saveDigestWebhook(actor, { url: null, format: 'dingtalk', secret: null, keepUrl: true });
  revalidatePath('/admin/webhook');
  return { cleared: true };
});

export const testWebhookAction = guardedAction({ roles: ['admin'], schema: z.object({}) }, async (_input, actor) => {
  const result = await sendTestMessage(actor);
  if (!result.ok) throw new AppError('bad_request', `测试消息发送失败：${result.error}`);
  return { sentAt: new Date().toISOString() };
});
