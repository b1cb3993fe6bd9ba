import { ReboundError } from '../../core/errors.ts';
import type { WritingInput } from '../../core/writing/input.ts';
import { type NextSession, nextSession } from '../../core/writing/prompts.ts';
import { REFRAME_NOTE, THINKING_TRAPS, type ThinkingTrap } from '../../core/writing/reframe.ts';
import { findApplication } from '../../store/applications-repository.ts';
import { listRejectionsForApplication } from '../../store/recovery-repository.ts';
import * as repo from '../../store/writing-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { getSettings } from '../settings.ts';

/**
 * Writing after a no: up to five short sessions on different days about one rejection.
 * PRIVATE: what is written here is only ever shown to the person who wrote it. A hosted mode
 * must never share it with a coach; the backup leaves it out unless the user includes it.
 */

export interface Writing {
  applicationId: string;
  company: string;
  role: string;
  sessions: repo.StoredWritingSession[];
  next: NextSession | null;
}

/** The application, when the writing may be about it: one with a "no" on record (or writing already). */
async function rejectedApplication(ctx: ServiceContext, applicationId: string, hasWriting: boolean) {
  const app = await findApplication(ctx.db, ctx.workspaceId, applicationId);
  if (!app)
    throw new ReboundError('application_not_found', `No application with id ${applicationId}.`, [
      { path: 'applicationId', message: 'not found' },
    ]);
  if (app.outcome !== 'rejected' && !hasWriting) {
    const [rejection] = await listRejectionsForApplication(ctx.db, ctx.workspaceId, applicationId);
    if (!rejection)
      throw new ReboundError(
        'rejection_not_found',
        `${app.company} has no rejection on record; the writing is for after a no.`,
        [{ path: 'applicationId', message: 'no rejection' }],
      );
  }
  return app;
}

/** The sessions written about one application, and the one to write in today. */
export async function getWriting(ctx: ServiceContext, applicationId: string): Promise<Writing> {
  const sessions = await repo.listWritingSessions(ctx.db, ctx.workspaceId, applicationId);
  const app = await rejectedApplication(ctx, applicationId, sessions.length > 0);
  return {
    applicationId,
    company: app.company,
    role: app.role,
    sessions,
    next: nextSession(sessions, today(ctx)),
  };
}

/**
 * Writes in today's session: starts the next one, or adds to the one already begun today.
 * Refused once all five are written (they can be read, or deleted to begin again).
 */
export async function writeSession(
  ctx: ServiceContext,
  applicationId: string,
  input: WritingInput,
): Promise<{ session: repo.StoredWritingSession; continued: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const inTrx = { ...ctx, db: trx };
    const sessions = await repo.listWritingSessions(trx, ctx.workspaceId, applicationId);
    await rejectedApplication(inTrx, applicationId, sessions.length > 0);
    const next = nextSession(sessions, today(ctx));
    if (!next)
      throw new ReboundError(
        'conflict',
        'All five sessions are written. You can read them back, or delete them to begin again.',
      );
    const now = nowIso(ctx);
    if (next.continuing) {
      const current = sessions.find((s) => s.number === next.number)!;
      const text = `${current.text}\n\n${input.text}`;
      await repo.updateWritingText(trx, ctx.workspaceId, current.id, text, now);
      return { session: { ...current, text, updatedAt: now }, continued: true };
    }
    const session: repo.StoredWritingSession = {
      id: newId(),
      applicationId,
      number: next.number,
      on: today(ctx),
      prompt: next.prompt.prompt,
      text: input.text,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertWritingSessions(trx, ctx.workspaceId, [session]);
    return { session, continued: false };
  });
}

/** Deletes one session. */
export async function deleteWritingSession(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.deleteWritingSession(ctx.db, ctx.workspaceId, id)))
    throw new ReboundError('not_found', `No writing session with id ${id}.`, [
      { path: 'id', message: 'not found' },
    ]);
}

/** Deletes everything written about one application; how many sessions there were. */
export async function deleteWriting(
  ctx: ServiceContext,
  applicationId: string,
): Promise<{ deleted: number }> {
  return { deleted: await repo.deleteWritingFor(ctx.db, ctx.workspaceId, applicationId) };
}

/** The reframe card: common thinking traps in plain words, and the helpline page the user set. */
export async function getReframe(
  ctx: ServiceContext,
): Promise<{ traps: readonly ThinkingTrap[]; note: string; helplineUrl: string | null }> {
  const settings = await getSettings(ctx);
  return { traps: THINKING_TRAPS, note: REFRAME_NOTE, helplineUrl: settings.helplineUrl };
}
