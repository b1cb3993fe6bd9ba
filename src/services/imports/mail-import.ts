import type { Stage } from '../../core/applications/application.ts';
import { stageIndex } from '../../core/applications/application.ts';
import type { EventInput } from '../../core/applications/input.ts';
import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { MailImportItem, MailImportReport, QueuedMail } from '../../core/import/schemas.ts';
import { classifyEmail, type MailClassification } from '../../core/mail/classify-email.ts';
import { decideMail } from '../../core/mail/decide.ts';
import type { MailKind } from '../../core/mail/mail-phrases.ts';
import type { KnownSender, MatchableApplication } from '../../core/mail/match-email.ts';
import type { ActionItemInput } from '../../core/recovery/input.ts';
import * as apps from '../../store/applications-repository.ts';
import type { MailMessageRecord } from '../../store/imports-repository.ts';
import * as repo from '../../store/imports-repository.ts';
import { EventBatch } from '../applications.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { insertActionItems } from '../recovery/post-mortem.ts';
import { learnFromConfirmedMail, loadMatchBoard } from './mail-learning.ts';
import { type MailReadError, type MailReading, readMailFile, readMailMessages } from './mail-reading.ts';
import { poolSize, runInWorker, type TaskProgress } from './worker-pool.ts';

export { messageKey, readMailFile } from './mail-reading.ts';

/** A file this small (one .eml, a short mbox) is read in process; larger ones on the import workers. */
export const MAIL_INLINE_BYTES = 64 * 1024;
/** Messages recorded per batch (one multi-row insert); the server answers others between batches. */
const MAIL_BATCH = 250;

export type { MailImportItem, MailImportReport } from '../../core/import/schemas.ts';
export { MAIL_APPLY_CONFIDENCE, MAIL_APPLY_MATCH } from '../../core/mail/decide.ts';

/** Classifies the first message of a file, for `rebound mail classify`. Nothing is stored. */
export async function classifyMailFile(bytes: Uint8Array, filename: string): Promise<MailClassification> {
  const { messages, errors } = await readMailFile(bytes, filename);
  const first = messages[0];
  if (!first)
    throw new ReboundError('invalid_input', errors[0]?.message ?? `${filename}: no readable message`);
  return classifyEmail(first.email);
}

/**
 * Imports e-mails: each is classified and matched to an application. When both are sure enough
 * (MAIL_APPLY_CONFIDENCE, MAIL_APPLY_MATCH) the event is recorded at once; otherwise it waits in
 * the review queue. Mail that is not about a job is kept as dismissed, so a second import of the
 * same file changes nothing. The text is only ever matched against phrases, never followed.
 * Reading, classifying and matching run on the import workers (an mbox split between them);
 * this thread records the results in batches. `onProgress` hears `reading` then `writing`.
 */
export async function importMailFile(
  ctx: ServiceContext,
  bytes: Uint8Array,
  filename: string,
  options: { onProgress?: (progress: TaskProgress) => void } = {},
): Promise<MailImportReport> {
  const board = await loadMatchBoard(ctx);
  const { messages, errors } = await readMailEverywhere(
    bytes,
    filename,
    board.applications,
    options.onProgress,
    board.senders,
  );
  const known = await repo.existingMessageKeys(
    ctx.db,
    ctx.workspaceId,
    messages.map((m) => m.key),
  );
  const items: MailImportItem[] = [];
  const total = messages.length;
  for (let start = 0; start < total; start += MAIL_BATCH) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const slice = messages.slice(start, start + MAIL_BATCH);
    await ctx.db.transaction().execute(async (trx) => {
      const tctx: ServiceContext = { ...ctx, db: trx };
      const batch: MailMessageRecord[] = [];
      const decided: Array<{ m: MailReading; decision: ReturnType<typeof decideMail> } | null> = [];
      const touched: string[] = [];
      for (const m of slice) {
        if (known.has(m.key)) {
          decided.push(null);
          continue;
        }
        known.add(m.key);
        const decision = decideMail(m.classification, m.match);
        if (decision.status === 'apply') touched.push(m.match!.applicationId!);
        decided.push({ m, decision });
      }
      const events = await EventBatch.load(tctx, touched);
      const tasks: ActionItemInput[] = [];
      for (const [i, m] of slice.entries()) {
        const { classification, match } = m;
        const base = {
          index: m.index,
          subject: m.subject,
          from: m.fromAddress,
          kind: classification.kind,
          confidence: classification.confidence,
          evidence: classification.evidence,
          matchReasons: match?.reasons ?? [],
        };
        const entry = decided[i];
        if (!entry) {
          items.push({ ...base, id: null, applicationId: null, status: 'already_imported', action: null });
          continue;
        }
        const { decision } = entry;
        const record = newRecord(ctx, m, match?.applicationId ?? null, match?.score ?? null);
        if (decision.status === 'dismiss') {
          record.status = 'dismissed';
          record.action = decision.why;
        } else if (decision.status === 'review') {
          record.action = decision.why;
        } else {
          try {
            record.action = applyMail(
              tctx,
              events,
              tasks,
              match!.applicationId!,
              classification.kind,
              record,
            );
            record.status = 'applied';
          } catch (error) {
            if (!(error instanceof ReboundError)) throw error;
            record.action = `could not record it: ${error.message}`;
          }
        }
        batch.push(record);
        items.push({
          ...base,
          id: record.id,
          applicationId: record.applicationId,
          status: record.status,
          action: record.action,
        });
      }
      await events.flush();
      await insertActionItems(tctx, tasks);
      await repo.insertMailMessages(trx, ctx.workspaceId, batch);
    });
    options.onProgress?.({ phase: 'writing', done: Math.min(start + MAIL_BATCH, total), total });
  }
  const count = (s: MailImportItem['status']) => items.filter((i) => i.status === s).length;
  return {
    filename,
    messages: items.length,
    applied: count('applied'),
    pending: count('pending'),
    dismissed: count('dismissed'),
    alreadyImported: count('already_imported'),
    items,
    errors,
  };
}

