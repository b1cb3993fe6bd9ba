/**
 * The honest look back: one checklist item per step the application actually went through,
 * each rated well / so-so / weak with an optional note. Only reached stages appear, so nobody is
 * asked to judge an interview that never happened.
 */
import { ROUND_KIND_LABELS, type RoundKind, type Stage, stageIndex } from '../applications/application.ts';
import { ReboundError } from '../errors.ts';

export const POST_MORTEM_RATINGS = ['well', 'so_so', 'weak'] as const;
export type PostMortemRating = (typeof POST_MORTEM_RATINGS)[number];

export type PostMortemItemKind =
  | 'jd_match'
  | 'resume'
  | 'cover_letter'
  | 'screening_call'
  | 'interview_round'
  | 'follow_up'
  | 'offer_talks';

export interface PostMortemItem {
  /** Stable key: `jd_match`, `round_2`, … Action items link back by it. */
  key: string;
  kind: PostMortemItemKind;
  /** The stage this step belongs to. */
  stage: Stage;
  title: string;
  prompts: string[];
  roundNumber?: number;
  roundKind?: RoundKind;
}

export interface RatedPostMortemItem extends PostMortemItem {
  rating: PostMortemRating;
  note?: string | null;
}

export interface PostMortemInput {
  furthestStage: Stage;
  rounds: readonly { number: number; kind: RoundKind }[];
  hadCoverLetter: boolean;
}

function reached(furthest: Stage, stage: Stage): boolean {
  return stageIndex(furthest) >= stageIndex(stage);
}

function roundItem(round: { number: number; kind: RoundKind }): PostMortemItem {
  return {
    key: `round_${round.number}`,
    kind: 'interview_round',
    stage: 'interviewing',
    title: `Round ${round.number}: ${ROUND_KIND_LABELS[round.kind]} interview`,
    prompts: [
      'Which question was the hardest?',
      'What would I answer now?',
      'Did I have a good example ready for each topic?',
    ],
    roundNumber: round.number,
    roundKind: round.kind,
  };
}

/**
 * The checklist for one application: job-description match, resume and (if one was sent) cover
 * letter; the screening call; each interview round; follow-up; the offer talks. Refuses an
 * application that was only saved.
 */
export function postMortemChecklist(input: PostMortemInput): PostMortemItem[] {
  const { furthestStage } = input;
  if (!reached(furthestStage, 'applied')) {
    throw new ReboundError(
      'invalid_input',
      'furthestStage: this application was never sent, so there is nothing to look back on',
      [{ path: 'furthestStage', message: 'a look back needs a stage from applied onwards' }],
    );
  }
  const items: PostMortemItem[] = [
    {
      key: 'jd_match',
      kind: 'jd_match',
      stage: 'applied',
      title: 'How well I matched the job description',
      prompts: ['Which requirements did I clearly meet?', 'Which ones did I stretch for?'],
    },
    {
      key: 'resume',
      kind: 'resume',
      stage: 'applied',
      title: 'Resume tailored to this role',
      prompts: ['Did my top lines speak to what they asked for?', 'Did I use their words for my skills?'],
    },
  ];
  if (input.hadCoverLetter) {
    items.push({
      key: 'cover_letter',
      kind: 'cover_letter',
      stage: 'applied',
      title: 'Cover letter',
      prompts: ['Did it say why this company, not just why this job?'],
    });
  }
  if (reached(furthestStage, 'screening')) {
    items.push({
      key: 'screening_call',
      kind: 'screening_call',
      stage: 'screening',
      title: 'Screening call',
      prompts: ['Was my short introduction clear?', 'Was I ready for salary and timing questions?'],
    });
  }
  if (reached(furthestStage, 'interviewing')) {
    const rounds = [...input.rounds].sort((a, b) => a.number - b.number);
    items.push(...rounds.map(roundItem));
  }
  if (reached(furthestStage, 'screening')) {
    items.push({
      key: 'follow_up',
      kind: 'follow_up',
      stage: furthestStage === 'screening' ? 'screening' : 'interviewing',
      title: 'Follow-up after the conversations',
      prompts: ['Did I send a thank-you within a day?', 'Did I check in when a date passed?'],
    });
  }
  if (reached(furthestStage, 'offer')) {
    items.push({
      key: 'offer_talks',
      kind: 'offer_talks',
      stage: 'offer',
      title: 'Offer conversations',
      prompts: ['Was I clear about what mattered to me?', 'What would I ask for differently?'],
    });
  }
  return items;
}

const STAGE_OF_KEY: Record<string, Stage> = {
  jd_match: 'applied',
  resume: 'applied',
  cover_letter: 'applied',
  screening_call: 'screening',
  follow_up: 'screening',
  offer_talks: 'offer',
};

/**
 * Checks the items the user rated (or asked for) against the checklist for this application and
 * returns them; an item for a stage the application never reached, or an unknown round, is
 * refused with a message naming it.
 */
export function validatePostMortemItems<T extends { key: string }>(
  input: PostMortemInput,
  items: readonly T[],
): T[] {
  const allowed = new Set(postMortemChecklist(input).map((i) => i.key));
  const details = items.flatMap((item, i) => {
    if (allowed.has(item.key)) return [];
    const roundMatch = /^round_(\d+)$/.exec(item.key);
    const stage = roundMatch ? 'interviewing' : STAGE_OF_KEY[item.key];
    let message: string;
    if (stage && !reached(input.furthestStage, stage)) {
      message = `"${item.key}" belongs to ${stage}, which this application did not reach`;
    } else if (roundMatch) {
      message = `there is no round ${roundMatch[1]} for this application`;
    } else if (item.key === 'cover_letter') {
      message = 'no cover letter was sent for this application';
    } else {
      message = `unknown item "${item.key}"`;
    }
    return [{ path: `items.${i}.key`, message }];
  });
  if (details.length > 0) {
    const first = details[0]!;
    throw new ReboundError('invalid_input', `${first.path}: ${first.message}`, details);
  }
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.key) && seen.add(item.key));
}

/** Checks one rating and note (a note is optional, up to 2,000 characters). */
export function validateRating(rating: string, note?: string | null, path = 'rating'): PostMortemRating {
  if (!(POST_MORTEM_RATINGS as readonly string[]).includes(rating)) {
    throw new ReboundError('invalid_input', `${path}: choose well, so_so or weak`, [
      { path, message: `unknown rating "${rating}"` },
    ]);
  }
  if (note && note.length > 2000) {
    throw new ReboundError('invalid_input', 'note: keep it under 2,000 characters', [
      { path: 'note', message: 'too long' },
    ]);
  }
  return rating as PostMortemRating;
}
