import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseLooseDate } from './loose-date.ts';

describe('parseLooseDate', () => {
  it.each([
    ['2023-07-06', '2023-07-06'],
    ['2023-07-06 14:20', '2023-07-06'],
    ['2023-07-06T14:20:00Z', '2023-07-06'],
    ['7/6/23, 2:20 PM', '2023-07-06'],
    ['06/07/2023', '2023-06-07'],
    ['25/06/2023', '2023-06-25'],
    ['6.7.2023', '2023-07-06'],
    ['6 Jul 2023', '2023-07-06'],
    ['06-Jul-23', '2023-07-06'],
    ['July 6, 2023', '2023-07-06'],
    ['Thursday, July 6 2023', '2023-07-06'],
    ['3 Sept 2023', '2023-09-03'],
    ['45113', '2023-07-06'],
  ])('reads %s', (input, expected) => {
    expect(parseLooseDate(input)).toBe(expected);
  });

  it.each(['', '   ', 'N/A', 'n/a', '-', 'TBD', 'soon', '31/31/2024', '2023-02-30', '123'])(
    'gives null for %j',
    (input) => {
      expect(parseLooseDate(input)).toBeNull();
    },
  );

  it('reads a slashed date day-first when told the column is day-first', () => {
    expect(parseLooseDate('03/04/2023', 'dmy')).toBe('2023-04-03');
    expect(parseLooseDate('03/04/2023')).toBe('2023-03-04');
  });
});

describe('detectDateOrder', () => {
  it('is day-first only when a first part is over 12 and no second part is', () => {
    expect(detectDateOrder(['03/04/2023', '25/04/2023'])).toBe('dmy');
    expect(detectDateOrder(['03/04/2023', '04/25/2023'])).toBe('mdy');
    expect(detectDateOrder(['2023-04-25', '6 Jul 2023'])).toBe('mdy');
  });
});
