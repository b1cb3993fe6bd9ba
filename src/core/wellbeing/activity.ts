import { type ApplicationEvent, stageIndex } from '../applications/application.ts';
import { orderEvents, undoneEventIds } from '../applications/history.ts';

/** What a person did, as logged; goals and wins are counted from it, never typed in twice. */
export interface Activity {
  /** Applications with their histories; each counts as sent on the day it first reached "applied". */
  applications?: readonly { id: string; events: readonly ApplicationEvent[]; appliedOn?: string | null }[];
  /** Networking time and conversations (a log without a count is one conversation). */
  networking?: readonly { on: string; minutes?: number; conversations?: number }[];
  /** Learning time; `finished` marks the day a course or book was completed. */
  learning?: readonly { on: string; minutes: number; title?: string; finished?: boolean }[];
  /** Progress on a custom goal, by its id. */
  custom?: readonly { goalId: string; on: string; amount: number }[];
}

const APPLIED = stageIndex('applied');

/** The day an application went out according to its history (undone moves ignored), or null if it never did. */
export function sentOn(events: readonly ApplicationEvent[]): string | null {
  const undone = events.some((e) => e.type === 'undo') ? undoneEventIds(events) : null;
  for (const e of orderEvents(events)) {
    if (undone?.has(e.id)) continue;
    if (e.type === 'created' && stageIndex(e.data.stage) >= APPLIED) return e.occurredOn;
    if (e.type === 'stage_changed' && stageIndex(e.data.to) >= APPLIED) return e.occurredOn;
  }
  return null;
}
