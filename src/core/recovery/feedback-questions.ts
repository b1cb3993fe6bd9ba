/**
 * The question bank for a feedback request. Specific questions get answers; "any feedback?"
 * rarely does. Questions are chosen by how far the application got and which interview rounds
 * happened, always in the same order, so the same application drafts the same email.
 */
import type { RoundKind, Stage } from '../applications/application.ts';
import { ReboundError } from '../errors.ts';

/** The stages feedback can be asked about (an application that was only saved has none). */
export type FeedbackStage = 'applied' | 'screening' | 'interviewing' | 'offer';

export interface FeedbackQuestion {
  key: string;
  text: string;
}

/** General questions per stage reached, best first. */
export const STAGE_QUESTIONS: Record<FeedbackStage, readonly FeedbackQuestion[]> = {
  applied: [
    {
      key: 'applied.requirements_fit',
      text: 'How closely did my background match the main requirements of the role?',
    },
    { key: 'applied.stronger', text: 'What would have made my application stronger at the first review?' },
    {
      key: 'applied.missing',
      text: 'Was there a skill or experience you hoped to see that my resume did not show?',
    },
  ],
  screening: [
    { key: 'screening.pause', text: 'Was there anything in our first conversation that gave you pause?' },
    { key: 'screening.move_forward', text: 'What would have helped me move on to the interviews?' },
    { key: 'screening.expectations', text: 'Did my salary, timing or location expectations play a part?' },
  ],
  interviewing: [
    {
      key: 'interviewing.biggest_gap',
      text: 'Which part of the interviews left the biggest question about me?',
    },
    {
      key: 'interviewing.one_thing',
      text: 'If I could work on one thing before my next interview, what should it be?',
    },
    {
      key: 'interviewing.future',
      text: 'Would it make sense for me to apply for future roles with your team?',
    },
  ],
  offer: [
    { key: 'offer.deciding_factor', text: 'What tipped the final decision?' },
    {
      key: 'offer.conversation',
      text: 'Is there anything about how I handled the last conversations I could improve?',
    },
    { key: 'offer.future', text: 'Would you be open to me reaching out about future openings?' },
  ],
};

/** Round-specific questions, in the order they are preferred when several rounds happened. */
export const ROUND_QUESTIONS: readonly (FeedbackQuestion & { roundKind: RoundKind })[] = [
  {
    roundKind: 'final',
    key: 'round.final.gap',
    text: 'What did the candidate you chose bring that I did not show in the final round?',
  },
  {
    roundKind: 'behavioural',
    key: 'round.behavioural.example',
    text: 'Which of my examples in the behavioural interview could have been stronger, and what was missing?',
  },
  {
    roundKind: 'technical',
    key: 'round.technical.depth',
    text: 'In the technical interview, where did my approach or depth fall short of what you needed?',
  },
  {
    roundKind: 'take_home',
    key: 'round.take_home.stronger',
    text: 'What would have made my take-home exercise stronger?',
  },
  {
    roundKind: 'panel',
    key: 'round.panel.impression',
    text: 'How did I come across to the panel, and was there a concern they shared?',
  },
  {
    roundKind: 'onsite',
    key: 'round.onsite.impression',
    text: 'Was there a moment in the onsite interviews that weighed against me?',
  },
  {
    roundKind: 'phone',
    key: 'round.phone.clarity',
    text: 'In the phone interview, was there an answer you wished I had explained more clearly?',
  },
];

/** The feedback stage for a furthest stage reached; refuses `saved` (nothing was sent). */
export function feedbackStageFor(stageReached: Stage): FeedbackStage {
  if (stageReached === 'saved') {
    throw new ReboundError(
      'invalid_input',
      'stageReached: this application was never sent, so there is no one to ask',
      [{ path: 'stageReached', message: 'feedback needs a stage from applied onwards' }],
    );
  }
  return stageReached === 'accepted' ? 'offer' : stageReached;
}

/**
 * Picks `count` (1–5, default 3) questions for a feedback request: round-specific ones first
 * (only when interviews happened), then the stage's general questions. Deterministic.
 */
export function selectFeedbackQuestions(
  stageReached: Stage,
  roundKinds: readonly RoundKind[] = [],
  count = 3,
): FeedbackQuestion[] {
  if (!Number.isInteger(count) || count < 1 || count > 5) {
    throw new ReboundError('invalid_input', `count: ask between 1 and 5 questions, not ${count}`, [
      { path: 'count', message: 'expected a whole number from 1 to 5' },
    ]);
  }
  const stage = feedbackStageFor(stageReached);
  const hadRounds = stage === 'interviewing' || stage === 'offer';
  const kinds = new Set(roundKinds);
  const specific = hadRounds ? ROUND_QUESTIONS.filter((q) => kinds.has(q.roundKind)) : [];
  const picked: FeedbackQuestion[] = specific
    .slice(0, Math.max(1, count - 1))
    .map(({ key, text }) => ({ key, text }));
  for (const q of STAGE_QUESTIONS[stage]) {
    if (picked.length >= count) break;
    picked.push(q);
  }
  for (const { key, text } of specific) {
    if (picked.length >= count) break;
    if (!picked.some((p) => p.key === key)) picked.push({ key, text });
  }
  return picked;
}
