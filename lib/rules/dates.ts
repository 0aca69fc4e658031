import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import { beijingDayFormatter, dateOfTimestamp } from './beijing-day';

// The city works on Beijing time; "today" is the calendar date there, whatever the server's zone.
const dayFormatter = beijingDayFormatter;

/** Today as YYYY-MM-DD in Beijing time. `APP_TODAY` pins it for tests and demos. */
/** The calendar year in Beijing (APP_TODAY pins it in tests): this year's plans, 双十 list and targets. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

export function today(now: Date = new Date()): string {
  const pinned = process.env.APP_TODAY;
  if (pinned && isIsoDate(pinned)) return pinned;
  return dayFormatter.format(now);
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function addDaysIso(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). Accepts dates or timestamps (read as Beijing dates). */
export function daysBetween(from: string, to: string): number {
  const day = (value: string) => (value.length > 10 ? dateOfTimestamp(value) : value);
  return differenceInCalendarDays(parseISO(day(to)), parseISO(day(from)));
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export { dateOfTimestamp };

/** The instant a Beijing calendar day starts, as a stored (UTC ISO-8601) timestamp: for ranges over timestamps. */
export function beijingDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
