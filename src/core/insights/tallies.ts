import { type Channel, type Outcome, STAGES, type Stage } from '../applications/application.ts';
import { daysBetween, isIsoDate } from '../dates.ts';

/**
 * What one application adds to the insight tallies (see store/insight-tallies-repository.ts):
 * one count share (channel, furthest stage, outcome, answered, the day it went out) and one share
 * per day figure it has (days between stages, to a first answer, to a decision). The store works
 * the same out in SQL for applications already written (`shares` there); this is the pure form,
 * for new applications written in bulk, whose rows are built off the database. The tests check
 * both against a recount after random histories and imports.
 */

/** metric, channel, furthest, outcome, responded, applied_on, value: the key of one tally. */
export type TallyKey = [string, string, string, string, number, string, number];

export interface TallyInput {
  channel: Channel;
  furthestStage: Stage;
  outcome: Outcome | null;
  closedOn: string | null;
  /** The application's own applied date. */
  appliedOn: string | null;
  firstAppliedOn: string | null;
  firstResponseOn: string | null;
  /** First day each stage was reached, by index into STAGES. */
  reachedOn: readonly (string | null)[];
}

const SCREENING = STAGES.indexOf('screening');
const INTERVIEWING = STAGES.indexOf('interviewing');
const OFFER = STAGES.indexOf('offer');
const ACCEPTED = STAGES.indexOf('accepted');

/** Whole days from `from` to `to`, 0 when negative, null when either is missing or not a day. */
function gap(from: string | null, to: string | null): number | null {
  if (from === null || to === null || !isIsoDate(from) || !isIsoDate(to)) return null;
  return Math.max(0, daysBetween(from, to));
}

/** The tallies one application adds to, one each. */
export function tallySharesOf(a: TallyInput): TallyKey[] {
  const sent = a.furthestStage !== STAGES[0];
  const appliedOn = sent ? (a.appliedOn ?? a.firstAppliedOn) : null;
  const responseOn = sent ? a.firstResponseOn : null;
  const rejectedOn = a.outcome === 'rejected' ? a.closedOn : null;
  const at = (stage: number) => a.reachedOn[stage] ?? null;
  const out: TallyKey[] = [
    ['count', a.channel, a.furthestStage, a.outcome ?? '', responseOn !== null ? 1 : 0, appliedOn ?? '', -1],
  ];
  const figures: [string, number | null][] = [
    ['gap0', gap(appliedOn, at(SCREENING))],
    ['gap1', sent ? gap(at(SCREENING), at(INTERVIEWING)) : null],
    ['gap2', sent ? gap(at(INTERVIEWING), at(OFFER)) : null],
    ['gap3', sent ? gap(at(OFFER), at(ACCEPTED)) : null],
    ['first', gap(appliedOn, responseOn)],
    ['decision', gap(appliedOn, at(OFFER) ?? rejectedOn)],
  ];
  for (const [metric, value] of figures)
    if (value !== null) out.push([metric, a.channel, '', '', 0, '', value]);
  return out;
}
