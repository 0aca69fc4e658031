'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { createCampaign, deleteCampaign, updateCampaign } from '@/domain/campaigns';
import { campaignFormSchema } from '@/lib/schemas/lead';
import { fromFormNumber } from '@/lib/schemas/form';
import { id, version } from '@/lib/validation';

export const createCampaignAction = guardedAction({ schema: campaignFormSchema }, (input, actor) => {
  const campaign = createCampaign(actor, input);
  revalidatePath('/campaigns');
  redirect(`/campaigns/${campaign.id}`);
});

export const updateCampaignAction = guardedAction(
  {
    schema: z.intersection(
      campaignFormSchema,
      z.object({ campaignId: fromFormNumber(id), version: fromFormNumber(version) }),
    ),
  },
  ({ campaignId, ...input }, actor) => {
    const campaign = updateCampaign(actor, campaignId, input);
    revalidatePath(`/campaigns/${campaignId}`);
    return { id: campaign.id, version: campaign.version };
  },
);

export const deleteCampaignAction = guardedAction(
  { schema: z.object({ campaignId: fromFormNumber(id), version: fromFormNumber(version) }) },
  ({ campaignId, version }, actor) => {
    deleteCampaign(actor, campaignId, version);
    revalidatePath('/campaigns');
    redirect('/campaigns');
  },
);
