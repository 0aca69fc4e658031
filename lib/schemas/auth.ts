import { z } from 'zod';

export const loginSchema = z.object({
  username: z
    .string({ error: '请输入用户名' })
    .trim()
    .min(1, { error: '请输入用户名' })
    .max(64, { error: '用户名过长' }),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256, { error: '密码过长' }),
});
