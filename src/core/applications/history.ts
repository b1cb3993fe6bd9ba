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

// A local lookup: faster than indexOf for every event of every application.
const STAGE_INDEX = new Map<string, number>(STAGES.map((st, i) => [st, i]));
const APPLIED = stageIndex('applied');
const RESPONSE_STAGE = stageIndex('screening');
const NO_UNDONE: ReadonlySet<string> = new Set();

/** Events that correct earlier entries (edits and deletions); they are not things that happened. */
export const CORRECTIONS: ReadonlySet<string> = new Set([
  'round_edited',
  'round_deleted',
  'note_edited',
  'note_deleted',
]);

/** The ids of interview rounds that have been deleted. */
export function deletedRoundIds(events: readonly ApplicationEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) if (e.type === 'round_deleted') ids.add(e.data.roundId);
  return ids;
}

/** Each note as it reads now: its latest text, and whether it was edited or deleted. */
export interface NoteState {
  text: string;
  edited: boolean;
  deleted: boolean;
}

/** The current state of every note, by the id of the note's event, after edits and deletions. */
export function currentNotes(events: readonly ApplicationEvent[]): Map<string, NoteState> {
  const notes = new Map<string, NoteState>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.type === 'note') notes.set(e.id, { text: e.data.text, edited: false, deleted: false });
    else if (e.type === 'note_edited') {
      const note = notes.get(e.data.eventId);
      if (note) notes.set(e.data.eventId, { ...note, text: e.data.text, edited: true });
    } else if (e.type === 'note_deleted') {
      const note = notes.get(e.data.eventId);
      if (note) notes.set(e.data.eventId, { ...note, deleted: true });
    }
  }
  return notes;
}

/** Finds a note that can still be changed, or explains why not. */
export function planNoteChange(events: readonly ApplicationEvent[], eventId: string): NoteState {
  const note = currentNotes(events).get(eventId);
  if (!note) {
    throw new ReboundError('event_not_found', `No note with id ${eventId} on this application.`, [
      { path: 'eventId', message: 'not a note of this application' },
    ]);
  }
  if (note.deleted) {
    throw new ReboundError('invalid_transition', 'That note is already deleted.', [
      { path: 'eventId', message: 'already deleted' },
    ]);
  }
  return note;
}

/**
 * Everything an application's history says, folded once: the derived state the board shows plus
 * what insights count (the day each stage was first reached, the first move out and the first
 * answer, and how many events, rounds and replies it holds). The store keeps one of these per
 * application, written in the same transaction as each event (`application_summaries`), so
 * analytics aggregate rows instead of re-reading histories; rebuilding it from the events gives
 * the same value.
 */
export interface HistorySummary extends DerivedState {
  /** First day each stage was explicitly reached, by index into STAGES; null when skipped or never reached. */
  reachedOn: (string | null)[];
  /** The first move to applied or beyond (the day it was created there, for an import). */
  firstAppliedOn: string | null;
  /** The first answer: a move past applied, a round, a reply or a rejection (or created past applied). */
  firstResponseOn: string | null;
  /** Events still in force (undos and what they took back excluded). */
  eventCount: number;
  roundCount: number;
  responseCount: number;
}

function isOrdered(events: readonly ApplicationEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    if (a.occurredOn > b.occurredOn || (a.occurredOn === b.occurredOn && a.seq > b.seq)) return false;
  }
  return true;
}

function hasRoundDeleted(events: readonly ApplicationEvent[]): boolean {
  for (const e of events) if (e.type === 'round_deleted') return true;
  return false;
}

function hasUndo(events: readonly ApplicationEvent[]): boolean {
  for (const e of events) if (e.type === 'undo') return true;
  return false;
}

/**
 * Folds the history into its summary. The furthest stage only ever grows: moving a card back or
 * closing it keeps how far it got. Only an undo (a mistaken move) takes a stage back out; a
 * reopen clears the outcome. Sorts the events at most once; this runs for every application of
 * an import, so the loop is written out rather than built from helpers.
 */
