import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors.ts';
import {
  addLocalDays,
  assertTimeZone,
  isWeekend,
  localTime,
  nextWorkingDay,
  previousWorkingDay,
  toInstant,
  zonedInstant,
} from './zoned-time.ts';

describe('zonedInstant', () => {
  it('places 09:00 New York in EST before the March change and EDT after it', () => {
    expect(zonedInstant('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(zonedInstant('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('places 09:00 London in BST before the October change and GMT after it', () => {
    expect(zonedInstant('2026-10-24', '09:00', 'Europe/London').toISOString()).toBe(
      '2026-10-24T08:00:00.000Z',
    );
    expect(zonedInstant('2026-10-26', '09:00', 'Europe/London').toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('handles zones east of UTC where the local day starts on the UTC day before', () => {
    expect(zonedInstant('2026-05-04', '09:00', 'Pacific/Auckland').toISOString()).toBe(
      '2026-05-03T21:00:00.000Z',
    );
    expect(zonedInstant('2026-05-04', '09:00', 'Asia/Kolkata').toISOString()).toBe(
      '2026-05-04T03:30:00.000Z',
    );
  });

  it('moves a wall time skipped by spring-forward to just after the jump', () => {
    const at = zonedInstant('2026-03-08', '02:30', 'America/New_York');
    expect(localTime(at, 'America/New_York')).toBe('03:30');
  });
});

describe('addLocalDays', () => {
  it('keeps the wall-clock time across a DST change', () => {
    const sat = new Date('2026-03-07T15:00:00Z'); // 10:00 EST
    const plus2 = addLocalDays(sat, 2, 'America/New_York');
    expect(plus2.toISOString()).toBe('2026-03-09T14:00:00.000Z'); // 10:00 EDT
  });
});

describe('working days', () => {
  it('knows weekends and moves off them in both directions', () => {
    expect(isWeekend('2026-03-07')).toBe(true);
    expect(isWeekend('2026-03-09')).toBe(false);
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(nextWorkingDay('2026-03-10')).toBe('2026-03-10');
    expect(previousWorkingDay('2026-03-08')).toBe('2026-03-06');
  });
});

describe('input checks', () => {
  it('refuses unknown zones and non-dates with the field name', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow('timeZone: unknown time zone "Mars/Olympus"');
    expect(() => toInstant('yesterday', 'rejectedAt')).toThrow(ReboundError);
    expect(() => toInstant('yesterday', 'rejectedAt')).toThrow(/^rejectedAt:/);
  });
});
