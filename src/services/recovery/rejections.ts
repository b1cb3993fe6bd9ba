import type { EventInput } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { coolOffWindow, DEFAULT_COOL_OFF_HOURS } from '../../core/recovery/cool-off.ts';
import type { JournalInput, RejectionInput, RejectionPatch } from '../../core/recovery/input.ts';
import {
  REASON_TAGS,
  type ReasonTag,
  type RejectionChannel,
  upsertReasonTag,
  validateReasonTags,
} from '../../core/recovery/rejection.ts';
import { zonedInstant } from '../../core/recovery/zoned-time.ts';
import * as apps from '../../store/applications-repository.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import type { FeedbackRequest } from '../../store/feedback-repository.ts';
import * as feedbackRepo from '../../store/feedback-repository.ts';
import * as postMortemRepo from '../../store/post-mortem-repository.ts';
import type { JournalEntry, Rejection } from '../../store/recovery-repository.ts';
import * as repo from '../../store/recovery-repository.ts';
import * as schedule from '../../store/schedule-repository.ts';
import { readSettings, writeSettings } from '../../store/workspace-repository.ts';
import { addEvent } from '../applications.ts';
import { FEEDBACK_ROLES } from '../contacts/contacts.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { coolOffEndItem, feedbackSendItem, postMortemItem, scheduleIds } from './schedule.ts';

/** What a person may say about a rejection when logging it (all optional). */
export interface RecoveryOptions {
  channel?: RejectionChannel;
  reasonTags?: string[];
  coolOffHours?: number | 'skip';
}

/** An `outcome_set` event that also carries the rejection details, so both land in one transaction. */
export type RejectionEvent = EventInput & { recovery?: RecoveryOptions };

const CUSTOM_TAGS_KEY = 'recovery.reasonTags';

export function rejectionNotFound(id: string): ReboundError {
  return new ReboundError('rejection_not_found', `No rejection with id ${id}.`, [
    { path: 'id', message: 'not found' },
  ]);
}

/** The seeded reason tags followed by the user's own (a user tag may relabel a seeded one). */
export async function listReasonTags(ctx: ServiceContext): Promise<ReasonTag[]> {
  const stored = (await readSettings(ctx.db, ctx.workspaceId))[CUSTOM_TAGS_KEY];
  let tags: ReasonTag[] = [...REASON_TAGS];
  if (Array.isArray(stored)) for (const t of stored as ReasonTag[]) tags = upsertReasonTag(tags, t);
  return tags;
}

/** Adds (or relabels) one of the user's reason tags; it is kept with the workspace settings. */
export async function addReasonTag(ctx: ServiceContext, tag: ReasonTag): Promise<ReasonTag[]> {
  const settings = await readSettings(ctx.db, ctx.workspaceId);
  const custom = Array.isArray(settings[CUSTOM_TAGS_KEY]) ? (settings[CUSTOM_TAGS_KEY] as ReasonTag[]) : [];
  const next = upsertReasonTag(custom, tag);
  await writeSettings(ctx.db, ctx.workspaceId, { [CUSTOM_TAGS_KEY]: next });
  return listReasonTags(ctx);
}

function rejectedAtFor(ctx: ServiceContext, day: string): string {
  // Today's news arrived now; news from an earlier day is placed at noon of that day, locally.
  return day === today(ctx) ? nowIso(ctx) : zonedInstant(day, '12:00', ctx.timeZone).toISOString();
}

/**
 * Listens to every history event, inside its transaction (registered in `services/workspace.ts`
 * through `onApplicationEvent`): a new `rejected` outcome creates the rejection record and starts
 * the loop; leaving `rejected` (reopen, undo) keeps the record in history, marks it reopened and
 * drops its pending steps.
 */
export async function recoveryOnApplicationEvent(
  ctx: ServiceContext,
  applicationId: string,
  event: EventInput,
  day: string,
): Promise<void> {
  const input: RejectionEvent = event;
  if (input.type !== 'outcome_set' && input.type !== 'reopened' && input.type !== 'undo') return;
  const app = await apps.findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!app) return;
  const [latest] = await repo.listRejectionsForApplication(ctx.db, ctx.workspaceId, applicationId);
  const active = latest && latest.reopenedAt === null ? latest : undefined;
  if (app.outcome === 'rejected' && !active) {
    const reason = input.type === 'outcome_set' ? (input.reason ?? null) : null;
    await startRecoveryLoop(ctx, app, { ...input.recovery, reasonGiven: reason, day });
  } else if (app.outcome !== 'rejected' && active) {
    await repo.updateRejection(ctx.db, ctx.workspaceId, {
      ...active,
      reopenedAt: nowIso(ctx),
      updatedAt: nowIso(ctx),
    });
    await clearRecoveryReminders(ctx, applicationId, active.id);
  }
}

