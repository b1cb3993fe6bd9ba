import { describe, expect, it } from 'vitest';
import { isInWeek, weekOf } from './week.ts';

describe('weekOf', () => {
  it('starts weeks on Monday', () => {
    expect(weekOf('2026-11-18')).toEqual({
      weekStart: '2026-11-16',
      weekEnd: '2026-11-22',
      isoYear: 2026,
      isoWeek: 47,
      label: '2026-W47',
    });
    expect(weekOf('2026-11-22').weekStart).toBe('2026-11-16');
    expect(weekOf('2026-11-16').weekStart).toBe('2026-11-16');
  });

  it('handles weeks that cross a year end the ISO way', () => {
    expect(weekOf('2027-01-01')).toMatchObject({ weekStart: '2026-12-28', isoYear: 2026, isoWeek: 53 });
    expect(weekOf('2024-12-30')).toMatchObject({ isoYear: 2025, isoWeek: 1, label: '2025-W01' });
    expect(weekOf('2021-01-03')).toMatchObject({ isoYear: 2020, isoWeek: 53 });
  });

  it('tells whether a day is inside a week', () => {
    expect(isInWeek('2026-11-22', '2026-11-16')).toBe(true);
    expect(isInWeek('2026-11-23', '2026-11-16')).toBe(false);
  });
});