/** Reads the file in process when small, else split between the import workers; merged in file order. */
export async function readMailEverywhere(
  bytes: Uint8Array,
  filename: string,
  applications: MatchableApplication[],
  onProgress?: (progress: TaskProgress) => void,
  senders: KnownSender[] = [],
): Promise<{ messages: MailReading[]; errors: MailReadError[] }> {
  if (bytes.byteLength <= MAIL_INLINE_BYTES)
    return readMailMessages(bytes, filename, applications, { shard: 0, shards: 1 }, undefined, senders);
  const shards = poolSize();
  const done = new Array<number>(shards).fill(0);
  const totals = new Array<number>(shards).fill(0);
  const results = await Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      runInWorker('readMail', { bytes, filename, applications, senders, shard, shards }, (p) => {
        done[shard] = p.done;
        totals[shard] = p.total ?? 0;
        onProgress?.({
          phase: 'reading',
          done: done.reduce((a, b) => a + b, 0),
          total: totals.every((t) => t > 0) ? totals.reduce((a, b) => a + b, 0) : null,
        });
      }),
    ),
  );
  return {
    messages: results.flatMap((r) => r.messages).sort((a, b) => a.index - b.index),
    errors: results.flatMap((r) => r.errors).sort((a, b) => a.index - b.index),
  };
}

function newRecord(
  ctx: ServiceContext,
  m: MailReading,
  applicationId: string | null,
  matchScore: number | null,
): MailMessageRecord {
  const now = nowIso(ctx);
  const c = m.classification;
  return {
    id: newId(),
    messageKey: m.key,
    fromAddress: m.fromAddress,
    fromName: m.fromName,
    subject: m.subject.slice(0, 500),
    sentAt: m.sentAt,
    excerpt: m.excerpt,
    kind: c.kind,
    confidence: c.confidence,
    evidence: c.evidence,
    applicationId,
    matchScore,
    matchReasons: m.match?.reasons ?? [],
    status: 'pending',
    action: null,
    createdAt: now,
    updatedAt: now,
  };
}

const STAGE_FOR: Partial<Record<MailKind, Stage>> = {
  interview: 'interviewing',
  assessment: 'screening',
  offer: 'offer',
};

/**
 * Records what an e-mail means on its application, through `addEvent` (so a rejection starts the
 * recovery loop). A rejection sets the outcome; an interview, assessment or offer is an employer
 * response and moves the stage forward when it is behind. An acknowledgement is an automatic
 * receipt, not a person answering: it becomes a note, so the application can still count as
 * unanswered for ghosting. Returns what was done.
 */
function applyMail(
  ctx: ServiceContext,
  events: EventBatch,
  tasks: ActionItemInput[],
  applicationId: string,
  kind: string,
  mail: MailMessageRecord,
): string {
  const app = events.application(applicationId);
  if (!app)
    throw new ReboundError('application_not_found', `No application with id ${applicationId}.`, [
      { path: 'applicationId', message: 'not found' },
    ]);
  const day = eventDay(ctx, mail.sentAt, app.appliedOn ?? app.createdAt.slice(0, 10));
  const summary = `E-mail: ${mail.subject}`.slice(0, 200);
  if (kind === 'acknowledgement') {
    events.add(applicationId, {
      type: 'note',
      text: `Application received (automatic e-mail: ${mail.subject})`.slice(0, 2_000),
      occurredOn: day,
    });
    return 'note';
  }
  if (app.outcome !== null) {
    if (kind === 'rejection' && app.outcome === 'rejected') return 'already rejected';
    throw new ReboundError(
      'application_closed',
      `the application is closed (${app.outcome}); reopen it first`,
    );
  }
  if (kind === 'rejection') {
    events.add(applicationId, {
      type: 'outcome_set',
      outcome: 'rejected',
      reason: null,
      occurredOn: day,
    });
    return 'outcome_set rejected';
  }
  const target = STAGE_FOR[kind as MailKind];
  if (!target)
    throw new ReboundError('invalid_input', `kind: choose what this e-mail means`, [
      { path: 'kind', message: 'required' },
    ]);
  const done = ['response'];
  events.add(applicationId, { type: 'response', summary, occurredOn: day } as EventInput);
  if (stageIndex(app.stage) < stageIndex(target)) {
    events.add(applicationId, { type: 'stage_changed', stage: target, occurredOn: day });
    done.push(`stage_changed ${target}`);
  }
  if (kind === 'interview') {
    // An invitation waits on the user: answering with times that suit them is the next step.
    tasks.push({
      applicationId,
      text: `Reply to ${app.company} with your availability for the interview`,
      dueOn: today(ctx),
    });
    done.push('task reply with availability');
  }
  return done.join(' + ');
}

