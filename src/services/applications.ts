import type {
  Application,
  ApplicationEvent,
  InterviewRound,
  Stage,
} from '../core/applications/application.ts';
import { stageIndex } from '../core/applications/application.ts';
import {
  currentNotes,
  deriveState,
  type NoteState,
  planNoteChange,
  undoneEventIds,
} from '../core/applications/history.ts';
import type {
  CreateApplicationInput,
  EventInput,
  ListQuery,
  NoteUpdate,
  UpdateApplicationInput,
} from '../core/applications/input.ts';
import { ReboundError } from '../core/errors.ts';
import { findApplicationDetail } from '../store/application-detail-repository.ts';
import { listApplications as listStoredApplications } from '../store/applications-list-repository.ts';
import * as repo from '../store/applications-repository.ts';
import { insertApplicationsWithHistory } from '../store/bulk-rows.ts';
import * as eventsRepo from '../store/events-repository.ts';
import { refreshSearchDocuments } from '../store/search-repository.ts';
import { findLatestResumeVersion } from '../store/skills-repository.ts';
import { appendHistory } from '../store/summaries-repository.ts';
import { newId, nowIso, type ServiceContext, today } from './context.ts';
import { EventBatch, type NewEvent, notFound, refuseFuture } from './event-batch.ts';

export { EventBatch, type NewEvent, notFound };

export interface ApplicationDetail extends Application {
  /** The history; a note carries how it reads now (`current`), after edits and deletion. */
  events: Array<
    ApplicationEvent & { undone: boolean; current?: { text: string; edited: boolean; deleted: boolean } }
  >;
  rounds: InterviewRound[];
}

/**
 * The id of the application `ref` names: its id, or its company's name when only one application
 * is at that company (ids start with the time they were made, so their first characters do not
 * tell applications apart). A name that fits several
 * is refused with the candidates listed; a name that fits none is returned as it was, so the
 * command says "No application with id …".
 */
export async function resolveApplicationId(ctx: ServiceContext, ref: string): Promise<string> {
  const given = ref.trim();
  if (given === '') return ref;
  const found = await repo.findApplicationRefs(ctx.db, ctx.workspaceId, given, 6);
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0) return ref;
  const shown = found.slice(0, 5).map((a) => `${a.id} (${a.company} — ${a.role})`);
  const more = found.length > 5 ? '; and more' : '';
  throw new ReboundError(
    'invalid_input',
    `"${given}" fits more than one application: ${shown.join(', ')}${more}. Give its id.`,
    [{ path: 'id', message: 'fits more than one application' }],
  );
}

/** Loads an application with its history, or throws `application_not_found`. */
export async function getApplicationOrThrow(ctx: ServiceContext, id: string): Promise<ApplicationDetail> {
  // One statement reads the application, its events and its rounds (store/application-detail-repository.ts).
  const found = await findApplicationDetail(ctx.db, ctx.workspaceId, id);
  if (!found) throw notFound(id);
  const { app, events, rounds } = found;
  const undone = undoneEventIds(events);
  const notes = currentNotes(events);
  // The events were just read for this answer alone: marked in place rather than copied.
  for (const e of events as DetailEvent[]) {
    e.undone = undone.has(e.id);
    const current = notes.get(e.id);
    if (current) e.current = current;
  }
  return Object.assign(app, { events: events as DetailEvent[], rounds });
}

type DetailEvent = ApplicationDetail['events'][number];

/** Builds the first event and the derived state of a new application. Shared with imports. */
export function newApplicationRecord(
  input: CreateApplicationInput,
  opts: { id: string; today: string; now: string },
): { app: Application; event: ApplicationEvent } {
  const stage: Stage = input.stage ?? 'applied';
  const appliedOn = input.appliedOn ?? (stageIndex(stage) >= stageIndex('applied') ? opts.today : null);
  const event: ApplicationEvent = {
    id: newId(),
    applicationId: opts.id,
    seq: 1,
    type: 'created',
    occurredOn: appliedOn ?? opts.today,
    recordedAt: opts.now,
    data: { stage },
  };
  const app: Application = {
    id: opts.id,
    company: input.company,
    role: input.role,
    jobUrl: input.jobUrl ?? null,
    website: input.website ?? null,
    location: input.location ?? null,
    workMode: input.workMode ?? null,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    salaryCurrency: input.salaryCurrency ?? null,
    jobDescription: input.jobDescription ?? null,
    channel: input.channel ?? 'job_board',
    kind: input.kind ?? 'job',
    resumeVersion: input.resumeVersion ?? null,
    coverLetterVersion: input.coverLetterVersion ?? null,
    tags: input.tags ?? [],
    notes: input.notes ?? null,
    priority: input.priority ?? null,
    excitement: input.excitement ?? null,
    appliedOn,
    ...deriveState([event]),
    createdAt: opts.now,
    updatedAt: opts.now,
  };
  return { app, event };
}

