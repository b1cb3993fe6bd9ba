import { CHANNEL_LABELS, type Channel } from '../applications/application.ts';
import { PLAN_CHANNELS } from '../channels/plan.ts';
import { addDays, daysBetween, isIsoDate } from '../dates.ts';
import { ReboundError } from '../errors.ts';
import { weekOf } from '../wellbeing/week.ts';

/** What a step serves: one of the plan's channels, or "other" (admin, rest of the search). */
export const STEP_CHANNELS = [...PLAN_CHANNELS, 'other'] as const;
export type StepChannel = (typeof STEP_CHANNELS)[number];

/** `planned` until it is done or let go. A move keeps the step planned and remembers where it was. */
export const STEP_STATUSES = ['planned', 'done', 'dropped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * One if-then step of a weekly plan: when (a day and an optional time), where, what, for how
 * long, and the channel it serves. Written this concretely because plans that say when and where
 * are the ones people carry out (see the evidence page, #plan).
 */
export interface WeekStep {
  id: string;
  /** Monday of the week the step belongs to (follows `day`). */
  weekStart: string;
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM in the user's zone, or null for "some time that day". */
  time: string | null;
  where: string;
  what: string;
  minutes: number;
  channel: StepChannel;
  status: StepStatus;
  /** The day it was first planned for, when it has been moved since; null when never moved. */
  movedFrom: string | null;
  /** When it was marked done or let go (ISO instant). */
  settledAt: string | null;
  createdAt: string;
}

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** "Tuesday 09:00, library, 2 tailored applications, 90 min": the step as one line. */
export function describeStep(step: Pick<WeekStep, 'day' | 'time' | 'where' | 'what' | 'minutes'>): string {
  const weekday = WEEKDAYS[weekdayIndex(step.day)];
  return `${weekday}${step.time ? ` ${step.time}` : ''}, ${step.where}, ${step.what}, ${step.minutes} min`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return daysBetween(weekOf(date).weekStart, date);
}

const TIME = /^([01]?\d|2[0-3])[:.h]?([0-5]\d)?$/i;

/** Reads "9", "9:00", "09.30", "14h" as HH:MM; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
}

/**
 * Reads when a step happens, as a person writes it: "Tue 09:00", "tuesday 9", "Thu",
 * "2026-12-01 14:30" or "today". A weekday means that day of the week starting `weekStart`.
 * Throws `invalid_input` naming the field when it cannot tell.
 */
export function parseWhen(
  text: string,
  weekStart: string,
  today: string,
  field = 'when',
): { day: string; time: string | null } {
  const words = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  const fail = (why: string) =>
    new ReboundError('invalid_input', `${field}: ${why}`, [{ path: field, message: why }]);
  if (words.length === 0 || words.length > 2)
    throw fail('write a day and an optional time, e.g. "Tue 09:00"');
  const [dayWord, timeWord] = words as [string, string | undefined];
  let day: string | undefined;
  const lower = dayWord.toLowerCase();
  if (isIsoDate(dayWord)) day = dayWord;
  else if (lower === 'today') day = today;
  else if (lower === 'tomorrow') day = addDays(today, 1);
  else {
    const i = WEEKDAYS.findIndex((w) => lower.length >= 2 && w.toLowerCase().startsWith(lower));
    if (i >= 0) day = addDays(weekStart, i);
  }
  if (!day) throw fail(`"${dayWord}" is not a day (use Mon…Sun, today, tomorrow or YYYY-MM-DD)`);
  if (timeWord === undefined) return { day, time: null };
  const time = parseTime(timeWord);
  if (!time) throw fail(`"${timeWord}" is not a time of day (use HH:MM, e.g. 09:00)`);
  return { day, time };
}

/** The channel's name for people ("Job board", "Other"). */
export function stepChannelLabel(channel: StepChannel): string {
  return CHANNEL_LABELS[channel as Channel];
}
