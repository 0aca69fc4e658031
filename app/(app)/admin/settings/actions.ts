'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { saveAdminSettings } from '@/domain/admin-settings';
import { settingsSchema } from '@/lib/schemas/admin';

export const saveSettingsAction = guardedAction({ roles: ['admin'], schema: settingsSchema }, (input, actor) => {
  saveAdminSettings(actor, input);
  // Stage aging and the 序时进度 thresholds change every light, so every page that shows one is stale.
  revalidatePath('/', 'layout');
  return null;
});
