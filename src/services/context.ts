import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localDate } from '../core/dates.ts';
import { type Reader, SELF } from '../core/reader.ts';
import type { Database } from '../store/schema.ts';
import type { Settings } from './settings.ts';

/** Where "now" comes from. Tests and the bench pass their own; production uses the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test can set and move. */
export function fixedClock(start: Date): Clock & { set(d: Date): void; advanceDays(n: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advanceDays: (n) => {
      current = new Date(current.getTime() + n * 86_400_000);
    },
  };
}

/** Everything a service needs: the database, whose data, the time, and how to make ids. */
export interface ServiceContext {
  db: Kysely<Database>;
  workspaceId: string;
  clock: Clock;
  /** The user's IANA time zone; days ("today") are counted in it. */
  timeZone: string;
  /**
   * The workspace's settings as read at the start of a hosted request (see getSettings). Tied to
   * its workspace, so a context copied for another workspace does not carry them over.
   */
  settings?: {
    workspaceId: string;
    value: Settings;
    /** Every stored setting as read with them (key → value), when read in the same statement. */
    stored?: Readonly<Record<string, unknown>>;
  };
  /**
   * Who reads the sentences services write about the job search: absent for the workspace's
   * owner ("your response rate"), a coach reading a shared workspace otherwise ("Sam Rivera's").
   * Set by the hosted server for a shared read.
   */
  reader?: Reader;
}

/** Who reads this context's sentences (the owner unless a coach reads a shared workspace). */
export function readerOf(ctx: Pick<ServiceContext, 'reader'>): Reader {
  return ctx.reader ?? SELF;
}

// Random bytes drawn in blocks: one system call per 400 ids instead of one each (imports make
// tens of thousands of ids at once).
let pool = randomBytes(4000);
let offset = 0;

/** A sortable, unguessable id: time in base 36, then 10 random base-36 characters. */
export function newId(): string {
  if (offset + 10 > pool.length) {
    pool = randomBytes(4000);
    offset = 0;
  }
  let rand = '';
  for (let i = 0; i < 10; i++) rand += (pool[offset + i]! % 36).toString(36);
  offset += 10;
  return Date.now().toString(36).padStart(9, '0') + rand;
}

export function today(ctx: ServiceContext): string {
  return localDate(ctx.clock.now(), ctx.timeZone);
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

let runtimeZone: string | undefined;

/** The machine's time zone (looked up once: building a formatter is costly). */
export function defaultTimeZone(): string {
  runtimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return runtimeZone;
}
