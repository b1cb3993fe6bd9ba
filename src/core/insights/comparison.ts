import { stageIndex } from '../applications/application.ts';
import { addDays } from '../dates.ts';
import type { AppSummary } from './types.ts';
import { type WilsonRate, wilson } from './wilson.ts';

export interface PeriodRates {
  /** Applications sent in the period. */
  applications: number;
  /** Share that got any answer. */
  responseRate: WilsonRate;
  /** Share that reached an interview. */
  interviewRate: WilsonRate;
}

export interface Comparison {
  windowDays: number;
  /** First day of the recent window. */
  since: string;
  recent: PeriodRates;
  before: PeriodRates;
}

const INTERVIEWING = stageIndex('interviewing');

/** Counts behind one period's rates: sent, answered, reached an interview. */
export interface PeriodCounts {
  n: number;
  responded: number;
  interviewed: number;
}

function ratesFrom(c: PeriodCounts): PeriodRates {
  return {
    applications: c.n,
    responseRate: wilson(c.responded, c.n),
    interviewRate: wilson(c.interviewed, c.n),
  };
}

function rates(apps: readonly AppSummary[]): PeriodRates {
  let responded = 0;
  let interviewed = 0;
  for (const a of apps) {
    if (a.firstResponseOn !== null) responded++;
    if (a.furthest >= INTERVIEWING) interviewed++;
  }
  return ratesFrom({ n: apps.length, responded, interviewed });
}

/** The first day of the recent window ending `today`. */
export function comparisonSince(today: string, windowDays = 30): string {
  return addDays(today, -(windowDays - 1));
}

/** The comparison from counts per period (as a database aggregate gives them). */
export function compareFromCounts(
  recent: PeriodCounts,
  before: PeriodCounts,
  today: string,
  windowDays = 30,
): Comparison {
  return {
    windowDays,
    since: comparisonSince(today, windowDays),
    recent: ratesFrom(recent),
    before: ratesFrom(before),
  };
}

/**
 * Applications sent in the last `windowDays` days against those sent before. Recent ones have
 * had less time to be answered, so a rise is, if anything, understated.
 */
export function compareRecent(apps: readonly AppSummary[], today: string, windowDays = 30): Comparison {
  const since = addDays(today, -(windowDays - 1));
  const recent: AppSummary[] = [];
  const before: AppSummary[] = [];
  for (const a of apps) {
    if (a.appliedOn === null || a.appliedOn > today) continue;
    (a.appliedOn >= since ? recent : before).push(a);
  }
  return { windowDays, since, recent: rates(recent), before: rates(before) };
}
