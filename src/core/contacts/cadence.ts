/**
 * Keeping the door open. After a process ends, Rebound suggests a thank-you right away, a
 * connection request a few days later, then a small "thought of you" touch every few months.
 * The rhythm belongs to the person, not the application: it carries on after the application is
 * closed and stops only when the user stops it. A missed touch is shown once, never piled up.
 */
import { addDays, localDate } from '../dates.ts';
import { ReboundError } from '../errors.ts';
import { assertTimeZone, nextWorkingDay, toInstant, zonedInstant } from '../recovery/zoned-time.ts';

export const TOUCH_KINDS = ['thank_you', 'connection_request', 'value'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** Local time of day scheduled touches are placed at. */
export const TOUCH_TIME = '09:00';

export interface CadenceInput {
  /** ISO instant the cadence starts (usually when the process ended). */
  startAt: string;
  /** The user's IANA time zone; touches land at 09:00 on local weekdays. */
  timeZone: string;
  connectAfterDays?: number;
  valueEveryDays?: number;
}

export interface Cadence {
  startAt: string;
  timeZone: string;
  connectAfterDays: number;
  valueEveryDays: number;
  /** Set by `stopCadence`; nothing is due after it. */
  stoppedAt: string | null;
}

export interface PlannedTouch {
  /** `thank_you`, `connection_request` or `value:<YYYY-MM-DD>`. */
  key: string;
  kind: TouchKind;
  dueAt: string;
  /** True when it was due before `now` and has not been done. */
  overdue: boolean;
}

/** Something the user did with the contact; `other` is any other contact (a chat, a reply). */
export interface Interaction {
  kind: TouchKind | 'other';
  at: string;
}

function checkRange(value: number, min: number, max: number, path: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ReboundError('invalid_input', `${path}: choose a whole number of days from ${min} to ${max}`, [
      { path, message: `expected ${min}–${max}, got ${value}` },
    ]);
  }
  return value;
}

/** Settles a cadence's settings (defaults: connect after 3 days, a value touch every 90). */
export function planCadence(input: CadenceInput): Cadence {
  assertTimeZone(input.timeZone);
  return {
    startAt: toInstant(input.startAt, 'startAt').toISOString(),
    timeZone: input.timeZone,
    connectAfterDays: checkRange(input.connectAfterDays ?? 3, 1, 30, 'connectAfterDays'),
    valueEveryDays: checkRange(input.valueEveryDays ?? 90, 14, 365, 'valueEveryDays'),
    stoppedAt: null,
  };
}

/** The cadence, stopped from `at` on. Only the user calls this; closing an application does not. */
export function stopCadence(cadence: Cadence, at: string | Date): Cadence {
  return { ...cadence, stoppedAt: toInstant(at, 'stoppedAt').toISOString() };
}

/** The local day, moved off the weekend, at 09:00 in the cadence's zone. */
function touchInstant(date: string, timeZone: string): string {
  return zonedInstant(nextWorkingDay(date), TOUCH_TIME, timeZone).toISOString();
}

/** The connection request's due instant: `connectAfterDays` local days after the start, 09:00, a weekday. */
export function connectionDueAt(cadence: Cadence): string {
  const startDay = localDate(new Date(cadence.startAt), cadence.timeZone);
  return touchInstant(addDays(startDay, cadence.connectAfterDays), cadence.timeZone);
}

/** The first three touches of a fresh cadence, for showing the plan when it is set up. */
export function firstTouches(cadence: Cadence): PlannedTouch[] {
  return nextTouches(cadence, [], cadence.startAt, cadence.connectAfterDays + cadence.valueEveryDays + 4);
}

/**
 * The touches due from now until `horizonDays` ahead, with at most one overdue touch of each kind.
 * Value touches run every `valueEveryDays` from the latest contact of any kind (or from the
 * connection request's date), each on a local weekday at 09:00.
 */
export function nextTouches(
  cadence: Cadence,
  interactions: readonly Interaction[],
  now: string | Date,
  horizonDays = 30,
): PlannedTouch[] {
  const nowMs = toInstant(now, 'now').getTime();
  if (cadence.stoppedAt && Date.parse(cadence.stoppedAt) <= nowMs) return [];
  const endMs = Math.min(
    nowMs + horizonDays * 86_400_000,
    cadence.stoppedAt ? Date.parse(cadence.stoppedAt) - 1 : Number.POSITIVE_INFINITY,
  );
  const done = (kind: TouchKind) => interactions.some((i) => i.kind === kind);
  const out: PlannedTouch[] = [];
  const add = (key: string, kind: TouchKind, dueAt: string) => {
    const at = Date.parse(dueAt);
    if (at <= endMs) out.push({ key, kind, dueAt, overdue: at < nowMs });
  };

  if (!done('thank_you')) add('thank_you', 'thank_you', cadence.startAt);
  const connectAt = connectionDueAt(cadence);
  if (!done('connection_request')) add('connection_request', 'connection_request', connectAt);

  const tz = cadence.timeZone;
  const lastContact = interactions.reduce(
    (max, i) => Math.max(max, toInstant(i.at, 'interactions.at').getTime()),
    0,
  );
  const anchorMs = Math.max(Date.parse(connectAt), lastContact);
  const anchorDay = localDate(new Date(anchorMs), tz);
  let previous: string | null = null;
  for (let k = 1; ; k++) {
    const dueAt = touchInstant(addDays(anchorDay, k * cadence.valueEveryDays), tz);
    const at = Date.parse(dueAt);
    if (at > endMs) break;
    if (at < nowMs) {
      previous = dueAt;
      continue;
    }
    if (previous) {
      add(`value:${localDate(new Date(previous), tz)}`, 'value', previous);
      previous = null;
    }
    add(`value:${localDate(new Date(at), tz)}`, 'value', dueAt);
  }
  if (previous) add(`value:${localDate(new Date(previous), tz)}`, 'value', previous);
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
