import { STAGES, stageIndex } from '../applications/application.ts';
import { type HistorySummary, summarizeHistory } from '../applications/history.ts';
import { dayNumber } from './stats.ts';
import type { AppSummary, InsightApplication } from './types.ts';

const STAGE_INDEX = new Map<string, number>(STAGES.map((st, i) => [st, i]));
const APPLIED = stageIndex('applied');

/** Days between first reaching each funnel stage and the next (applied counts from the day it went out). */
function stageGaps(
  appliedDay: number | null,
  reachedOn: readonly (string | undefined)[],
): (number | undefined)[] {
  const gaps: (number | undefined)[] = [];
  for (let i = APPLIED; i < STAGES.length - 1; i++) {
    const to = reachedOn[i + 1];
    const from = i === APPLIED ? appliedDay : reachedOn[i] === undefined ? null : dayNumber(reachedOn[i]!);
    gaps.push(to === undefined || from === null ? undefined : Math.max(0, dayNumber(to) - from));
  }
  return gaps;
}

/** The row fields insights read beside the history's summary. */
export type InsightRow = Pick<InsightApplication, 'id' | 'channel' | 'role' | 'tags' | 'kind' | 'appliedOn'>;

/**
 * One application's numbers for insights, from its row and its history's summary (as kept in
 * the store, or folded by `summarizeHistory`): no events are read here.
 */
export function appSummaryFrom(app: InsightRow, history: HistorySummary): AppSummary {
  const furthest = STAGE_INDEX.get(history.furthestStage) ?? 0;
  const reachedOn = history.reachedOn.map((d) => d ?? undefined);
  const appliedOn = furthest >= APPLIED ? (app.appliedOn ?? history.firstAppliedOn) : null;
  const responseOn = furthest >= APPLIED ? history.firstResponseOn : null;
  const appliedDay = appliedOn === null ? null : dayNumber(appliedOn);
  return {
    id: app.id,
    channel: app.channel,
    role: app.role,
    tags: app.tags,
    kind: app.kind,
    furthest,
    reachedOn,
    appliedOn,
    firstResponseOn: responseOn,
    outcome: history.outcome,
    closedOn: history.closedOn,
    stage: history.stage,
    appliedDay,
    firstResponseDays:
      appliedDay !== null && responseOn !== null ? Math.max(0, dayNumber(responseOn) - appliedDay) : null,
    stageGapDays: stageGaps(appliedDay, reachedOn),
  };
}

/** Folds one application's history into the numbers insights need (see `summarizeHistory`). */
export function summarizeApplication(app: InsightApplication): AppSummary {
  return appSummaryFrom(app, summarizeHistory(app.events));
}
