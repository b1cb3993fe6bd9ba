/**
 * The rejection record: what the user writes down when a "no" arrives (or when they step away).
 * The reason tags are seeded here and the user may add their own; a tag always says whose
 * decision it was, so insights never mix "they said no" with "I said no".
 */
import type { Stage } from '../applications/application.ts';
import { ReboundError } from '../errors.ts';

/** How the news reached the user; `none` when it never came and the user closed it themselves. */
export const REJECTION_CHANNELS = ['email', 'call', 'portal', 'none'] as const;
export type RejectionChannel = (typeof REJECTION_CHANNELS)[number];

/** Whose decision a reason describes. */
export type ReasonSide = 'company' | 'me';

export interface ReasonTag {
  key: string;
  label: string;
  side: ReasonSide;
}

/** Seed tags. Company-side first, then the ones where the user stepped away. */
export const REASON_TAGS: readonly ReasonTag[] = [
  { key: 'experience_level', label: 'Looking for a different experience level', side: 'company' },
  { key: 'skills_gap', label: 'A skill they wanted more of', side: 'company' },
  { key: 'internal_candidate', label: 'Went with an internal candidate', side: 'company' },
  { key: 'position_filled', label: 'Position already filled', side: 'company' },
  { key: 'role_cancelled', label: 'Role put on hold or cancelled', side: 'company' },
  { key: 'culture_fit', label: 'Said it was about team fit', side: 'company' },
  { key: 'salary', label: 'Salary expectations did not line up', side: 'company' },
  { key: 'location', label: 'Location or work arrangement', side: 'company' },
  { key: 'no_reason_given', label: 'No reason given', side: 'company' },
  { key: 'i_withdrew', label: 'I withdrew', side: 'me' },
  { key: 'not_a_fit_for_me', label: 'Not a fit for me', side: 'me' },
  { key: 'accepted_elsewhere', label: 'I accepted another offer', side: 'me' },
];

export interface RejectionRecord {
  applicationId: string;
  /** The furthest stage the application reached before it closed. */
  stageReached: Stage;
  channel: RejectionChannel;
  /** ISO instant the news arrived (or the user closed it). */
  rejectedAt: string;
  /** The reason in the employer's words, when they gave one. */
  reasonGiven: string | null;
  /** Keys from the user's tag list (seeded with REASON_TAGS). */
  reasonTags: string[];
  /** `skip` when the user chose not to take a pause. */
  coolOffHours: number | 'skip';
}

const TAG_KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Adds a user-made tag to the list (or relabels an existing one). Keys are snake_case so they
 * stay stable in exports; the side is required because it decides which insights count it.
 */
export function upsertReasonTag(tags: readonly ReasonTag[], tag: ReasonTag): ReasonTag[] {
  if (!TAG_KEY_RE.test(tag.key)) {
    throw new ReboundError('invalid_input', `key: "${tag.key}" should be lower-case letters, digits and _`, [
      { path: 'key', message: 'use lower-case letters, digits and underscores, up to 40 characters' },
    ]);
  }
  const label = tag.label.trim();
  if (label === '') {
    throw new ReboundError('invalid_input', 'label: required', [{ path: 'label', message: 'required' }]);
  }
  const next = { key: tag.key, label, side: tag.side };
  const at = tags.findIndex((t) => t.key === tag.key);
  return at === -1 ? [...tags, next] : tags.map((t, i) => (i === at ? next : t));
}

/** The user's tags of one side, in list order. */
export function reasonTagsBySide(tags: readonly ReasonTag[], side: ReasonSide): ReasonTag[] {
  return tags.filter((t) => t.side === side);
}

/**
 * Checks a record's tags against the user's tag list and refuses unknown keys, naming the
 * position (`reasonTags.1: unknown tag "sallary"`).
 */
export function validateReasonTags(
  keys: readonly string[],
  tags: readonly ReasonTag[] = REASON_TAGS,
): string[] {
  const known = new Set(tags.map((t) => t.key));
  const details = keys.flatMap((key, i) =>
    known.has(key) ? [] : [{ path: `reasonTags.${i}`, message: `unknown tag "${key}"` }],
  );
  if (details.length > 0) {
    const first = details[0]!;
    throw new ReboundError('invalid_input', `${first.path}: ${first.message}`, details);
  }
  return [...new Set(keys)];
}
