/**
 * Where a feedback request stands, and the themes the user can tag an answer with.
 * drafted → sent → answered | no_reply | declined. A silence is an ordinary outcome, not a failure.
 */
import { ReboundError } from '../errors.ts';
import { addLocalDays, assertTimeZone, toInstant } from './zoned-time.ts';

export const FEEDBACK_STATES = ['drafted', 'sent', 'answered', 'no_reply', 'declined'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

const NEXT: Record<FeedbackState, readonly FeedbackState[]> = {
  drafted: ['sent'],
  sent: ['answered', 'no_reply', 'declined'],
  // A reply can still arrive after the user marked it as "no reply".
  no_reply: ['answered', 'declined'],
  answered: [],
  declined: [],
};

export const FEEDBACK_STATE_LABELS: Record<FeedbackState, string> = {
  drafted: 'Drafted',
  sent: 'Sent',
  answered: 'Answered',
  no_reply: 'No reply',
  declined: 'They could not share feedback',
};

export interface FeedbackTransition {
  from: FeedbackState;
  to: FeedbackState;
}

/** Checks a state change and returns it, or refuses with `invalid_transition` naming both ends. */
export function planFeedbackTransition(from: FeedbackState, to: FeedbackState): FeedbackTransition {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from];
    const hint = allowed.length === 0 ? 'it is already settled' : `it can move to ${allowed.join(', ')}`;
    throw new ReboundError('invalid_transition', `feedback: cannot go from ${from} to ${to}; ${hint}`, [
      { path: 'state', message: `${from} → ${to} is not allowed` },
    ]);
  }
  return { from, to };
}

export const DEFAULT_FEEDBACK_FOLLOW_UP_DAYS = 7;

/**
 * When one gentle follow-up on a sent request is due: `days` after sending. With `timeZone`, the
 * days are local calendar days at the same wall-clock time (a DST change does not shift it);
 * without one, they are 24-hour days.
 */
export function feedbackFollowUpDue(
  sentAt: string | Date,
  days: number = DEFAULT_FEEDBACK_FOLLOW_UP_DAYS,
  timeZone?: string,
): string {
  if (!Number.isInteger(days) || days < 1 || days > 60) {
    throw new ReboundError('invalid_input', `days: choose 1 to 60 days, not ${days}`, [
      { path: 'days', message: 'expected a whole number from 1 to 60' },
    ]);
  }
  const sent = toInstant(sentAt, 'sentAt');
  if (timeZone === undefined) return new Date(sent.getTime() + days * 86_400_000).toISOString();
  assertTimeZone(timeZone);
  return addLocalDays(sent, days, timeZone).toISOString();
}

export interface FeedbackTheme {
  key:
    | 'experience_level'
    | 'skill'
    | 'communication'
    | 'culture_fit'
    | 'timing'
    | 'internal_candidate'
    | 'other';
  label: string;
  /** True when a tag of this theme names something (the skill, for `skill`). */
  needsName: boolean;
}

/** Themes for tagging what the feedback said, so patterns across applications can be counted. */
export const FEEDBACK_THEMES: readonly FeedbackTheme[] = [
  { key: 'experience_level', label: 'Experience level', needsName: false },
  { key: 'skill', label: 'A specific skill', needsName: true },
  { key: 'communication', label: 'How I explained things', needsName: false },
  { key: 'culture_fit', label: 'Team fit', needsName: false },
  { key: 'timing', label: 'Timing', needsName: false },
  { key: 'internal_candidate', label: 'Internal candidate', needsName: false },
  { key: 'other', label: 'Something else', needsName: false },
];

export interface FeedbackThemeTag {
  theme: FeedbackTheme['key'];
  /** The skill's name for `skill` (e.g. "system design"); otherwise absent. */
  name?: string;
}

/** Checks theme tags: known themes only, and a skill always carries its name. */
export function validateFeedbackThemes(tags: readonly FeedbackThemeTag[]): FeedbackThemeTag[] {
  return tags.map((tag, i) => {
    const theme = FEEDBACK_THEMES.find((t) => t.key === tag.theme);
    if (!theme) {
      throw new ReboundError('invalid_input', `themes.${i}: unknown theme "${tag.theme}"`, [
        { path: `themes.${i}.theme`, message: 'unknown theme' },
      ]);
    }
    const name = tag.name?.trim();
    if (theme.needsName && !name) {
      throw new ReboundError('invalid_input', `themes.${i}.name: which skill? (e.g. "SQL")`, [
        { path: `themes.${i}.name`, message: 'required for a skill' },
      ]);
    }
    return theme.needsName ? { theme: tag.theme, name } : { theme: tag.theme };
  });
}