/** Takes a rejection's recovery steps off Today: the pause's end, the look back, the feedback request. */
async function clearRecoveryReminders(ctx: ServiceContext, applicationId: string, rejectionId: string) {
  const feedback = await feedbackRepo.findFeedbackForRejection(ctx.db, ctx.workspaceId, rejectionId);
  await schedule.deleteScheduledItems(ctx.db, ctx.workspaceId, [
    scheduleIds.coolOffEnd(rejectionId),
    scheduleIds.postMortem(applicationId),
    ...(feedback ? [scheduleIds.feedbackSend(feedback.id), scheduleIds.feedbackChase(feedback.id)] : []),
  ]);
}

/**
 * Leaves an old rejection's recovery steps on its own page but off Today (sample data: a search
 * months old would not have every old "no" still waiting there).
 */
export async function quietOldRecovery(ctx: ServiceContext, applicationId: string): Promise<void> {
  const [latest] = await repo.listRejectionsForApplication(ctx.db, ctx.workspaceId, applicationId);
  if (latest && latest.reopenedAt === null) await clearRecoveryReminders(ctx, applicationId, latest.id);
}

async function startRecoveryLoop(
  ctx: ServiceContext,
  app: NonNullable<Awaited<ReturnType<typeof apps.findApplication>>>,
  opts: RecoveryOptions & { reasonGiven: string | null; day: string },
): Promise<Rejection> {
  const tags = validateReasonTags(opts.reasonTags ?? [], await listReasonTags(ctx));
  const rejectedAt = rejectedAtFor(ctx, opts.day);
  const hours = opts.coolOffHours ?? DEFAULT_COOL_OFF_HOURS;
  const window = coolOffWindow(rejectedAt, hours);
  const now = nowIso(ctx);
  const rejection: Rejection = {
    id: newId(),
    applicationId: app.id,
    stageReached: app.furthestStage,
    channel: opts.channel ?? 'email',
    rejectedAt: window.startsAt,
    reasonGiven: opts.reasonGiven,
    reasonTags: tags,
    coolOffHours: hours === 'skip' ? null : hours,
    coolOffEndsAt: window.endsAt,
    reopenedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await repo.insertRejections(ctx.db, ctx.workspaceId, [rejection]);
  const items = window.skipped ? [] : [coolOffEndItem(rejection, app)];
  if (app.furthestStage !== 'saved') {
    const links = await contactsRepo.listContactLinks(ctx.db, ctx.workspaceId, { applicationId: app.id });
    const link = FEEDBACK_ROLES.map((role) => links.find((l) => l.role === role)).find(Boolean);
    const feedback: FeedbackRequest = {
      id: newId(),
      rejectionId: rejection.id,
      applicationId: app.id,
      contactId: link?.contactId ?? null,
      state: 'drafted',
      dueAt: new Date(Date.parse(window.startsAt) + DEFAULT_COOL_OFF_HOURS * 3_600_000).toISOString(),
      subject: null,
      body: null,
      sentAt: null,
      followUpDueAt: null,
      answeredAt: null,
      answer: null,
      themes: [],
      createdAt: now,
      updatedAt: now,
    };
    await feedbackRepo.insertFeedbackRequests(ctx.db, ctx.workspaceId, [feedback]);
    const rated = await postMortemRepo.listPostMortemItems(ctx.db, ctx.workspaceId, app.id);
    items.push(feedbackSendItem(feedback, app));
    if (rated.length === 0) items.push(postMortemItem(rejection, app));
  }
  await schedule.upsertScheduledItems(ctx.db, ctx.workspaceId, items);
  return rejection;
}

/**
 * Logs a rejection for an open application: closes it as rejected and starts the loop, in one
 * transaction. Closing an application that is already closed is refused.
 */
export async function logRejection(ctx: ServiceContext, input: RejectionInput): Promise<RejectionDetail> {
  const event: RejectionEvent = {
    type: 'outcome_set',
    outcome: 'rejected',
    reason: input.reasonGiven ?? null,
    ...(input.occurredOn ? { occurredOn: input.occurredOn } : {}),
    recovery: { channel: input.channel, reasonTags: input.reasonTags, coolOffHours: input.coolOffHours },
  };
  await addEvent(ctx, input.applicationId, event);
  return getApplicationRejectionOrThrow(ctx, input.applicationId);
}

export interface RejectionDetail extends Rejection {
  company: string;
  role: string;
  feedbackRequest: FeedbackRequest | null;
  journal: JournalEntry[];
}

async function detail(ctx: ServiceContext, rejection: Rejection): Promise<RejectionDetail> {
  const [app, feedback, journal] = await Promise.all([
    apps.findApplication(ctx.db, ctx.workspaceId, rejection.applicationId),
    feedbackRepo.findFeedbackForRejection(ctx.db, ctx.workspaceId, rejection.id),
    repo.listJournalEntries(ctx.db, ctx.workspaceId, rejection.id),
  ]);
  return {
    ...rejection,
    company: app?.company ?? '',
    role: app?.role ?? '',
    feedbackRequest: feedback ?? null,
    journal,
  };
}

export async function getRejectionOrThrow(ctx: ServiceContext, id: string): Promise<RejectionDetail> {
  const rejection = await repo.findRejection(ctx.db, ctx.workspaceId, id);
  if (!rejection) throw rejectionNotFound(id);
  return detail(ctx, rejection);
}

/** The application's latest rejection (kept after a reopen), or `rejection_not_found`. */
export async function getApplicationRejectionOrThrow(
  ctx: ServiceContext,
  applicationId: string,
): Promise<RejectionDetail> {
  const app = await apps.findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!app)
    throw new ReboundError('application_not_found', `No application with id ${applicationId}.`, [
      { path: 'id', message: 'not found' },
    ]);
  const [latest] = await repo.listRejectionsForApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!latest) {
    throw new ReboundError('rejection_not_found', `${app.company} has no rejection on record.`, [
      { path: 'applicationId', message: 'no rejection' },
    ]);
  }
  return detail(ctx, latest);
}

