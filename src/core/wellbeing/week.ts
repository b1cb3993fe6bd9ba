import { addDays, daysBetween } from '../dates.ts';

export interface IsoWeek {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string;
  /** Sunday of the week, YYYY-MM-DD. */
  weekEnd: string;
  isoYear: number;
  isoWeek: number;
  /** "2026-W47" */
  label: string;
}

function weekday(date: string): number {
  // 1970-01-05 was a Monday; 0 = Monday … 6 = Sunday.
  return ((daysBetween('1970-01-05', date) % 7) + 7) % 7;
}

/** The ISO week (Monday to Sunday) a calendar day falls in, with its ISO year and number. */
export function weekOf(date: string): IsoWeek {
  const weekStart = addDays(date, -weekday(date));
  const thursday = addDays(weekStart, 3);
  const isoYear = Number(thursday.slice(0, 4));
  const isoWeek = Math.floor(daysBetween(`${isoYear}-01-01`, thursday) / 7) + 1;
  return {
    weekStart,
    weekEnd: addDays(weekStart, 6),
    isoYear,
    isoWeek,
    label: `${isoYear}-W${String(isoWeek).padStart(2, '0')}`,
  };
}

/** True when `date` falls in the week that starts on `weekStart`. */
export function isInWeek(date: string, weekStart: string): boolean {
  return date >= weekStart && date <= addDays(weekStart, 6);
}
