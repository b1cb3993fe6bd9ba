import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors.ts';
import { coolOffWindow, isInCoolOff, JOURNAL_PROMPTS } from './cool-off.ts';
import { localTime } from './zoned-time.ts';

describe('coolOffWindow', () => {
  it('defaults to 48 hours from the moment the news arrived', () => {
    expect(coolOffWindow('2026-05-12T16:30:00Z')).toEqual({
      startsAt: '2026-05-12T16:30:00.000Z',
      endsAt: '2026-05-14T16:30:00.000Z',
      skipped: false,
    });
  });

  it('counts real hours across the US spring change (Saturday before DST in New York)', () => {
    // Saturday 7 March 2026, 10:00 EST; clocks go forward on Sunday.
    const w = coolOffWindow('2026-03-07T15:00:00Z', 48);
    expect(w.endsAt).toBe('2026-03-09T15:00:00.000Z');
    expect(localTime(new Date(w.endsAt), 'America/New_York')).toBe('11:00');
  });

  it('counts real hours across the October change in London', () => {
    // Saturday 24 October 2026, 18:00 BST; clocks go back on Sunday.
    const w = coolOffWindow('2026-10-24T17:00:00Z', 24);
    expect(w.endsAt).toBe('2026-10-25T17:00:00.000Z');
    expect(localTime(new Date(w.endsAt), 'Europe/London')).toBe('17:00');
  });

  it('accepts the edges 24 and 72 and refuses hours outside them, naming coolOffHours', () => {
    expect(coolOffWindow('2026-05-12T00:00:00Z', 24).endsAt).toBe('2026-05-13T00:00:00.000Z');
    expect(coolOffWindow('2026-05-12T00:00:00Z', 72).endsAt).toBe('2026-05-15T00:00:00.000Z');
    for (const bad of [23, 73, 0, Number.NaN]) {
      try {
        coolOffWindow('2026-05-12T00:00:00Z', bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ReboundError);
        expect((error as ReboundError).code).toBe('invalid_input');
        expect((error as ReboundError).details[0]?.path).toBe('coolOffHours');
      }
    }
  });

  it('skipping gives an empty window that is never active', () => {
    const w = coolOffWindow('2026-05-12T16:30:00Z', 'skip');
    expect(w.skipped).toBe(true);
    expect(isInCoolOff(w, '2026-05-12T16:30:00Z')).toBe(false);
  });
});

describe('isInCoolOff', () => {
  it('is true from the start up to, but not at, the end', () => {
    const w = coolOffWindow('2026-05-12T16:30:00Z', 48);
    expect(isInCoolOff(w, '2026-05-12T16:29:59Z')).toBe(false);
    expect(isInCoolOff(w, '2026-05-12T16:30:00Z')).toBe(true);
    expect(isInCoolOff(w, '2026-05-14T16:29:59Z')).toBe(true);
    expect(isInCoolOff(w, '2026-05-14T16:30:00Z')).toBe(false);
  });
});

describe('JOURNAL_PROMPTS', () => {
  it('asks how the user feels and what went well, with unique keys', () => {
    const keys = JOURNAL_PROMPTS.map((p) => p.key);
    expect(keys).toContain('feeling');
    expect(keys).toContain('went_well');
    expect(new Set(keys).size).toBe(keys.length);
  });
});
