import { describe, expect, it } from 'vitest';
import { coolOffWindow } from '../recovery/cool-off.ts';
import { buildToday } from './build-today.ts';
import type { DueItem } from './due-item.ts';

const NY = 'America/New_York';
const ids = (list: { id: string }[]) => list.map((i) => i.id);

function item(id: string, dueAt: string, extra: Partial<DueItem> = {}): DueItem {
  return { id, kind: 'action_item', title: id, dueAt, ...extra };
}

describe('buildToday', () => {
  it('sorts items into overdue, today and the next seven days in the user’s calendar', () => {
    const now = '2026-05-06T02:00:00Z'; // Tuesday 5 May, 22:00 in New York
    const view = buildToday(
      [
        item('late', '2026-05-04'),
        item('tonight-utc-tomorrow', '2026-05-06T01:00:00Z'), // 21:00 on the 5th in New York
        item('today-day', '2026-05-05'),
        item('tomorrow', '2026-05-06T13:00:00Z'),
        item('in-a-week', '2026-05-12'),
        item('too-far', '2026-05-13'),
      ],
      now,
      NY,
    );
    expect(view.date).toBe('2026-05-05');
    expect(ids(view.overdue)).toEqual(['late']);
    expect(ids(view.today)).toEqual(['today-day', 'tonight-utc-tomorrow']);
    expect(ids(view.upcoming)).toEqual(['tomorrow', 'in-a-week']);
    expect(view.laterCount).toBe(1);
    expect(view.coolingOff).toBe(false);
  });

  it('reads the same instants differently in London', () => {
    const view = buildToday([item('x', '2026-05-06T01:00:00Z')], '2026-05-06T02:00:00Z', 'Europe/London');
    expect(view.date).toBe('2026-05-06');
    expect(ids(view.today)).toEqual(['x']);
  });

  it('orders a day: all-day items first, then by time, then by title', () => {
    const view = buildToday(
      [
        item('b-late', '2026-05-05T20:00:00Z'),
        item('a-early', '2026-05-05T13:00:00Z'),
        item('day-2', '2026-05-05', { title: 'Zebra' }),
        item('day-1', '2026-05-05', { title: 'Apple' }),
      ],
      '2026-05-05T12:00:00Z',
      NY,
    );
    expect(ids(view.today)).toEqual(['day-1', 'day-2', 'a-early', 'b-late']);
  });

  it('does not call a past interview overdue', () => {
    const view = buildToday(
      [item('old-interview', '2026-05-01T14:00:00Z', { kind: 'interview' }), item('old-task', '2026-05-01')],
      '2026-05-05T12:00:00Z',
      NY,
    );
    expect(ids(view.overdue)).toEqual(['old-task']);
  });

  describe('during a pause', () => {
    // News arrived Saturday 7 March 2026 at 10:00 in New York, the weekend the clocks change.
    const w = coolOffWindow('2026-03-07T15:00:00Z', 48);
    const pause: DueItem = {
      id: 'cool:a1',
      kind: 'cool_off_end',
      title: 'Your pause ends',
      dueAt: w.endsAt,
      startsAt: w.startsAt,
    };
    const items: DueItem[] = [
      pause,
      item('apply-two', '2026-03-08', { kind: 'contact_touch', nudge: true, title: 'Apply to two roles' }),
      item('look-back', '2026-03-09', { kind: 'post_mortem' }),
      item('quiet', '2026-03-08', { kind: 'likely_ghosted' }),
      item('task', '2026-03-08'),
      item('send-feedback', w.endsAt, { kind: 'feedback_send' }),
      item('interview', '2026-03-10T14:00:00Z', { kind: 'interview' }),
    ];

    it('holds back nudges and the look back, but keeps interviews, feedback and the pause itself', () => {
      const view = buildToday(items, '2026-03-08T15:00:00Z', NY);
      expect(view.coolingOff).toBe(true);
      expect(view.coolOffEndsAt).toBe('2026-03-09T15:00:00.000Z');
      expect(ids(view.held)).toEqual(['apply-two', 'quiet', 'task', 'look-back']);
      expect(ids(view.today)).toEqual([]);
      expect(ids(view.upcoming)).toEqual(['send-feedback', 'cool:a1', 'interview']); // same instant: by title
    });

    it('brings everything back once the pause has ended', () => {
      const view = buildToday(items, '2026-03-09T15:00:00Z', NY);
      expect(view.coolingOff).toBe(false);
      expect(view.held).toEqual([]);
      expect(ids(view.overdue)).toEqual(['apply-two', 'quiet', 'task']);
      expect(ids(view.today)).toEqual(['look-back', 'send-feedback']);
    });

    it('does not start before the pause does', () => {
      expect(buildToday(items, '2026-03-07T14:00:00Z', NY).coolingOff).toBe(false);
    });
  });

  it('refuses an unknown time zone', () => {
    expect(() => buildToday([], '2026-05-05T12:00:00Z', 'Somewhere/Else')).toThrow(/^timeZone:/);
    // Formatters are kept per zone; an unknown zone is never kept, so it is refused every time.
    expect(() => buildToday([], '2026-05-05T12:00:00Z', 'Somewhere/Else')).toThrow(/^timeZone:/);
  });
});
