import { type ApplicationEvent, type Outcome, STAGES, stageIndex } from '../applications/application.ts';
import { orderEvents, undoneEventIds } from '../applications/history.ts';
import type { AppSummary, InsightApplication } from './types.ts';

const APPLIED = stageIndex('applied');
const SCREENING = stageIndex('screening');
const NO_UNDONE: ReadonlySet<string> = new Set();

function isOrdered(events: readonly ApplicationEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    if (a.occurredOn > b.occurredOn || (a.occurredOn === b.occurredOn && a.seq > b.seq)) return false;
  }
  return true;
}

/**
 * Folds one application's history into the numbers insights need, with the same rules as
 * `deriveState` (furthest stage only grows; undone events don't count; a reopen clears the
 * outcome) plus the dates each stage was first reached. Sorts the events at most once.
 */
export function summarizeApplication(app: InsightApplication): AppSummary {
  const events = isOrdered(app.events) ? app.events : orderEvents(app.events);
  const undone = events.some((e) => e.type === 'undo') ? undoneEventIds(events) : NO_UNDONE;
  const reachedOn: (string | undefined)[] = new Array(STAGES.length);
  let stage = 0;
  let furthest = 0;
  let outcome: Outcome | null = null;
  let closedOn: string | null = null;
  let firstResponseOn: string | null = null;
  let firstAppliedOn: string | null = null;

  const reach = (idx: number, on: string) => {
    stage = idx;
    if (reachedOn[idx] === undefined) reachedOn[idx] = on;
    if (idx > furthest) furthest = idx;
    if (idx >= APPLIED && firstAppliedOn === null) firstAppliedOn = on;
  };
  const heard = (on: string) => {
    if (firstResponseOn === null) firstResponseOn = on;
  };

  for (const e of events) {
    if (e.type === 'undo' || undone.has(e.id)) continue;
    switch (e.type) {
      case 'created':
        reach(stageIndex(e.data.stage), e.occurredOn);
        break;
      case 'stage_changed': {
        const idx = stageIndex(e.data.to);
        reach(idx, e.occurredOn);
        if (idx >= SCREENING) heard(e.occurredOn);
        break;
      }
      case 'outcome_set':
        outcome = e.data.outcome;
        closedOn = e.occurredOn;
        if (outcome === 'rejected') heard(e.occurredOn);
        break;
      case 'reopened':
        outcome = null;
        closedOn = null;
        break;
      case 'round_added':
      case 'response':
        heard(e.occurredOn);
        break;
      case 'note':
        break;
    }
  }

  // An application created straight at "interviewing" (an import) responded when it was created.
  const created = reachedOn.findIndex((d) => d !== undefined);
  if (created >= SCREENING && firstResponseOn === null) firstResponseOn = reachedOn[created] ?? null;

  return {
    id: app.id,
    channel: app.channel,
    role: app.role,
    tags: app.tags,
    kind: app.kind,
    furthest,
    reachedOn,
    appliedOn: furthest >= APPLIED ? (app.appliedOn ?? firstAppliedOn) : null,
    firstResponseOn: furthest >= APPLIED ? firstResponseOn : null,
    outcome,
    closedOn,
    stage: STAGES[stage]!,
  };
}
