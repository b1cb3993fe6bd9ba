import { describe, expect, it } from 'vitest';
import { interviewDueItem, isDateOnly } from './due-item.ts';

const round = { id: 'r1', applicationId: 'a1', number: 2, kind: 'technical' as const, who: 'Sam' };

describe('interviewDueItem', () => {
  it('makes a timed item an hour long for a scheduled time', () => {
    const item = interviewDueItem(
      { ...round, scheduledAt: '2026-03-09T14:00:00Z' },
      { company: 'Acme', role: 'Analyst' },
    );
    expect(item).toEqual({
      id: 'interview:r1',
      kind: 'interview',
      title: 'Technical interview (round 2): Analyst at Acme',
      dueAt: '2026-03-09T14:00:00Z',
      endsAt: '2026-03-09T15:00:00.000Z',
      applicationId: 'a1',
      detail: 'With Sam',
    });
  });

  it('makes a day item for a date without a time, and nothing for an unscheduled round', () => {
    const item = interviewDueItem(
      { ...round, scheduledAt: '2026-03-09' },
      { company: 'Acme', role: 'Analyst' },
    );
    expect(item && isDateOnly(item)).toBe(true);
    expect(item?.endsAt).toBeUndefined();
    expect(
      interviewDueItem({ ...round, scheduledAt: null }, { company: 'Acme', role: 'Analyst' }),
    ).toBeUndefined();
  });
});

describe('interviewDueItem with a start time', () => {
  it('places a wall-clock time in the user’s zone, for its length', () => {
    const item = interviewDueItem(
      { ...round, scheduledAt: '2026-07-01', startTime: '14:30', durationMinutes: 45 },
      { company: 'Acme', role: 'Analyst' },
      'Europe/Paris',
    );
    expect(item).toMatchObject({
      dueAt: '2026-07-01T12:30:00.000Z',
      endsAt: '2026-07-01T13:15:00.000Z',
      timeZone: 'Europe/Paris',
    });
    const winter = interviewDueItem(
      { ...round, scheduledAt: '2026-01-15', startTime: '09:00' },
      { company: 'Acme', role: 'Analyst' },
      'America/New_York',
    );
    expect(winter).toMatchObject({ dueAt: '2026-01-15T14:00:00.000Z', endsAt: '2026-01-15T15:00:00.000Z' });
  });
});
