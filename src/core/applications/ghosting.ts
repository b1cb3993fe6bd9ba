import { daysBetween, maxDate } from '../dates.ts';
import type { Application } from './application.ts';

export const DEFAULT_GHOST_AFTER_DAYS = 21;

const WAITING_STAGES = new Set(['applied', 'screening', 'interviewing']);

/**
 * Days of silence since the employer was last heard from (or since applying, when they never
 * answered); null when the application is not waiting on the employer.
 */
export function daysSilent(
  app: Pick<Application, 'appliedOn' | 'lastResponseOn' | 'outcome' | 'stage'>,
  today: string,
): number | null {
  if (app.outcome !== null || !WAITING_STAGES.has(app.stage)) return null;
  const since = maxDate(app.appliedOn, app.lastResponseOn);
  if (since === null) return null;
  return daysBetween(since, today);
}

/**
 * An open application is likely ghosted once the employer has been silent for `afterDays` days
 * or more. Rebound only flags it; the user confirms before it is closed as "no reply".
 */
export function isLikelyGhosted(
  app: Pick<Application, 'appliedOn' | 'lastResponseOn' | 'outcome' | 'stage'>,
  today: string,
  afterDays: number = DEFAULT_GHOST_AFTER_DAYS,
): boolean {
  return silentLongEnough(daysSilent(app, today), afterDays);
}

/** The rule of `isLikelyGhosted` on a count of silent days already made (see `daysSilent`). */
export function silentLongEnough(
  silent: number | null,
  afterDays: number = DEFAULT_GHOST_AFTER_DAYS,
): boolean {
  return silent !== null && silent >= afterDays;
}