export function summarizeHistory(history: readonly ApplicationEvent[]): HistorySummary {
  const events = isOrdered(history) ? history : orderEvents(history);
  const undone = hasUndo(events) ? undoneEventIds(events) : NO_UNDONE;
  const reachedOn: (string | null)[] = STAGES.map(() => null);
  let stage = 0;
  let furthest = 0;
  let outcome: Outcome | null = null;
  let closedOn: string | null = null;
  let lastResponseOn: string | null = null;
  let lastActivityOn: string | null = null;
  let firstResponseOn: string | null = null;
  let firstAppliedOn: string | null = null;
  let eventCount = 0;
  let roundCount = 0;
  let responseCount = 0;
  const deletedRounds = hasRoundDeleted(events) ? deletedRoundIds(events) : NO_UNDONE;

  for (const e of events) {
    if (e.type === 'undo' || undone.has(e.id) || CORRECTIONS.has(e.type)) continue;
    // A round taken out never happened: it is neither a reply nor activity.
    if (e.type === 'round_added' && deletedRounds.has(e.data.roundId)) continue;
    eventCount++;
    lastActivityOn = maxDate(lastActivityOn, e.occurredOn);
    switch (e.type) {
      case 'created':
      case 'stage_changed': {
        const idx = STAGE_INDEX.get(e.type === 'created' ? e.data.stage : e.data.to) ?? 0;
        stage = idx;
        if (reachedOn[idx] === null) reachedOn[idx] = e.occurredOn;
        if (idx > furthest) furthest = idx;
        if (idx >= APPLIED && firstAppliedOn === null) firstAppliedOn = e.occurredOn;
        if (e.type === 'stage_changed' && idx >= RESPONSE_STAGE) {
          lastResponseOn = maxDate(lastResponseOn, e.occurredOn);
          if (firstResponseOn === null) firstResponseOn = e.occurredOn;
        }
        // Entered at screening or later: the employer has answered, at the latest by the day it
        // was written down. Silence is counted from then, never from the applied date.
        if (e.type === 'created' && idx >= RESPONSE_STAGE) {
          lastResponseOn = maxDate(lastResponseOn, maxDate(e.occurredOn, e.recordedAt.slice(0, 10)));
        }
        break;
      }
      case 'outcome_set':
        outcome = e.data.outcome;
        closedOn = e.occurredOn;
        if (outcome === 'rejected') {
          lastResponseOn = maxDate(lastResponseOn, e.occurredOn);
          if (firstResponseOn === null) firstResponseOn = e.occurredOn;
        }
        break;
      case 'reopened':
        outcome = null;
        closedOn = null;
        break;
      case 'round_added':
      case 'response':
        if (e.type === 'round_added') roundCount++;
        else responseCount++;
        lastResponseOn = maxDate(lastResponseOn, e.occurredOn);
        if (firstResponseOn === null) firstResponseOn = e.occurredOn;
        break;
      default:
        break;
    }
  }

  // An application created straight at "interviewing" (an import) responded when it was created.
  let created = 0;
  while (created < reachedOn.length && reachedOn[created] === null) created++;
  if (created >= RESPONSE_STAGE && firstResponseOn === null) firstResponseOn = reachedOn[created] ?? null;

  return {
    stage: STAGES[stage]!,
    furthestStage: STAGES[furthest]!,
    outcome,
    closedOn,
    lastResponseOn,
    lastActivityOn,
    reachedOn,
    firstAppliedOn,
    firstResponseOn,
    eventCount,
    roundCount,
    responseCount,
  };
}

/** The derived state the board shows (see `summarizeHistory`). */
export function deriveState(events: readonly ApplicationEvent[]): DerivedState {
  return derivedFields(summarizeHistory(events));
}

/** The columns of an application that a history summary decides. */
export function derivedFields(s: HistorySummary): DerivedState {
  return {
    stage: s.stage,
    furthestStage: s.furthestStage,
    outcome: s.outcome,
    closedOn: s.closedOn,
    lastResponseOn: s.lastResponseOn,
    lastActivityOn: s.lastActivityOn,
  };
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
