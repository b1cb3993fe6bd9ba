/**
 * One thing that wants the user's attention on a day: the end of a pause, a feedback email to
 * send or chase, a look back, a task, a contact to reach out to, a quiet application, an
 * interview. The services build these from the store; the Today view and the calendar export
 * read them.
 */
import type { InterviewRound } from '../applications/application.ts';
import { ROUND_KIND_LABELS } from '../applications/application.ts';
import { zonedInstant } from '../dates.ts';

export const DUE_ITEM_KINDS = [
  'cool_off_end',
  'feedback_send',
  'feedback_chase',
  'post_mortem',
  'action_item',
  'contact_touch',
  'likely_ghosted',
  'interview',
] as const;
export type DueItemKind = (typeof DUE_ITEM_KINDS)[number];

export interface DueItem {
  /** Stable across rebuilds (e.g. `feedback_send:<applicationId>`); the calendar UID derives from it. */
  id: string;
  kind: DueItemKind;
  title: string;
  /** An ISO instant (timed), or YYYY-MM-DD for something due on a day. */
  dueAt: string;
  /** For timed items with a length (interviews): the ISO instant it ends. */
  endsAt?: string;
  /** For `cool_off_end`: when the pause began. */
  startsAt?: string;
  detail?: string;
  applicationId?: string;
  contactId?: string;
  /** True for items that push toward more applying ("apply to two roles"); held during a pause. */
  nudge?: boolean;
  /** For items set at a wall-clock time (an interview at 14:30): the zone it was set in. */
  timeZone?: string;
}

const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when the item is due on a day rather than at a time. */
export function isDateOnly(item: Pick<DueItem, 'dueAt'>): boolean {
  return DATE_ONLY_RE.test(item.dueAt);
}

export const DEFAULT_INTERVIEW_MINUTES = 60;

/**
 * A due item for a scheduled interview round; undefined when the round has no date yet.
 * A time-less date becomes an all-day item.
 */
export function interviewDueItem(
  round: Pick<InterviewRound, 'id' | 'applicationId' | 'number' | 'kind' | 'scheduledAt' | 'who'> &
    Partial<Pick<InterviewRound, 'startTime' | 'durationMinutes'>>,
  app: { company: string; role: string },
  timeZone = 'UTC',
): DueItem | undefined {
  const durationMinutes = round.durationMinutes ?? DEFAULT_INTERVIEW_MINUTES;
  if (!round.scheduledAt) return undefined;
  const title = `${ROUND_KIND_LABELS[round.kind]} interview (round ${round.number}): ${app.role} at ${app.company}`;
  const base: DueItem = {
    id: `interview:${round.id}`,
    kind: 'interview',
    title,
    dueAt: round.scheduledAt,
    applicationId: round.applicationId,
    ...(round.who ? { detail: `With ${round.who}` } : {}),
  };
  if (DATE_ONLY_RE.test(round.scheduledAt)) {
    if (!round.startTime) return base;
    // A day and a wall-clock time in the user's zone: a timed item at that instant.
    const start = zonedInstant(round.scheduledAt, round.startTime, timeZone);
    return {
      ...base,
      dueAt: start.toISOString(),
      endsAt: new Date(start.getTime() + durationMinutes * 60_000).toISOString(),
      timeZone,
    };
  }
  const start = Date.parse(round.scheduledAt);
  return { ...base, endsAt: new Date(start + durationMinutes * 60_000).toISOString() };
}
