import { dateOfTimestamp } from '@/lib/rules/beijing-day';

// Stored timestamps are UTC ISO-8601; people read Beijing time, to the minute.
// Every page, component and export that shows a timestamp formats it here.

const dateTimeFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const EMPTY = '—';

/** `2026-11-20 00:30`: a stored timestamp as Beijing date and time; '—' when there is none. */
export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return EMPTY;
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const parts = Object.fromEntries(dateTimeFormatter.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `2026-11-20`: the Beijing calendar date of a stored timestamp; '—' when there is none. */
export function formatDate(timestamp: string | null | undefined): string {
  if (!timestamp) return EMPTY;
  if (Number.isNaN(new Date(timestamp).getTime())) return timestamp;
  return dateOfTimestamp(timestamp);
}

/** True for a stored timestamp (`2026-11-19T16:30:00.000Z`), false for a plain date or other text. */
export function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(new Date(value).getTime());
}
