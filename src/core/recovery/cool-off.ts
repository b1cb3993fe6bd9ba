/**
 * The short pause after a "no". Rebound suggests 48 hours before any "next step" work; the
 * user can pick 24 to 72 hours or skip it. The window is elapsed time (48 real hours), so a
 * DST change in between moves the local end time by an hour rather than shortening the pause.
 */
import { ReboundError } from '../errors.ts';
import { toInstant } from './zoned-time.ts';

export const DEFAULT_COOL_OFF_HOURS = 48;
export const MIN_COOL_OFF_HOURS = 24;
export const MAX_COOL_OFF_HOURS = 72;

export interface CoolOffWindow {
  startsAt: string;
  /** Equal to `startsAt` when the pause was skipped. */
  endsAt: string;
  skipped: boolean;
}

/**
 * The pause window that starts when the news arrived. `hours` must be a whole or fractional
 * number from 24 to 72, or `skip`.
 */
export function coolOffWindow(
  rejectedAt: string | Date,
  hours: number | 'skip' = DEFAULT_COOL_OFF_HOURS,
): CoolOffWindow {
  const start = toInstant(rejectedAt, 'rejectedAt');
  if (hours === 'skip') {
    const at = start.toISOString();
    return { startsAt: at, endsAt: at, skipped: true };
  }
  if (!Number.isFinite(hours) || hours < MIN_COOL_OFF_HOURS || hours > MAX_COOL_OFF_HOURS) {
    throw new ReboundError(
      'invalid_input',
      `coolOffHours: choose between ${MIN_COOL_OFF_HOURS} and ${MAX_COOL_OFF_HOURS} hours, or skip the pause`,
      [
        {
          path: 'coolOffHours',
          message: `expected ${MIN_COOL_OFF_HOURS}–${MAX_COOL_OFF_HOURS} or "skip", got ${hours}`,
        },
      ],
    );
  }
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString(),
    skipped: false,
  };
}

/** True while `now` is inside the pause (start inclusive, end exclusive). */
export function isInCoolOff(window: Pick<CoolOffWindow, 'startsAt' | 'endsAt'>, now: string | Date): boolean {
  const t = toInstant(now, 'now').getTime();
  return t >= Date.parse(window.startsAt) && t < Date.parse(window.endsAt);
}

export interface JournalPrompt {
  key: string;
  prompt: string;
  /** A gentle hint shown under the box; answering is always optional. */
  hint: string;
}

/** Optional journal prompts offered during the pause. Private notes; never scored. */
export const JOURNAL_PROMPTS: readonly JournalPrompt[] = [
  {
    key: 'feeling',
    prompt: 'How are you feeling about this one right now?',
    hint: 'A word or two is plenty. Disappointed, relieved, tired: all of it counts.',
  },
  {
    key: 'went_well',
    prompt: 'What went well, even a little?',
    hint: 'A good answer, a kind interviewer, something you learned about what you want.',
  },
  {
    key: 'take_with_me',
    prompt: 'What would you like to carry into the next application?',
    hint: 'Leave it blank if it is too soon. You can come back after the pause.',
  },
  {
    key: 'care',
    prompt: 'What will you do for yourself in the next day or two?',
    hint: 'A walk, a call with a friend, an evening off. Rest is part of the search.',
  },
];
