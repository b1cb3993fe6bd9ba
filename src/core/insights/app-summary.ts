import { type ApplicationEvent, type Outcome, STAGES, stageIndex } from '../applications/application.ts';
import { orderEvents, undoneEventIds } from '../applications/history.ts';
import { dayNumber } from './stats.ts';
import type { AppSummary, InsightApplication } from './types.ts';

// A local lookup: faster than indexOf for every event of every application.
const STAGE_INDEX = new Map<string, number>(STAGES.map((st, i) => [st, i]));
const APPLIED = stageIndex('applied');
const SCREENING = stageIndex('screening');
const NO_UNDONE: ReadonlySet<string> = new Set();

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

function isOrdered(events: readonly ApplicationEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    if (a.occurredOn > b.occurredOn || (a.occurredOn === b.occurredOn && a.seq > b.seq)) return false;
  }
  return true;
}

function hasUndo(events: readonly ApplicationEvent[]): boolean {
  for (const e of events) if (e.type === 'undo') return true;
  return false;
}

/**
 * Folds one application's history into the numbers insights need, with the same rules as
 * `deriveState` (furthest stage only grows; undone events don't count; a reopen clears the
 * outcome) plus the dates each stage was first reached. Sorts the events at most once.
 */
export function summarizeApplication(app: InsightApplication): AppSummary {
  const events = isOrdered(app.events) ? app.events : orderEvents(app.events);
  const undone = hasUndo(events) ? undoneEventIds(events) : NO_UNDONE;
  const reachedOn: (string | undefined)[] = new Array(STAGES.length);
  let stage = 0;
  let furthest = 0;
  let outcome: Outcome | null = null;
  let closedOn: string | null = null;
  let firstResponseOn: string | null = null;
  let firstAppliedOn: string | null = null;

  for (const e of events) {
    if (e.type === 'undo' || undone.has(e.id)) continue;
    switch (e.type) {
      case 'created':
      case 'stage_changed': {
        // Inlined rather than a helper closure: this loop runs for every event of every application.
        const idx = STAGE_INDEX.get(e.type === 'created' ? e.data.stage : e.data.to) ?? 0;
        stage = idx;
        if (reachedOn[idx] === undefined) reachedOn[idx] = e.occurredOn;
        if (idx > furthest) furthest = idx;
        if (idx >= APPLIED && firstAppliedOn === null) firstAppliedOn = e.occurredOn;
        if (e.type === 'stage_changed' && idx >= SCREENING && firstResponseOn === null)
          firstResponseOn = e.occurredOn;
        break;
      }
      case 'outcome_set':
        outcome = e.data.outcome;
        closedOn = e.occurredOn;
        if (outcome === 'rejected' && firstResponseOn === null) firstResponseOn = e.occurredOn;
        break;
      case 'reopened':
        outcome = null;
        closedOn = null;
        break;
      case 'round_added':
      case 'response':
        if (firstResponseOn === null) firstResponseOn = e.occurredOn;
        break;
      default:
        break;
    }
  }

  // An application created straight at "interviewing" (an import) responded when it was created.
  let created = 0;
  while (created < reachedOn.length && reachedOn[created] === undefined) created++;
  if (created >= SCREENING && firstResponseOn === null) firstResponseOn = reachedOn[created] ?? null;

  const appliedOn = furthest >= APPLIED ? (app.appliedOn ?? firstAppliedOn) : null;
  const responseOn = furthest >= APPLIED ? firstResponseOn : null;
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
    outcome,
    closedOn,
    stage: STAGES[stage]!,
    appliedDay,
    firstResponseDays:
      appliedDay !== null && responseOn !== null ? Math.max(0, dayNumber(responseOn) - appliedDay) : null,
    stageGapDays: stageGaps(appliedDay, reachedOn),
  };
}
