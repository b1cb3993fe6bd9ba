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
const HELD_KINDS: ReadonlySet<DueItemKind> = new Set(HELD_DURING_COOL_OFF);

/** Kinds that are moments rather than tasks: once past, they are not "overdue". */
const EVENT_KINDS: ReadonlySet<DueItemKind> = new Set(['interview', 'cool_off_end']);

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

/** Where an item falls: its local day, and its instant (0 for a day item, so it sorts first). */
interface Placement {
  dueOn: string;
  ms: number;
  isDateOnly: boolean;
}

// Building a formatter costs tens of microseconds and checks the zone; one per zone is enough.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    assertTimeZone(timeZone);
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, format);
  }
  return format;
}

/**
 * The placement of each item, worked out once per distinct `dueAt`: thousands of items share a
 * few dozen instants and days, and the Intl call dominated Today on large workspaces.
 */
function placer(format: Intl.DateTimeFormat): (dueAt: string) => Placement {
  const seen = new Map<string, Placement>();
  return (dueAt) => {
    let placement = seen.get(dueAt);
    if (placement === undefined) {
      if (isDateOnly({ dueAt })) {
        placement = { dueOn: dueAt, ms: 0, isDateOnly: true };
      } else {
        const ms = Date.parse(dueAt);
        const parts = format.formatToParts(ms);
        const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
        placement = { dueOn: `${get('year')}-${get('month')}-${get('day')}`, ms, isDateOnly: false };
      }
      seen.set(dueAt, placement);
    }
    return placement;
  };
}

// Made on the first sort, not at module load: ICU's collator takes several milliseconds to set
// up, and every server start loads this module.
let collator: Intl.Collator | undefined;

interface Placed {
  entry: TodayEntry;
  ms: number;
}

function compare(a: Placed, b: Placed): number {
  const x = a.entry;
  const y = b.entry;
  if (x.dueOn !== y.dueOn) return x.dueOn < y.dueOn ? -1 : 1;
  if (a.ms !== b.ms) return a.ms - b.ms;
  // One shared collator: same order as localeCompare, without its per-call setup on thousands of ties.
  collator ??= new Intl.Collator();
  return collator.compare(x.title, y.title) || collator.compare(x.id, y.id);
}

function sorted(list: Placed[]): TodayEntry[] {
  list.sort(compare);
  return list.map((p) => p.entry);
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
  const format = dayFormatter(timeZone);
  const at = toInstant(now, 'now');
  const nowMs = at.getTime();
  const date = localDate(at, timeZone);
  const horizon = addDays(date, UPCOMING_DAYS);
  const coolOffEndsAt = activeCoolOffEnd(items, at);
  const coolingOff = coolOffEndsAt !== null;
  const place = placer(format);
  const overdue: Placed[] = [];
  const today: Placed[] = [];
  const upcoming: Placed[] = [];
  const held: Placed[] = [];
  let laterCount = 0;
  for (const item of items) {
    const { dueOn, ms, isDateOnly } = place(item.dueAt);
    if (EVENT_KINDS.has(item.kind) && dueOn < date) continue;
    if (item.kind === 'cool_off_end' && !isDateOnly && ms <= nowMs) continue;
    if (dueOn > horizon) {
      laterCount++;
      continue;
    }
    const placed: Placed = { entry: { ...item, dueOn }, ms };
    if (coolingOff && (item.nudge || HELD_KINDS.has(item.kind))) held.push(placed);
    else if (dueOn < date) overdue.push(placed);
    else if (dueOn === date) today.push(placed);
    else upcoming.push(placed);
  }
  return {
    date,
    overdue: sorted(overdue),
    today: sorted(today),
    upcoming: sorted(upcoming),
    held: sorted(held),
    laterCount,
    coolingOff,
    coolOffEndsAt,
  };
}

/** The lists of the Today view, in the order the page shows them. */
export const TODAY_GROUPS = ['overdue', 'today', 'upcoming', 'held'] as const;
export type TodayGroup = (typeof TODAY_GROUPS)[number];

/** How many items of each list the first screen carries; the rest are paged on demand. */
export const FIRST_SCREEN_ITEMS = 20;

export type TodayCounts = Record<TodayGroup, number>;

/**
 * The first screen of the view: every list cut to its first `first` items, with how many each
 * holds in all, so the payload stays small however much is due.
 */
export function firstScreen<V extends TodayView>(view: V, first: number): V & { counts: TodayCounts } {
  const counts = {} as TodayCounts;
  const cut = { ...view };
  for (const group of TODAY_GROUPS) {
    counts[group] = view[group].length;
    cut[group] = view[group].slice(0, first);
  }
  return { ...cut, counts };
}
