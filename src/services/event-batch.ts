/** Recording events on applications, one or many at once: planned against each history, written in batches. */
import type {
  Application,
  ApplicationEvent,
  EventData,
  EventType,
} from '../core/applications/application.ts';
import { stageIndex } from '../core/applications/application.ts';
import {
  CORRECTIONS,
  deriveState,
  lastUndoableEvent,
  planOutcome,
  planReopen,
  planStageChange,
  undoneEventIds,
} from '../core/applications/history.ts';
import type { EventInput } from '../core/applications/input.ts';
import { ReboundError } from '../core/errors.ts';
import * as repo from '../store/applications-repository.ts';
import * as eventsRepo from '../store/events-repository.ts';
import { refreshSearchDocuments } from '../store/search-repository.ts';
import { appendHistories } from '../store/summaries-repository.ts';
import { applicationEventRecorded } from './application-events.ts';
import { newId, nowIso, type ServiceContext, today } from './context.ts';

export type NewEvent = { [T in EventType]: { type: T; occurredOn: string; data: EventData[T] } }[EventType];

/** The `application_not_found` error for an id. */
export function notFound(id: string): ReboundError {
  return new ReboundError('application_not_found', `No application with id ${id}.`, [
    { path: 'id', message: 'not found' },
  ]);
}

export function refuseFuture(ctx: ServiceContext, date: string | null | undefined, path: string): void {
  if (date && date > today(ctx)) {
    throw new ReboundError('invalid_input', `${path}: must not be in the future`, [
      { path, message: 'must not be in the future' },
    ]);
  }
}

/**
 * Records many events on many applications inside the caller's transaction (`ctx.db` is the
 * transaction), exactly as `addEvent` would one by one, with the writes gathered: the
 * applications and their histories are read once up front, each `add` plans its event against
 * the history so far (and throws, writing nothing, when it cannot be recorded), and `flush`
 * writes every event in multi-row inserts, each touched application's summary and search
 * document once, then tells the listeners (`applicationEventRecorded`) about each event in order.
 */
export class EventBatch {
  private readonly added = new Map<string, ApplicationEvent[]>();
  private readonly appliedOn = new Map<string, string>();
  private readonly noted = new Set<string>();
  private readonly announced: Array<{ id: string; input: EventInput; day: string }> = [];

  private constructor(
    private readonly ctx: ServiceContext,
    private readonly apps: Map<string, Application>,
    private readonly histories: Map<string, ApplicationEvent[]>,
  ) {}

  /** Reads these applications (locking their rows on PostgreSQL) and their histories. */
  static async load(ctx: ServiceContext, ids: readonly string[]): Promise<EventBatch> {
    const unique = [...new Set(ids)];
    const [apps, histories] = await Promise.all([
      repo.findApplications(ctx.db, ctx.workspaceId, unique),
      eventsRepo.listEventsOf(ctx.db, ctx.workspaceId, unique),
    ]);
    return new EventBatch(ctx, apps, histories);
  }

  /** The application as it stands with the events added so far; undefined when there is none. */
  application(id: string): Application | undefined {
    return this.apps.get(id);
  }

  /** Plans one event on an application (nothing is written until `flush`). */
  add(id: string, input: EventInput): void {
    const { ctx } = this;
    const day = 'occurredOn' in input && input.occurredOn ? input.occurredOn : today(ctx);
    refuseFuture(ctx, day, 'occurredOn');
    const app = this.apps.get(id);
    if (!app) throw notFound(id);
    const events = this.histories.get(id) ?? [];
    const state = deriveState(events);
    let planned: NewEvent;
    let appliedOn: string | undefined;
    switch (input.type) {
      case 'stage_changed':
        planned = { type: 'stage_changed', occurredOn: day, data: planStageChange(state, input.stage) };
        if (app.appliedOn === null && stageIndex(input.stage) >= stageIndex('applied')) appliedOn = day;
        break;
      case 'outcome_set':
        planOutcome(state, input.outcome);
        planned = {
          type: 'outcome_set',
          occurredOn: day,
          data: { outcome: input.outcome, reason: input.reason ?? null },
        };
        break;
      case 'reopened':
        planned = { type: 'reopened', occurredOn: day, data: planReopen(state) };
        break;
      case 'response':
        planned = { type: 'response', occurredOn: day, data: { summary: input.summary ?? null } };
        break;
      case 'note':
        planned = { type: 'note', occurredOn: day, data: { text: input.text } };
        break;
      case 'undo': {
        const target = pickUndoTarget(events, input.eventId);
        planned = { type: 'undo', occurredOn: today(ctx), data: { eventId: target.id } };
        break;
      }
    }
    const seq = events.reduce((m, e) => Math.max(m, e.seq), 0) + 1;
    const event = {
      ...planned,
      id: newId(),
      applicationId: id,
      seq,
      recordedAt: nowIso(ctx),
    } as ApplicationEvent;
    const history = [...events, event];
    this.histories.set(id, history);
    const added = this.added.get(id);
    if (added) added.push(event);
    else this.added.set(id, [event]);
    this.apps.set(id, {
      ...app,
      ...(appliedOn !== undefined ? { appliedOn } : {}),
      ...deriveState(history),
    });
    if (appliedOn !== undefined) this.appliedOn.set(id, appliedOn);
    if (input.type === 'note') this.noted.add(id);
    this.announced.push({ id, input, day });
  }

  /** Writes what was added, then announces each event; the batch is empty again afterwards. */
  async flush(): Promise<void> {
    const { ctx } = this;
    const now = nowIso(ctx);
    for (const [id, appliedOn] of this.appliedOn)
      await repo.updateApplicationFields(ctx.db, ctx.workspaceId, id, { appliedOn }, now);
    await appendHistories(
      ctx.db,
      ctx.workspaceId,
      [...this.added].map(([id, added]) => ({ applicationId: id, history: this.histories.get(id)!, added })),
      now,
    );
    if (this.noted.size > 0) await refreshSearchDocuments(ctx.db, ctx.workspaceId, [...this.noted]);
    const announced = this.announced.splice(0);
    this.added.clear();
    this.appliedOn.clear();
    this.noted.clear();
    for (const { id, input, day } of announced) await applicationEventRecorded(ctx, id, input, day);
  }
}

function pickUndoTarget(events: ApplicationEvent[], eventId: string | undefined): ApplicationEvent {
  if (eventId === undefined) {
    const last = lastUndoableEvent(events);
    if (!last)
      throw new ReboundError('invalid_transition', 'There is no move to undo.', [
        { path: 'eventId', message: 'nothing to undo' },
      ]);
    return last;
  }
  const target = events.find((e) => e.id === eventId);
  if (!target) {
    throw new ReboundError('event_not_found', `No event with id ${eventId} on this application.`, [
      { path: 'eventId', message: 'not found' },
    ]);
  }
  if (CORRECTIONS.has(target.type)) {
    throw new ReboundError(
      'invalid_transition',
      'An edit or a deletion cannot be undone; edit the round or note again instead.',
      [{ path: 'eventId', message: 'cannot undo a correction' }],
    );
  }
  if (target.type === 'created') {
    throw new ReboundError(
      'invalid_transition',
      'The first event cannot be undone; delete the application instead.',
      [{ path: 'eventId', message: 'cannot undo creation' }],
    );
  }
  if (undoneEventIds(events).has(target.id)) {
    throw new ReboundError('invalid_transition', 'That event is already undone.', [
      { path: 'eventId', message: 'already undone' },
    ]);
  }
  return target;
}
