/**
 * The Today view: what is overdue, what is for today, and what is coming in the next seven days,
 * in the user's own calendar. While a pause after a "no" is running, items that push toward
 * more applying are held back (listed in `held`, not dropped) and come back when it ends.
 */
import { addDays, localDate } from '../dates.ts';
import { assertTimeZone, toInstant } from '../recovery/zoned-time.ts';
import { type DueItem, type DueItemKind, isDateOnly } from './due-item.ts';

export const UPCOMING_DAYS = 7;

/**
 * Kinds held back during a pause: the look back, its tasks and "this one has gone quiet"
 * prompts. Any item marked `nudge: true` is held too. Interviews, feedback emails, contact
 * touches and the pause's own end always show.
 */
export const HELD_DURING_COOL_OFF: readonly DueItemKind[] = ['post_mortem', 'action_item', 'likely_ghosted'];

/** Kinds that are moments rather than tasks: once past, they are not "overdue". */
const EVENT_KINDS: readonly DueItemKind[] = ['interview', 'cool_off_end'];

export interface TodayEntry extends DueItem {
  /** The local calendar day it is due. */
  dueOn: string;
}

export interface TodayView {
  /** The user's local date for `now`. */
  date: string;
  overdue: TodayEntry[];
  today: TodayEntry[];
  upcoming: TodayEntry[];
  /** Items kept back while a pause runs; shown again once it ends. */
  held: TodayEntry[];
  /** Items due more than seven days out (not listed). */
  laterCount: number;
  coolingOff: boolean;
  /** When the running pause ends (the latest, if several overlap). */
  coolOffEndsAt: string | null;
}

/**
 * The local day of each item. One formatter per build (creating an Intl formatter per item
 * dominated Today on large workspaces), with the day memoised per instant.
 */
function dayFinder(timeZone: string): (item: DueItem) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const seen = new Map<string, string>();
  return (item) => {
    if (isDateOnly(item)) return item.dueAt;
    let day = seen.get(item.dueAt);
    if (day === undefined) {
      const parts = format.formatToParts(new Date(item.dueAt));
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      day = `${get('year')}-${get('month')}-${get('day')}`;
      seen.set(item.dueAt, day);
    }
    return day;
  };
}

const COLLATOR = new Intl.Collator();

function compare(a: TodayEntry, b: TodayEntry, ms: ReadonlyMap<TodayEntry, number>): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const aTimed = ms.get(a) ?? 0;
  const bTimed = ms.get(b) ?? 0;
  if (aTimed !== bTimed) return aTimed - bTimed;
  // One shared collator: same order as localeCompare, without its per-call setup on thousands of ties.
  return COLLATOR.compare(a.title, b.title) || COLLATOR.compare(a.id, b.id);
}

/** The running pause's end, or null: a `cool_off_end` item whose window contains `now`. */
export function activeCoolOffEnd(items: readonly DueItem[], now: Date): string | null {
  let end: string | null = null;
  for (const item of items) {
    if (item.kind !== 'cool_off_end' || isDateOnly(item)) continue;
    const endsMs = Date.parse(item.dueAt);
    const startsMs = item.startsAt ? Date.parse(item.startsAt) : Number.NEGATIVE_INFINITY;
    if (startsMs <= now.getTime() && now.getTime() < endsMs && (end === null || endsMs > Date.parse(end))) {
      end = new Date(endsMs).toISOString();
    }
  }
  return end;
}

/** Sorts due items into overdue / today / next seven days for the user's time zone. */
export function buildToday(items: readonly DueItem[], now: string | Date, timeZone: string): TodayView {
  assertTimeZone(timeZone);
  const at = toInstant(now, 'now');
  const date = localDate(at, timeZone);
  const horizon = addDays(date, UPCOMING_DAYS);
  const coolOffEndsAt = activeCoolOffEnd(items, at);
  const view: TodayView = {
    date,
    overdue: [],
    today: [],
    upcoming: [],
    held: [],
    laterCount: 0,
    coolingOff: coolOffEndsAt !== null,
    coolOffEndsAt,
  };
  const dueOn = dayFinder(timeZone);
  const sortKeys = new Map<TodayEntry, number>();
  for (const item of items) {
    const entry: TodayEntry = { ...item, dueOn: dueOn(item) };
    if (!isDateOnly(item)) sortKeys.set(entry, Date.parse(item.dueAt));
    const isEvent = EVENT_KINDS.includes(item.kind);
    if (isEvent && entry.dueOn < date) continue;
    if (item.kind === 'cool_off_end' && !isDateOnly(item) && Date.parse(item.dueAt) <= at.getTime()) continue;
    if (entry.dueOn > horizon) {
      view.laterCount++;
      continue;
    }
    if (view.coolingOff && (item.nudge || HELD_DURING_COOL_OFF.includes(item.kind))) {
      view.held.push(entry);
    } else if (entry.dueOn < date) {
      view.overdue.push(entry);
    } else if (entry.dueOn === date) {
      view.today.push(entry);
    } else {
      view.upcoming.push(entry);
    }
  }
  for (const list of [view.overdue, view.today, view.upcoming, view.held])
    list.sort((a, b) => compare(a, b, sortKeys));
  return view;
}
