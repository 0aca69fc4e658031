import { NOTIFICATION_KINDS, type NotificationKind } from './enums';

// Which notification kinds go into a user's daily digest when they have not chosen (users.digest_kinds null):
// the ones that ask something of them, not the ones that only inform.
export const DEFAULT_DIGEST_KINDS: readonly NotificationKind[] = [
  'supervision_issued',
  'supervision_returned',
  'problem_escalated',
  'light_red',
  'meeting_item_assigned',
];

/** A user's digest kinds: their own choice (unknown kinds dropped), else the defaults. */
export function digestKindsOf(stored: readonly string[] | null | undefined): NotificationKind[] {
  if (!Array.isArray(stored)) return [...DEFAULT_DIGEST_KINDS];
  return NOTIFICATION_KINDS.filter((kind) => stored.includes(kind));
}