/** The e-mail's day in the user's time zone, never in the future nor before the application began. */
function eventDay(ctx: ServiceContext, sentAt: string | null, notBefore: string): string {
  const now = today(ctx);
  let day = sentAt ? localDate(new Date(sentAt), ctx.timeZone) : now;
  if (day > now) day = now;
  if (day < notBefore && notBefore <= now) day = notBefore;
  return day;
}

/** The review queue (pending by default), newest first. */
export async function listMailReview(
  ctx: ServiceContext,
  status: repo.MailStatus | 'all' = 'pending',
): Promise<MailMessageRecord[]> {
  return repo.listMailMessages(ctx.db, ctx.workspaceId, status === 'all' ? undefined : status);
}

async function pendingOrThrow(ctx: ServiceContext, id: string): Promise<MailMessageRecord> {
  const rec = await repo.findMailMessage(ctx.db, ctx.workspaceId, id);
  if (!rec)
    throw new ReboundError('mail_message_not_found', `No e-mail with id ${id} in the review queue.`, [
      { path: 'id', message: 'not found' },
    ]);
  if (rec.status !== 'pending') {
    throw new ReboundError('conflict', `This e-mail was already ${rec.status}.`, [
      { path: 'id', message: `already ${rec.status}` },
    ]);
  }
  return rec;
}

/**
 * Applies a queued e-mail, to the matched application or the one the person chose, as the kind
 * they chose. The confirmation teaches the matcher the sender (see `learnFromConfirmedMail`).
 */
export async function applyMailMessage(
  ctx: ServiceContext,
  id: string,
  input: { applicationId?: string; kind?: string },
): Promise<MailMessageRecord> {
  const rec = await pendingOrThrow(ctx, id);
  const applicationId = input.applicationId ?? rec.applicationId;
  if (!applicationId) {
    throw new ReboundError(
      'invalid_input',
      'applicationId: required (Rebound did not find which application this e-mail is about)',
      [{ path: 'applicationId', message: 'required' }],
    );
  }
  const kind = input.kind ?? rec.kind;
  if (kind === 'other') {
    throw new ReboundError(
      'invalid_input',
      'kind: choose what this e-mail means (rejection, interview, assessment, offer or acknowledgement)',
      [{ path: 'kind', message: 'required' }],
    );
  }
  const action = await ctx.db.transaction().execute(async (trx) => {
    const tctx: ServiceContext = { ...ctx, db: trx };
    const events = await EventBatch.load(tctx, [applicationId]);
    const tasks: ActionItemInput[] = [];
    const done = applyMail(tctx, events, tasks, applicationId, kind, rec);
    await events.flush();
    await insertActionItems(tctx, tasks);
    return done;
  });
  const app = await apps.findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (app) await learnFromConfirmedMail(ctx, rec.fromAddress, app);
  await repo.updateMailMessage(ctx.db, ctx.workspaceId, id, {
    status: 'applied',
    action,
    applicationId,
    kind,
    updatedAt: nowIso(ctx),
  });
  return (await repo.findMailMessage(ctx.db, ctx.workspaceId, id))!;
}

/** Takes an e-mail out of the review queue without changing any application. */
export async function dismissMailMessage(ctx: ServiceContext, id: string): Promise<MailMessageRecord> {
  await pendingOrThrow(ctx, id);
  await repo.updateMailMessage(ctx.db, ctx.workspaceId, id, {
    status: 'dismissed',
    action: 'dismissed by you',
    updatedAt: nowIso(ctx),
  });
  return (await repo.findMailMessage(ctx.db, ctx.workspaceId, id))!;
}

/** The wire shape of a stored e-mail. */
export function presentMailMessage(rec: MailMessageRecord): QueuedMail {
  return {
    id: rec.id,
    from: rec.fromAddress,
    fromName: rec.fromName,
    subject: rec.subject,
    sentAt: rec.sentAt,
    excerpt: rec.excerpt,
    kind: rec.kind,
    confidence: rec.confidence,
    evidence: rec.evidence,
    applicationId: rec.applicationId,
    matchScore: rec.matchScore,
    matchReasons: rec.matchReasons,
    status: rec.status,
    action: rec.action,
  };
}
