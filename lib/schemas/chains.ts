import { z } from 'zod';
import { id, version } from '@/lib/validation';

// 产业链 admin inputs (POST/PATCH /api/v1/chains, /chains/:id/links, /chain-links/:id).

const chainName = z
  .string({ error: '请输入名称' })
  .trim()
  .min(1, { error: '不能为空' })
  .max(50, { error: '不能超过 50 个字' });

/** 1-based place among the siblings (upstream first for links); the others move to make room. */
const position = z
  .number({ error: '位置应为正整数' })
  .int({ error: '位置应为正整数' })
  .min(1, { error: '位置应为正整数' })
  .max(1000, { error: '位置过大' });

const active = z.boolean({ error: 'active 应为 true 或 false' });

export const chainCreateSchema = z
  .object({
    industryId: id,
    name: chainName,
    /** Upstream first; blank or missing means no links yet. */
    links: z.array(chainName).max(50, { error: '一条产业链最多 50 个环节' }).optional(),
  })
  .strict();
export type ChainCreateInput = z.output<typeof chainCreateSchema>;

/** `{ version, name?, position?, active? }` with at least one change. */
const patch = () =>
  z
    .object({ version, name: chainName.optional(), position: position.optional(), active: active.optional() })
    .strict()
    .refine((input) => input.name !== undefined || input.position !== undefined || input.active !== undefined, {
      error: '请至少修改名称、位置或启用状态中的一项',
    });

export const chainPatchSchema = patch();
export type ChainPatchInput = z.output<typeof chainPatchSchema>;

export const chainLinkCreateSchema = z.object({ name: chainName, position: position.optional() }).strict();
export type ChainLinkCreateInput = z.output<typeof chainLinkCreateSchema>;

export const chainLinkPatchSchema = patch();
export type ChainLinkPatchInput = z.output<typeof chainLinkPatchSchema>;