export async function createApplication(
  ctx: ServiceContext,
  input: CreateApplicationInput,
): Promise<ApplicationDetail> {
  refuseFuture(ctx, input.appliedOn, 'appliedOn');
  const id = newId();
  // An application that is sent remembers the resume version current at the time (skills loop).
  const sentWith =
    input.resumeVersion === undefined && stageIndex(input.stage ?? 'applied') >= stageIndex('applied')
      ? (await findLatestResumeVersion(ctx.db, ctx.workspaceId))?.label
      : undefined;
  const { app, event } = newApplicationRecord(sentWith ? { ...input, resumeVersion: sentWith } : input, {
    id,
    today: today(ctx),
    now: nowIso(ctx),
  });
  await ctx.db.transaction().execute(async (trx) => {
    await insertApplicationsWithHistory(trx, ctx.workspaceId, [app], [event]);
  });
  return getApplicationOrThrow(ctx, id);
}

export async function updateApplication(
  ctx: ServiceContext,
  id: string,
  input: UpdateApplicationInput,
): Promise<ApplicationDetail> {
  refuseFuture(ctx, input.appliedOn, 'appliedOn');
  const existing = await repo.findApplication(ctx.db, ctx.workspaceId, id);
  if (!existing) throw notFound(id);
  const min = input.salaryMin !== undefined ? input.salaryMin : existing.salaryMin;
  const max = input.salaryMax !== undefined ? input.salaryMax : existing.salaryMax;
  if (min != null && max != null && min > max) {
    throw new ReboundError('invalid_input', 'salaryMax: must be at least the lowest salary', [
      { path: 'salaryMax', message: 'must be at least the lowest salary' },
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateApplicationFields(trx, ctx.workspaceId, id, input, nowIso(ctx));
    await refreshSearchDocuments(trx, ctx.workspaceId, [id]);
  });
  return getApplicationOrThrow(ctx, id);
}

export async function deleteApplication(ctx: ServiceContext, id: string): Promise<void> {
  // One transaction: the application leaves the insight tallies exactly when it is deleted.
  const deleted = await ctx.db
    .transaction()
    .execute((trx) => repo.deleteApplication(trx, ctx.workspaceId, id));
  if (!deleted) throw notFound(id);
}

export async function listApplications(ctx: ServiceContext, query: ListQuery) {
  return listStoredApplications(ctx.db, ctx.workspaceId, query);
}

/** An event as planned, before it gets an id, a sequence number and a recording time. */

/**
 * Appends one event to an application's history and refreshes its derived state, in one
 * transaction. Stage moves, outcomes, reopenings and undos are checked against the history first.
 */
export async function addEvent(
  ctx: ServiceContext,
  id: string,
  input: EventInput,
): Promise<ApplicationDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const batch = await EventBatch.load({ ...ctx, db: trx }, [id]);
    batch.add(id, input);
    await batch.flush();
  });
  return getApplicationOrThrow(ctx, id);
}

/** Appends planned events after the existing ones and refreshes the derived state, inside `trx`. */
export async function appendEvents(
  trx: ServiceContext['db'],
  ctx: ServiceContext,
  id: string,
  existing: ApplicationEvent[],
  planned: NewEvent[],
): Promise<void> {
  let seq = existing.reduce((m, e) => Math.max(m, e.seq), 0);
  const recordedAt = nowIso(ctx);
  const added = planned.map(
    (p) => ({ ...p, id: newId(), applicationId: id, seq: ++seq, recordedAt }) as ApplicationEvent,
  );
  await appendHistory(trx, ctx.workspaceId, id, [...existing, ...added], added, recordedAt);
}

/**
 * Records one correction to a timeline note (the event `change` builds from the note as it reads
 * now, or null for nothing to do), then re-indexes the application for search.
 */
async function correctNote(
  ctx: ServiceContext,
  id: string,
  eventId: string,
  change: (note: NoteState) => NewEvent | null,
): Promise<ApplicationDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const app = await repo.findApplication(trx, ctx.workspaceId, id);
    if (!app) throw notFound(id);
    const events = await eventsRepo.listEvents(trx, ctx.workspaceId, id);
    const event = change(planNoteChange(events, eventId));
    if (!event) return;
    await appendEvents(trx, ctx, id, events, [event]);
    await refreshSearchDocuments(trx, ctx.workspaceId, [id]);
  });
  return getApplicationOrThrow(ctx, id);
}

/** Rewrites a timeline note; the history keeps the earlier text in a `note_edited` event. */
export function updateNote(
  ctx: ServiceContext,
  id: string,
  eventId: string,
  input: NoteUpdate,
): Promise<ApplicationDetail> {
  return correctNote(ctx, id, eventId, (note) =>
    note.text === input.text
      ? null
      : {
          type: 'note_edited',
          occurredOn: today(ctx),
          data: { eventId, text: input.text, previousText: note.text },
        },
  );
}

/** Deletes a timeline note: it leaves the timeline and search; a `note_deleted` event keeps its text. */
export function deleteNote(ctx: ServiceContext, id: string, eventId: string): Promise<ApplicationDetail> {
  return correctNote(ctx, id, eventId, (note) => ({
    type: 'note_deleted',
    occurredOn: today(ctx),
    data: { eventId, text: note.text },
  }));
}
