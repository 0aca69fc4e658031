import { describe, expect, it } from 'vitest';
import { msUntilAfterMidnight } from '@/domain/alert-warmup';

// The alert index is rebuilt a minute after each Beijing midnight, off the request path.
describe('msUntilAfterMidnight', () => {
  it('waits until a minute past the next midnight in Beijing (UTC+8)', () => {
    // 2026-12-01 15:59:00 UTC is 23:59 in Beijing: two minutes to go.
    expect(msUntilAfterMidnight(Date.UTC(2026, 11, 1, 15, 59))).toBe(2 * 60_000);
    // 16:00:30 UTC is 00:00:30 in Beijing: just past midnight, so 30 s to the minute past it.
    expect(msUntilAfterMidnight(Date.UTC(2026, 11, 1, 16, 0, 30))).toBe(30_000);
    // 16:01 UTC exactly is a minute past midnight: the next one is a day away.
    expect(msUntilAfterMidnight(Date.UTC(2026, 11, 1, 16, 1))).toBe(24 * 60 * 60_000);
  });
});
