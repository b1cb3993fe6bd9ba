import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['45m', 45],
    ['90', 90],
    ['1h30', 90],
    ['1h 30min', 90],
    ['1:30', 90],
    ['1.5h', 90],
    ['2 hours', 120],
    [' 20 min ', 20],
    ['0.25h', 15],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it('says what it could not read and gives examples', () => {
    expect(() => parseDuration('an hour or so')).toThrow(
      'duration: "an hour or so" is not a duration Rebound can read; try 45m, 90, 1.5h or 1h30',
    );
    expect(() => parseDuration('')).toThrow('not a duration');
    expect(() => parseDuration('1h75')).toThrow('not a duration');
    expect(() => parseDuration('-30m')).toThrow('not a duration');
  });

  it('refuses zero and more than a day, naming the field', () => {
    expect(() => parseDuration('0m', 'minutes')).toThrow('minutes: "0m" is no time at all');
    expect(() => parseDuration('25h')).toThrow('more than a day');
  });
});
