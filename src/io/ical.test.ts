import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../core/today/due-item.ts';
import { buildIcs, icsUid } from './ical.ts';

const items: DueItem[] = [
  { id: 'post_mortem:a1', kind: 'post_mortem', title: 'Look back on Acme', dueAt: '2026-03-09' },
  {
    id: 'interview:r1',
    kind: 'interview',
    title: 'Technical interview, Acme',
    dueAt: '2026-03-09T14:00:00Z',
    endsAt: '2026-03-09T15:00:00Z',
    detail: 'With Sam; bring notes, questions',
  },
  {
    id: 'feedback_send:a1',
    kind: 'feedback_send',
    title: 'Ask Acme for feedback',
    dueAt: '2026-10-25T00:30:00Z',
  },
];

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('buildIcs', () => {
  const text = buildIcs(items, {
    timeZone: 'America/New_York',
    name: 'Rebound',
    now: '2026-03-01T00:00:00Z',
  });

  it('is a calendar that ical.js reads back, one event per item', () => {
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(text).toContain('X-WR-TIMEZONE:America/New_York');
    expect(parse(text)).toHaveLength(3);
  });

  it('writes date-only items as all-day events on that date, ending the next day', () => {
    const [lookBack] = parse(text);
    expect(lookBack?.summary).toBe('Look back on Acme');
    expect(lookBack?.startDate.isDate).toBe(true);
    expect(lookBack?.startDate.toString()).toBe('2026-03-09');
    expect(lookBack?.endDate.toString()).toBe('2026-03-10');
  });

  it('writes timed items at their exact instant, with their end or a short default', () => {
    const [, interview, feedback] = parse(text);
    expect(interview?.startDate.isDate).toBe(false);
    expect(interview?.startDate.toJSDate().toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(interview?.endDate.toJSDate().toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(interview?.description).toBe('With Sam; bring notes, questions');
    expect(feedback?.startDate.toJSDate().toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(feedback?.endDate.toJSDate().toISOString()).toBe('2026-10-25T00:45:00.000Z');
  });

  it('gives stable UIDs so a re-import updates rather than duplicates', () => {
    const again = buildIcs([...items].reverse(), {
      timeZone: 'UTC',
      name: 'Rebound',
      now: '2026-04-01T00:00:00Z',
    });
    const uids = (t: string) =>
      parse(t)
        .map((e) => e.uid)
        .sort();
    expect(uids(again)).toEqual(uids(text));
    expect(uids(text)).toContain('interview:r1@rebound.local');
    expect(icsUid({ id: 'a b/c' })).toBe('a-b-c@rebound.local');
  });

  it('uses the given stamp, so the same input gives the same file', () => {
    const opts = { timeZone: 'America/New_York', name: 'Rebound', now: '2026-03-01T00:00:00Z' };
    expect(buildIcs(items, opts)).toBe(buildIcs(items, opts));
    expect(text).toContain('DTSTAMP:20260301T000000Z');
  });
});

describe('buildIcs: an interview set at a time of day', () => {
  const interview: DueItem = {
    id: 'interview:r9',
    kind: 'interview',
    title: 'Panel interview, Acme',
    dueAt: '2026-07-01T12:30:00.000Z',
    endsAt: '2026-07-01T13:15:00.000Z',
    timeZone: 'Europe/Paris',
  };
  const task: DueItem = {
    id: 'feedback_send:a1',
    kind: 'feedback_send',
    title: 'Ask',
    dueAt: '2026-07-02T08:00:00Z',
  };
  const text = buildIcs([interview, task, items[0]!], {
    timeZone: 'Europe/Paris',
    name: 'Rebound',
    now: '2026-06-01T00:00:00Z',
  });

  it('is written in the user’s zone with its VTIMEZONE; other timed items stay in UTC', () => {
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Paris');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260701T143000');
    expect(text).toContain('DTEND;TZID=Europe/Paris:20260701T151500');
    expect(text).toContain('DTSTART:20260702T080000Z');
    expect(text).toContain('DTSTART;VALUE=DATE:20260309');
  });
});
