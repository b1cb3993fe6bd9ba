/**
 * Wall-clock helpers for the recovery loop: turning "09:00 on a local calendar day in the user's
 * zone" into an instant and back, with DST handled by the runtime's IANA data (Intl).
 */
import { addDays, localDate } from '../dates.ts';
import { ReboundError } from '../errors.ts';

/** Parses an ISO instant (or a Date) and refuses anything that is not a real moment. */
export function toInstant(value: string | Date, path = 'at'): Date {
  const d = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new ReboundError('invalid_input', `${path}: not a date-time: ${String(value)}`, [
      { path, message: 'expected an ISO date-time such as 2026-03-07T10:00:00Z' },
    ]);
  }
  return d;
}

/** Refuses names the runtime's time-zone database does not know ("Mars/Olympus"). */
export function assertTimeZone(timeZone: string, path = 'timeZone'): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
  } catch {
    throw new ReboundError('invalid_input', `${path}: unknown time zone "${timeZone}"`, [
      { path, message: 'expected an IANA time zone such as Europe/London' },
    ]);
  }
}

/** One formatter per zone and kind: building one costs tens of microseconds, using it a few. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(
  formatters: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = make();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds that `timeZone` is ahead of UTC at `instantMs`. */
function offsetMs(instantMs: number, timeZone: string): number {
  const parts = cached(
    offsetFormatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - (instantMs - (instantMs % 1000));
}

/**
 * The instant at which the clock in `timeZone` shows `time` (HH:MM) on `date` (YYYY-MM-DD).
 * A time skipped by a spring-forward jump lands just after the jump.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const [y, mo, d] = date.split('-').map(Number);
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, m ?? 0);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(Math.max(first, second));
}

/** The local wall-clock time (HH:MM) of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  return cached(
    timeFormatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(instant);
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD calendar day. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** True on Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** `date` itself on a weekday, otherwise the Monday after. */
export function nextWorkingDay(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/** `date` itself on a weekday, otherwise the Friday before. */
export function previousWorkingDay(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

/** Moves `instant` by `days` local calendar days, keeping its wall-clock time in `timeZone`. */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  return zonedInstant(addDays(localDate(instant, timeZone), days), localTime(instant, timeZone), timeZone);
}
