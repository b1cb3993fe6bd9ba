import { ReboundError } from '../../core/errors.ts';
import {
  draftFeedbackRequest,
  emlText,
  type FeedbackDraft,
  isAutomaticSender,
  mailtoUrl,
} from '../../core/recovery/feedback-request.ts';
import {
  type FeedbackThemeTag,
  feedbackFollowUpDue,
  planFeedbackTransition,
  validateFeedbackThemes,
} from '../../core/recovery/feedback-state.ts';
import type { FeedbackContactPatch, FeedbackRequestPatch } from '../../core/recovery/input.ts';
import * as apps from '../../store/applications-repository.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import * as eventsRepo from '../../store/events-repository.ts';
import type { FeedbackRequest } from '../../store/feedback-repository.ts';
import * as feedbackRepo from '../../store/feedback-repository.ts';
import { listMailMessagesForApplication } from '../../store/imports-repository.ts';
import * as repo from '../../store/recovery-repository.ts';
import * as schedule from '../../store/schedule-repository.ts';
import { readSettings } from '../../store/workspace-repository.ts';
import { nowIso, type ServiceContext } from '../context.ts';
import { feedbackChaseItem, scheduleIds } from './schedule.ts';
import { loadTemplate } from './templates.ts';

export interface FeedbackDetail extends FeedbackRequest {
  company: string;
  role: string;
  draft: Pick<FeedbackDraft, 'subject' | 'body' | 'to' | 'toName' | 'questions' | 'missing'> & {
    /** True when the words are the user's own, kept from an edit. */
    edited: boolean;
  };
  mailto: string;
  /**
   * The no-reply address the "no" came from (or the chosen contact's, when it is one): no person
   * reads it, so the recruiter or an interviewer is the one to ask.
   */
  automaticSender: string | null;
}

function notFound(id: string): ReboundError {
  return new ReboundError('feedback_request_not_found', `No feedback request with id ${id}.`, [
    { path: 'id', message: 'not found' },
  ]);
}

type Db = ServiceContext['db'];

/** Refuses a contact id that names no one, on the `contactId` field. */
async function requireContact(db: Db, ctx: ServiceContext, contactId: string | null): Promise<void> {
  if (contactId !== null && !(await contactsRepo.findContact(db, ctx.workspaceId, contactId))) {
    throw new ReboundError('contact_not_found', `contactId: no contact with id ${contactId}.`, [
      { path: 'contactId', message: 'not found' },
    ]);
  }
}

async function buildDetail(db: Db, ctx: ServiceContext, f: FeedbackRequest): Promise<FeedbackDetail> {
  const [app, rounds, rejection, contact, settings, mail] = await Promise.all([
    apps.findApplication(db, ctx.workspaceId, f.applicationId),
    eventsRepo.listRounds(db, ctx.workspaceId, f.applicationId),
    repo.findRejection(db, ctx.workspaceId, f.rejectionId),
    f.contactId ? contactsRepo.findContact(db, ctx.workspaceId, f.contactId) : Promise.resolve(undefined),
    readSettings(db, ctx.workspaceId),
    listMailMessagesForApplication(db, ctx.workspaceId, f.applicationId),
  ]);
  const company = app?.company ?? '';
  const role = app?.role ?? '';
  const drafted = draftFeedbackRequest(
    {
      company,
      role,
      stageReached: rejection?.stageReached ?? 'applied',
      rounds,
      contact: contact ? { name: contact.name, role: contact.role, email: contact.email } : null,
      userName: typeof settings.userName === 'string' ? settings.userName : null,
      rejectedAt: rejection?.rejectedAt ?? f.createdAt,
    },
    loadTemplate('feedback-request'),
  );
  // The user's own words (kept from an edit, or the ones that went out) win over the template.
  const draft = {
    subject: f.subject ?? drafted.subject,
    body: f.body ?? drafted.body,
    to: drafted.to,
    toName: drafted.toName,
    questions: drafted.questions,
    missing: f.body ? [] : drafted.missing,
    edited: f.state === 'drafted' && (f.subject !== null || f.body !== null),
  };
  const rejectionMail = mail.find((m) => m.kind === 'rejection');
  const automaticSender = isAutomaticSender(contact?.email)
    ? (contact?.email ?? null)
    : isAutomaticSender(rejectionMail?.fromAddress)
      ? (rejectionMail?.fromAddress ?? null)
      : null;
  return { ...f, company, role, draft, mailto: mailtoUrl(draft), automaticSender };
}

export async function getFeedbackRequestOrThrow(ctx: ServiceContext, id: string): Promise<FeedbackDetail> {
  const f = await feedbackRepo.findFeedbackRequest(ctx.db, ctx.workspaceId, id);
  if (!f) throw notFound(id);
  return buildDetail(ctx.db, ctx, f);
}

export async function listFeedbackRequests(
  ctx: ServiceContext,
  applicationId?: string,
): Promise<FeedbackDetail[]> {
  const rows = await feedbackRepo.listFeedbackRequests(ctx.db, ctx.workspaceId, applicationId);
  return Promise.all(rows.map((f) => buildDetail(ctx.db, ctx, f)));
}

