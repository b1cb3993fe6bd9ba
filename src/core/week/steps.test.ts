import { describe, expect, it } from 'vitest';
import { describeStep, parseTime, parseWhen } from './steps.ts';

// The week of Monday 2026-11-23; "today" is Friday the 27th.
const WEEK = '2026-11-23';
const TODAY = '2026-11-27';

describe('parseWhen', () => {
  it('reads a weekday and a time as that day of the week meant', () => {
    expect(parseWhen('Tue 09:00', WEEK, TODAY)).toEqual({ day: '2026-11-24', time: '09:00' });
    expect(parseWhen('thursday 14', WEEK, TODAY)).toEqual({ day: '2026-11-26', time: '14:00' });
    expect(parseWhen('Sun 9.30', WEEK, TODAY)).toEqual({ day: '2026-11-29', time: '09:30' });
    expect(parseWhen('mo', WEEK, TODAY)).toEqual({ day: '2026-11-23', time: null });
  });

  it('reads today, tomorrow and a written date', () => {
    expect(parseWhen('today', WEEK, TODAY)).toEqual({ day: TODAY, time: null });
    expect(parseWhen('tomorrow 10:15', WEEK, TODAY)).toEqual({ day: '2026-11-28', time: '10:15' });
    expect(parseWhen('2026-12-01 08:00', WEEK, TODAY)).toEqual({ day: '2026-12-01', time: '08:00' });
  });

  it('names the field and says what it could not read', () => {
    expect(() => parseWhen('Blursday 9', WEEK, TODAY)).toThrow(
      'when: "Blursday" is not a day (use Mon…Sun, today, tomorrow or YYYY-MM-DD)',
    );
    expect(() => parseWhen('Tue 25:00', WEEK, TODAY)).toThrow(
      'when: "25:00" is not a time of day (use HH:MM, e.g. 09:00)',
    );
    expect(() => parseWhen('', WEEK, TODAY, 'to')).toThrow('to: write a day and an optional time');
    // "t" alone could be Tuesday or Thursday: refused rather than guessed.
    expect(() => parseWhen('t', WEEK, TODAY)).toThrow('is not a day');
  });
});

describe('parseTime', () => {
  it('writes times as HH:MM and refuses what is not a time of day', () => {
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('14h')).toBe('14:00');
    expect(parseTime('7:05')).toBe('07:05');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('noon')).toBeNull();
  });
});

describe('describeStep', () => {
  it('writes a step as one line: when, where, what, how long', () => {
    expect(
      describeStep({
        day: '2026-11-24',
        time: '09:00',
        where: 'library',
        what: '2 tailored applications',
        minutes: 90,
      }),
    ).toBe('Tuesday 09:00, library, 2 tailored applications, 90 min');
    expect(describeStep({ day: '2026-11-29', time: null, where: 'home', what: 'rest', minutes: 30 })).toBe(
      'Sunday, home, rest, 30 min',
    );
  });
});
