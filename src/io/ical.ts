/**
 * Exports due items and interviews as an iCalendar feed (RFC 5545) that any calendar app can
 * import or subscribe to. Items due on a day become all-day events. Interviews set at a time of
 * day are written in the zone they were set in (TZID, with its VTIMEZONE); other timed items in
 * UTC, so no calendar can misread the zone. UIDs derive from the item ids, so re-importing updates
 * events instead of duplicating them.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezonePlugin from 'dayjs/plugin/timezone.js';
import utcPlugin from 'dayjs/plugin/utc.js';
import ical from 'ical-generator';
import { addDays } from '../core/dates.ts';
import { type DueItem, isDateOnly } from '../core/today/due-item.ts';

export interface IcsOptions {
  /** The user's IANA time zone, announced to calendar apps as the feed's zone. */
  timeZone: string;
  /** The calendar's name, e.g. "Rebound". */
  name: string;
  /** DTSTAMP for every event; pass it for reproducible output. Defaults to the current time. */
  now?: Date | string;
  /** Domain part of each UID. */
  uidDomain?: string;
}

dayjs.extend(utcPlugin);
dayjs.extend(timezonePlugin);

/** Length of a timed task (a reminder to send an email) when it has no end of its own. */
export const DEFAULT_TASK_MINUTES = 15;

/** The UID an item gets in the calendar: stable for a stable item id. */
export function icsUid(item: Pick<DueItem, 'id'>, domain = 'rebound.local'): string {
  return `${item.id.replace(/[^A-Za-z0-9._:-]/g, '-')}@${domain}`;
}

/** One VCALENDAR with a VEVENT per item. */
export function buildIcs(items: readonly DueItem[], options: IcsOptions): string {
  const stamp = options.now === undefined ? new Date() : new Date(options.now);
  const cal = ical({
    name: options.name,
    prodId: { company: 'Rebound', product: 'Rebound', language: 'EN' },
  });
  cal.x([['X-WR-TIMEZONE', options.timeZone]]);
  const zones = new Set<string>();
  for (const item of items) {
    const common = {
      id: icsUid(item, options.uidDomain),
      stamp,
      summary: item.title,
      ...(item.detail ? { description: item.detail } : {}),
    };
    if (isDateOnly(item)) {
      cal.createEvent({
        ...common,
        allDay: true,
        start: new Date(`${item.dueAt}T00:00:00Z`),
        end: new Date(`${addDays(item.dueAt, 1)}T00:00:00Z`),
      });
      continue;
    }
    const start = new Date(item.dueAt);
    const end = item.endsAt
      ? new Date(item.endsAt)
      : new Date(start.getTime() + DEFAULT_TASK_MINUTES * 60_000);
    const zone = item.timeZone && item.timeZone !== 'UTC' ? item.timeZone : null;
    if (zone === null) {
      cal.createEvent({ ...common, start, end });
      continue;
    }
    // Wall-clock time in the zone (TZID); dayjs converts with Intl, whatever the server's zone.
    zones.add(zone);
    cal.createEvent({ ...common, start: dayjs(start), end: dayjs(end), timezone: zone });
  }
  const text = cal.toString();
  if (zones.size === 0) return text;
  // Each zone used is described once (VTIMEZONE) before the events, as RFC 5545 asks.
  const definitions = [...zones].map((z) => getVtimezoneComponent(z)).filter((v): v is string => !!v);
  const at = text.indexOf('BEGIN:VEVENT');
  return `${text.slice(0, at)}${definitions.map((d) => `${d.trim().replace(/\r?\n/g, '\r\n')}\r\n`).join('')}${text.slice(at)}`;
}
