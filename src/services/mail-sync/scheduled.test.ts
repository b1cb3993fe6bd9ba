import { describe, expect, it } from 'vitest';
import { isMailSyncDue } from './scheduled.ts';

describe('isMailSyncDue', () => {
  const at = (iso: string) => new Date(iso);

  it('is due when the account never synced, or its interval is up (a minute early, for the sweep)', () => {
    expect(isMailSyncDue({ scheduleMinutes: 15, lastSyncAt: null }, at('2026-11-23T10:00:00Z'))).toBe(true);
    const last = { scheduleMinutes: 15, lastSyncAt: '2026-11-23T10:00:05.000Z' };
    // A sync that ended at 10:00:05 is due at the 10:15 sweep, not at 10:13.
    expect(isMailSyncDue(last, at('2026-11-23T10:13:00Z'))).toBe(false);
    expect(isMailSyncDue(last, at('2026-11-23T10:15:00Z'))).toBe(true);
  });
});