export async function listRejections(ctx: ServiceContext): Promise<RejectionDetail[]> {
  const rows = await repo.listRejections(ctx.db, ctx.workspaceId, 500);
  return Promise.all(rows.map((r) => detail(ctx, r)));
}

/** Edits how the news came, the reason and tags, or the pause (which moves its end on Today). */
export async function updateRejection(
  ctx: ServiceContext,
  id: string,
  patch: RejectionPatch,
): Promise<RejectionDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const t: ServiceContext = { ...ctx, db: trx };
    const current = await repo.findRejection(trx, ctx.workspaceId, id);
    if (!current) throw rejectionNotFound(id);
    const next: Rejection = { ...current, updatedAt: nowIso(ctx) };
    if (patch.step !== undefined) next.flowStep = patch.step;
    if (patch.channel !== undefined) next.channel = patch.channel;
    if (patch.reasonGiven !== undefined) next.reasonGiven = patch.reasonGiven;
    if (patch.reasonTags !== undefined)
      next.reasonTags = validateReasonTags(patch.reasonTags, await listReasonTags(t));
    if (patch.coolOffHours !== undefined) {
      const window = coolOffWindow(current.rejectedAt, patch.coolOffHours);
      next.coolOffHours = patch.coolOffHours === 'skip' ? null : patch.coolOffHours;
      next.coolOffEndsAt = window.endsAt;
      if (current.reopenedAt === null) {
        const app = await apps.findApplication(trx, ctx.workspaceId, current.applicationId);
        if (window.skipped)
          await schedule.deleteScheduledItems(trx, ctx.workspaceId, [scheduleIds.coolOffEnd(id)]);
        else if (app) await schedule.upsertScheduledItems(trx, ctx.workspaceId, [coolOffEndItem(next, app)]);
      }
    }
    await repo.updateRejection(trx, ctx.workspaceId, next);
  });
  return getRejectionOrThrow(ctx, id);
}

/** Saves a private journal entry, tied to a rejection's pause when one is given. */
export async function addJournalEntry(
  ctx: ServiceContext,
  input: JournalInput,
  rejectionId: string | null = null,
): Promise<JournalEntry> {
  if (rejectionId !== null && !(await repo.findRejection(ctx.db, ctx.workspaceId, rejectionId)))
    throw rejectionNotFound(rejectionId);
  const entry: JournalEntry = {
    id: newId(),
    writtenAt: nowIso(ctx),
    mood: input.mood ?? null,
    text: input.text,
    tags: [...new Set(input.tags ?? [])],
    rejectionId,
  };
  await repo.insertJournalEntries(ctx.db, ctx.workspaceId, [entry]);
  return entry;
}
