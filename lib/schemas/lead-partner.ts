import { z } from 'zod';
import { longText, version } from '@/lib/validation';

// 协同招商 (首报首谈): another team asks to join a lead; the owner or an admin decides.

export const partnerRequestSchema = z
  .object({
    note: longText(500).nullable().optional(),
  })
  .strict();
export type PartnerRequestInput = z.output<typeof partnerRequestSchema>;

export const partnerDecisionSchema = z
  .object({
    status: z.enum(['accepted', 'declined'], { error: '处理结果须为同意或拒绝' }),
    version,
  })
  .strict();
export type PartnerDecisionInput = z.output<typeof partnerDecisionSchema>;
