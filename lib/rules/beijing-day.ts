// The Beijing calendar day of an instant, with Intl only: client code (the notification bell, every
// formatted timestamp) imports this without pulling date-fns into the shell's JavaScript.

const TIME_ZONE = 'Asia/Shanghai';

export const beijingDayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A Beijing-time calendar date for a stored ISO timestamp. */
export function dateOfTimestamp(timestamp: string): string {
  return beijingDayFormatter.format(new Date(timestamp));
}
