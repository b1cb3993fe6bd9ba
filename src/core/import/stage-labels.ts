/**
 * Maps the status labels other trackers and spreadsheet templates use onto Rebound's stage and
 * outcome. A closed label ("Rejected", "No response") says how it ended but not how far it got, so
 * it lands on `applied` unless the label names a stage too ("Rejected after final round").
 */
import {
  isOutcome,
  isStage,
  OUTCOMES,
  type Outcome,
  STAGES,
  type Stage,
} from '../applications/application.ts';
import { ReboundError } from '../errors.ts';

export interface StageAndOutcome {
  stage: Stage;
  outcome: Outcome | null;
}

/** Stage words, checked in order: the first whose pattern matches wins. */
const STAGE_PATTERNS: [Stage, RegExp][] = [
  ['saved', /\b(not (yet )?applied|to apply)\b/],
  ['screening', /\b(phone|recruiter|hr) (interview|screen\w*|call)\b/],
  ['accepted', /\b(accepted|hired|signed|start(ing|ed)? (date|job)|joined)\b/],
  ['offer', /\b(offers?|offered|negotiat\w*)\b/],
  [
    'interviewing',
    /\b(interview\w*|onsite|on site|final( round)?|round|panel|technical|superday|2nd|second|third|3rd)\b/,
  ],
  [
    'screening',
    /\b(screen\w*|phone|recruiter call|hr call|intro call|initial call|assessment|take home|coding (test|challenge)|test)\b/,
  ],
  [
    'applied',
    /\b(applied|application|submitted|sent|pending|in review|under review|review\w*|waiting|awaiting|in progress|active)\b/,
  ],
  [
    'saved',
    /\b(wish ?list|bookmark\w*|saved?|new|draft|interested|to apply|not applied|researching|watching|prospect\w*|idea|planned|lead)\b/,
  ],
];

const OUTCOME_PATTERNS: [Outcome, RegExp][] = [
  ['declined', /\b(declined( the)? offer|offer declined|i declined|turned down( the)? offer|declined)\b/],
  ['withdrawn', /\b(withdr[ae]wn?|withdrew|archived|expired|closed by me|not interested)\b/],
  ['ghosted', /\b(ghost\w*|no (response|reply|answer)|never heard( back)?|unanswered|silence)\b/],
  [
    'rejected',
    /\b(reject\w*|not selected|turned down|denied|unsuccessful|declined by|no offer|not moving forward|closed)\b/,
  ],
];

/**
 * Reads a status label ("Phone screen", "Final round", "No response", "Rejected", "Wishlist")
 * into a stage and an optional outcome; null when the label means nothing Rebound knows.
 */
export function mapStageLabel(label: string): StageAndOutcome | null {
  const s = label
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return null;
  const outcome = OUTCOME_PATTERNS.find(([, re]) => re.test(s))?.[0] ?? null;
  let stage = STAGE_PATTERNS.find(([st, re]) => re.test(s) && !(outcome && st === 'saved'))?.[0] ?? null;
  if (outcome === null) return stage === null ? null : { stage, outcome: null };
  if (outcome === 'declined' && (stage === null || stage === 'applied')) stage = 'offer';
  if (outcome === 'withdrawn' && /\b(archived|expired)\b/.test(s) && stage === null) stage = 'saved';
  if (stage === null || stage === 'accepted') stage = 'applied';
  return { stage, outcome };
}

/** The user's own reading of some status labels, keyed by the label as the file words it. */
export type StageMap = Record<string, { stage: string; outcome?: string | null }>;

/**
 * A label reader that takes the user's choices first and falls back to `mapStageLabel`, so a typo
 * ("Interveiw") or a private word ("Coffee chat") the user has mapped becomes readable. Labels
 * match ignoring case and surrounding spaces. An unknown stage or outcome is refused naming
 * `stageMap.<label>`.
 */
export function stageLabelReader(stageMap: StageMap | undefined): (label: string) => StageAndOutcome | null {
  const chosen = new Map<string, StageAndOutcome>();
  for (const [label, choice] of Object.entries(stageMap ?? {})) {
    const stage = choice.stage.trim();
    const outcome = choice.outcome?.trim() || null;
    if (!isStage(stage)) throw badChoice(label, `unknown stage "${stage}" (stages: ${STAGES.join(', ')})`);
    if (outcome !== null && !isOutcome(outcome)) {
      throw badChoice(label, `unknown outcome "${outcome}" (outcomes: ${OUTCOMES.join(', ')})`);
    }
    chosen.set(labelKey(label), { stage, outcome });
  }
  if (chosen.size === 0) return mapStageLabel;
  return (label) => chosen.get(labelKey(label)) ?? mapStageLabel(label);
}

function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

function badChoice(label: string, message: string): ReboundError {
  return new ReboundError('invalid_input', `stageMap.${label}: ${message}`, [
    { path: `stageMap.${label}`, message },
  ]);
}
