import { maxDate } from '../dates.ts';
import { ReboundError } from '../errors.ts';
import {
  type ApplicationEvent,
  type DerivedState,
  type Outcome,
  STAGES,
  type Stage,
  stageIndex,
} from './application.ts';

/** Events in the order they happened: by day, then by the order they were recorded. */
export function orderEvents(events: readonly ApplicationEvent[]): ApplicationEvent[] {
  return [...events].sort((a, b) =>
    a.occurredOn === b.occurredOn ? a.seq - b.seq : a.occurredOn < b.occurredOn ? -1 : 1,
  );
}

/**
 * The ids of events that an undo has taken back. An undo can itself be undone (a redo), so an
 * event counts as undone only when an undo that is still in force points at it.
 */
export function undoneEventIds(events: readonly ApplicationEvent[]): Set<string> {
  const undoersOf = new Map<string, string[]>();
  for (const e of events) {
    if (e.type === 'undo') {
      const list = undoersOf.get(e.data.eventId) ?? [];
      list.push(e.id);
      undoersOf.set(e.data.eventId, list);
    }
  }
  const memo = new Map<string, boolean>();
  const isUndone = (id: string, depth: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (depth > events.length) return false;
    const result = (undoersOf.get(id) ?? []).some((u) => !isUndone(u, depth + 1));
    memo.set(id, result);
    return result;
  };
  const undone = new Set<string>();
  for (const e of events) if (isUndone(e.id, 0)) undone.add(e.id);
  return undone;
}

const RESPONSE_STAGE = stageIndex('screening');

/**
 * Folds the history into the current state. The furthest stage only ever grows: moving a card
 * back or closing it keeps how far it got. Only an undo (a mistaken move) takes a stage back out.
 */
export function deriveState(events: readonly ApplicationEvent[]): DerivedState {
  const undone = undoneEventIds(events);
  let stage: Stage = 'saved';
  let furthest = 0;
  let outcome: Outcome | null = null;
  let closedOn: string | null = null;
  let lastResponseOn: string | null = null;
  let lastActivityOn: string | null = null;

  for (const e of orderEvents(events)) {
    if (undone.has(e.id) || e.type === 'undo') continue;
    lastActivityOn = maxDate(lastActivityOn, e.occurredOn);
    switch (e.type) {
      case 'created':
        stage = e.data.stage;
        furthest = Math.max(furthest, stageIndex(stage));
        break;
      case 'stage_changed':
        stage = e.data.to;
        furthest = Math.max(furthest, stageIndex(stage));
        if (stageIndex(stage) >= RESPONSE_STAGE) lastResponseOn = maxDate(lastResponseOn, e.occurredOn);
        break;
      case 'outcome_set':
        outcome = e.data.outcome;
        closedOn = e.occurredOn;
        if (outcome === 'rejected') lastResponseOn = maxDate(lastResponseOn, e.occurredOn);
        break;
      case 'reopened':
        outcome = null;
        closedOn = null;
        break;
      case 'round_added':
      case 'response':
        lastResponseOn = maxDate(lastResponseOn, e.occurredOn);
        break;
      case 'note':
        break;
    }
  }
  return { stage, furthestStage: STAGES[furthest]!, outcome, closedOn, lastResponseOn, lastActivityOn };
}

/** The most recent stage move or outcome still in force: what "Undo" takes back. */
export function lastUndoableEvent(events: readonly ApplicationEvent[]): ApplicationEvent | undefined {
  const undone = undoneEventIds(events);
  const candidates = [...events]
    .filter((e) => !undone.has(e.id))
    .filter((e) => e.type === 'stage_changed' || e.type === 'outcome_set' || e.type === 'reopened')
    .sort((a, b) => b.seq - a.seq);
  return candidates[0];
}

/** Refuses a stage move that makes no sense for the current state; returns the event payload. */
export function planStageChange(state: DerivedState, to: Stage): { from: Stage; to: Stage } {
  if (state.outcome !== null) {
    throw new ReboundError(
      'application_closed',
      `This application is closed (${state.outcome}). Reopen it before moving it.`,
      [{ path: 'stage', message: 'application is closed' }],
    );
  }
  if (state.stage === to) {
    throw new ReboundError('invalid_transition', `The application is already at ${to}.`, [
      { path: 'stage', message: `already ${to}` },
    ]);
  }
  return { from: state.stage, to };
}

/** Refuses an outcome that does not fit: closing twice, or declining without an offer. */
export function planOutcome(state: DerivedState, outcome: Outcome): void {
  if (state.outcome !== null) {
    throw new ReboundError(
      'application_closed',
      `This application is already closed (${state.outcome}). Reopen it first if something changed.`,
      [{ path: 'outcome', message: `already ${state.outcome}` }],
    );
  }
  if (outcome === 'declined' && stageIndex(state.furthestStage) < stageIndex('offer')) {
    throw new ReboundError('invalid_transition', 'Only an offer can be declined.', [
      { path: 'outcome', message: 'declined needs an offer' },
    ]);
  }
}

/** Refuses to reopen an application that is still open. */
export function planReopen(state: DerivedState): { previousOutcome: Outcome | null } {
  if (state.outcome === null) {
    throw new ReboundError('invalid_transition', 'This application is already open.', [
      { path: 'outcome', message: 'not closed' },
    ]);
  }
  return { previousOutcome: state.outcome };
}