/** The draft as an .eml file the user opens in their own mail program. */
export async function feedbackEml(
  ctx: ServiceContext,
  id: string,
): Promise<{ filename: string; text: string }> {
  const detail = await getFeedbackRequestOrThrow(ctx, id);
  const slug =
    detail.company
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'feedback';
  return { filename: `feedback-request-${slug}.eml`, text: emlText(detail.draft, ctx.clock.now()) };
}

/**
 * Changes a drafted request: who it goes to (`null`: no one yet), and the user's own subject and
 * words (`null`: back to the template's). Once sent, it stays as it went out.
 */
export async function editFeedbackDraft(
  ctx: ServiceContext,
  id: string,
  patch: Omit<FeedbackContactPatch, 'state'>,
): Promise<FeedbackDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await feedbackRepo.findFeedbackRequest(trx, ctx.workspaceId, id);
    if (!current) throw notFound(id);
    if (current.state !== 'drafted') {
      const field =
        patch.contactId !== undefined ? 'contactId' : patch.body !== undefined ? 'body' : 'subject';
      throw new ReboundError(
        'invalid_transition',
        `${field}: this request is already ${current.state.replace('_', ' ')}, so it stays as it went out.`,
        [{ path: field, message: `cannot change once ${current.state}` }],
      );
    }
    const next: FeedbackRequest = { ...current, updatedAt: nowIso(ctx) };
    if (patch.contactId !== undefined) {
      await requireContact(trx, ctx, patch.contactId);
      next.contactId = patch.contactId;
    }
    if (patch.subject !== undefined) next.subject = patch.subject;
    if (patch.body !== undefined) next.body = patch.body;
    await feedbackRepo.updateFeedbackRequest(trx, ctx.workspaceId, next);
  });
  return getFeedbackRequestOrThrow(ctx, id);
}

/**
 * Chooses who a drafted request goes to (`null`: no one yet). The draft is then rendered for them;
 * once sent, the contact is part of what went out and is no longer changed.
 */
export async function setFeedbackContact(
  ctx: ServiceContext,
  id: string,
  contactId: string | null,
): Promise<FeedbackDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await feedbackRepo.findFeedbackRequest(trx, ctx.workspaceId, id);
    if (!current) throw notFound(id);
    if (current.state !== 'drafted') {
      throw new ReboundError(
        'invalid_transition',
        `contactId: this request is already ${current.state.replace('_', ' ')}, so who it went to stays as it was.`,
        [{ path: 'contactId', message: `cannot change once ${current.state}` }],
      );
    }
    await requireContact(trx, ctx, contactId);
    await feedbackRepo.updateFeedbackRequest(trx, ctx.workspaceId, {
      ...current,
      contactId,
      updatedAt: nowIso(ctx),
    });
  });
  return getFeedbackRequestOrThrow(ctx, id);
}

/**
 * Moves a feedback request along (drafted → sent → answered / no_reply / declined), or, without a
 * `state`, changes who a drafted request goes to. Sending keeps the words that went out and
 * schedules one gentle check-in; an answer is stored word for word.
 */
export async function updateFeedbackRequest(
  ctx: ServiceContext,
  id: string,
  request: FeedbackRequestPatch,
): Promise<FeedbackDetail> {
  if (request.state === undefined) {
    const { state: _state, ...edit } = request;
    return edit.subject === undefined && edit.body === undefined && edit.contactId !== undefined
      ? setFeedbackContact(ctx, id, edit.contactId)
      : editFeedbackDraft(ctx, id, edit);
  }
  const patch = request;
  await ctx.db.transaction().execute(async (trx) => {
    const t: ServiceContext = { ...ctx, db: trx };
    const current = await feedbackRepo.findFeedbackRequest(trx, ctx.workspaceId, id);
    if (!current) throw notFound(id);
    planFeedbackTransition(current.state, patch.state);
    const now = nowIso(ctx);
    const next: FeedbackRequest = { ...current, state: patch.state, updatedAt: now };
    const app = await apps.findApplication(trx, ctx.workspaceId, current.applicationId);
    const names = { company: app?.company ?? '', role: app?.role ?? '' };
    if (patch.state === 'sent') {
      if (patch.contactId !== undefined) {
        await requireContact(trx, ctx, patch.contactId);
        next.contactId = patch.contactId;
      }
      const shown = await buildDetail(trx, t, next);
      next.subject = shown.draft.subject;
      next.body = shown.draft.body;
      next.sentAt = patch.sentAt ? new Date(patch.sentAt).toISOString() : now;
      next.followUpDueAt = feedbackFollowUpDue(next.sentAt, undefined, ctx.timeZone);
      await schedule.deleteScheduledItems(trx, ctx.workspaceId, [scheduleIds.feedbackSend(id)]);
      await schedule.upsertScheduledItems(trx, ctx.workspaceId, [feedbackChaseItem(next, names)]);
    } else {
      if (patch.state === 'answered') {
        next.answer = patch.answer;
        next.answeredAt = now;
        next.themes = validateFeedbackThemes((patch.themes ?? []) as FeedbackThemeTag[]);
      }
      await schedule.deleteScheduledItems(trx, ctx.workspaceId, [scheduleIds.feedbackChase(id)]);
    }
    await feedbackRepo.updateFeedbackRequest(trx, ctx.workspaceId, next);
  });
  return getFeedbackRequestOrThrow(ctx, id);
}
