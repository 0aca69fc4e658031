import { describe, expect, it } from 'vitest';
import { formatAuditValue } from '@/lib/audit-format';
import { formatDate, formatDateTime } from '@/lib/format-time';

// Stored timestamps are UTC; every displayed time is Beijing time (UTC+8, no daylight saving).

describe('Beijing time', () => {
  it('puts 16:30 UTC on the next Beijing day, just after midnight', () => {
    expect(formatDateTime('2026-11-19T16:30:00.000Z')).toBe('2026-11-20 00:30');
    expect(formatDate('2026-11-19T16:30:00.000Z')).toBe('2026-11-20');
  });

  it('keeps 15:59 UTC on the same Beijing day, just before midnight', () => {
    expect(formatDateTime('2026-11-19T15:59:00Z')).toBe('2026-11-19 23:59');
    expect(formatDate('2026-11-19T15:59:00Z')).toBe('2026-11-19');
  });

  it('shows the afternoon of the bug report as 21:46, not 13:46', () => {
    expect(formatDateTime('2026-11-30T13:46:10.123Z')).toBe('2026-11-30 21:46');
  });

  it('crosses a year end and shows a dash for no time', () => {
    expect(formatDateTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
  });

  it('formats timestamps inside audit rows the same way, and leaves plain dates alone', () => {
    expect(formatAuditValue('problem', 'closedAt', '2026-11-19T16:30:00.000Z')).toBe('2026-11-20 00:30');
    expect(formatAuditValue('problem', 'deadline', '2026-11-19')).toBe('2026-11-19');
  });
});
