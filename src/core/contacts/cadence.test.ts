import { describe, expect, it } from 'vitest';
import { localDate } from '../dates.ts';
import { isWeekend, localTime } from '../recovery/zoned-time.ts';
import {
  type Cadence,
  connectionDueAt,
  firstTouches,
  nextTouches,
  planCadence,
  stopCadence,
} from './cadence.ts';

const NY = 'America/New_York';

describe('planCadence', () => {
  it('applies the defaults and refuses odd settings', () => {
    const c = planCadence({ startAt: '2026-03-06T20:00:00Z', timeZone: NY });
    expect(c).toEqual({
      startAt: '2026-03-06T20:00:00.000Z',
      timeZone: NY,
      connectAfterDays: 3,
      valueEveryDays: 90,
      stoppedAt: null,
    });
    expect(() => planCadence({ startAt: '2026-03-06T20:00:00Z', timeZone: 'Nowhere/Land' })).toThrow(
      /^timeZone:/,
    );
    expect(() => planCadence({ startAt: '2026-03-06T20:00:00Z', timeZone: NY, valueEveryDays: 3 })).toThrow(
      /^valueEveryDays:/,
    );
  });
});

describe('first touches', () => {
  it('thanks now, connects three local days later at 09:00 (after the US DST change), then a value touch', () => {
    // Friday 6 March 2026, 15:00 in New York; clocks go forward on Sunday 8 March.
    const touches = firstTouches(planCadence({ startAt: '2026-03-06T20:00:00Z', timeZone: NY }));
    expect(touches.map((t) => [t.kind, t.dueAt])).toEqual([
      ['thank_you', '2026-03-06T20:00:00.000Z'],
      ['connection_request', '2026-03-09T13:00:00.000Z'], // Monday 09:00 EDT
      ['value', '2026-06-08T13:00:00.000Z'], // 91 days, moved off Sunday
    ]);
  });

  it('moves a connection request that lands on Saturday to Monday 09:00 local', () => {
    // Wednesday 21 October 2026, 18:00 London → +3 days = Saturday 24th → Monday 26th (after the clocks go back).
    const c = planCadence({ startAt: '2026-10-21T17:00:00Z', timeZone: 'Europe/London' });
    expect(connectionDueAt(c)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('uses the local calendar day, not the UTC one', () => {
    // 23:30 on Monday in New York is already Tuesday in UTC.
    const c = planCadence({ startAt: '2026-05-05T03:30:00Z', timeZone: NY });
    expect(connectionDueAt(c)).toBe('2026-05-07T13:00:00.000Z'); // Thursday 09:00 EDT
  });

  it('always places scheduled touches at 09:00 local on a weekday', () => {
    const c = planCadence({
      startAt: '2026-01-02T12:00:00Z',
      timeZone: 'Australia/Sydney',
      valueEveryDays: 30,
    });
    const touches = nextTouches(c, [], c.startAt, 400).filter((t) => t.kind !== 'thank_you');
    expect(touches.length).toBeGreaterThan(10);
    for (const t of touches) {
      const at = new Date(t.dueAt);
      expect(localTime(at, c.timeZone)).toBe('09:00');
      expect(isWeekend(localDate(at, c.timeZone))).toBe(false);
    }
  });
});

describe('nextTouches', () => {
  const cadence: Cadence = planCadence({ startAt: '2026-03-06T20:00:00Z', timeZone: NY });

  it('drops touches once they are done and shows a missed one as overdue, once', () => {
    const now = '2026-03-20T12:00:00Z';
    const touches = nextTouches(cadence, [{ kind: 'thank_you', at: '2026-03-06T21:00:00Z' }], now);
    expect(touches).toEqual([
      {
        key: 'connection_request',
        kind: 'connection_request',
        dueAt: '2026-03-09T13:00:00.000Z',
        overdue: true,
      },
    ]);
  });

  it('keeps going long after the application closed, one value touch at a time', () => {
    const interactions = [
      { kind: 'thank_you' as const, at: '2026-03-06T21:00:00Z' },
      { kind: 'connection_request' as const, at: '2026-03-09T14:00:00Z' },
    ];
    const nextYear = nextTouches(cadence, interactions, '2027-03-01T12:00:00Z', 60);
    // Several value touches were missed over the year; only the latest missed one shows.
    expect(nextYear.filter((t) => t.overdue)).toHaveLength(1);
    expect(nextYear.some((t) => !t.overdue && t.kind === 'value')).toBe(true);
    expect(nextYear.every((t) => t.kind === 'value')).toBe(true);
  });

  it('restarts the value rhythm from the latest contact of any kind', () => {
    const interactions = [
      { kind: 'thank_you' as const, at: '2026-03-06T21:00:00Z' },
      { kind: 'connection_request' as const, at: '2026-03-09T14:00:00Z' },
      { kind: 'other' as const, at: '2026-05-01T15:00:00Z' }, // they replied to a post; a Friday
    ];
    const [next] = nextTouches(cadence, interactions, '2026-06-01T12:00:00Z', 120);
    expect(next?.dueAt).toBe('2026-07-30T13:00:00.000Z'); // 1 May + 90 days, Thursday 09:00 EDT
  });

  it('stops only when the user stops it', () => {
    const stopped = stopCadence(cadence, '2026-04-01T00:00:00Z');
    expect(nextTouches(stopped, [], '2026-04-02T00:00:00Z', 365)).toEqual([]);
    // Before the stop, touches due before it still show, and nothing after it.
    const before = nextTouches(stopped, [], '2026-03-07T00:00:00Z', 365);
    expect(before.map((t) => t.kind)).toEqual(['thank_you', 'connection_request']);
  });
});
