import type { Application, InterviewRound } from '../../core/applications/application.ts';
import { ReboundError } from '../../core/errors.ts';
import { actionItemsFromPostMortem } from '../../core/recovery/action-items.ts';
import type { ActionItemInput, ActionItemPatch, PostMortemInputBody } from '../../core/recovery/input.ts';
import {
  type PostMortemInput,
  type PostMortemItem,
  type PostMortemRating,
  postMortemChecklist,
  type RatedPostMortemItem,
  validatePostMortemItems,
  validateRating,
} from '../../core/recovery/post-mortem.ts';
import * as apps from '../../store/applications-repository.ts';
import * as eventsRepo from '../../store/events-repository.ts';
import type { ActionItemRecord } from '../../store/post-mortem-repository.ts';
import * as postMortemRepo from '../../store/post-mortem-repository.ts';
import * as schedule from '../../store/schedule-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { actionItemItem, scheduleIds } from './schedule.ts';

export interface PostMortemView {
  applicationId: string;
  company: string;
  role: string;
  furthestStage: Application['furthestStage'];
  items: Array<
    PostMortemItem & { rating: PostMortemRating | null; note: string | null; actionItemId: string | null }
  >;
  actionItems: ActionItemRecord[];
}

type Db = ServiceContext['db'];

async function loadApp(
  db: Db,
  ctx: ServiceContext,
  applicationId: string,
): Promise<{ app: Application; rounds: InterviewRound[] }> {
  const app = await apps.findApplication(db, ctx.workspaceId, applicationId);
  if (!app)
    throw new ReboundError('application_not_found', `No application with id ${applicationId}.`, [
      { path: 'id', message: 'not found' },
    ]);
  return { app, rounds: await eventsRepo.listRounds(db, ctx.workspaceId, applicationId) };
}

function checklistInput(app: Application, rounds: InterviewRound[]): PostMortemInput {
  return { furthestStage: app.furthestStage, rounds, hadCoverLetter: app.coverLetterVersion !== null };
}

/** The look back for one application: only the steps it actually went through, with any ratings so far. */
export async function getPostMortem(
  ctx: ServiceContext,
  applicationId: string,
  db: Db = ctx.db,
): Promise<PostMortemView> {
  const { app, rounds } = await loadApp(db, ctx, applicationId);
  const checklist = postMortemChecklist(checklistInput(app, rounds));
  const [rated, actions] = await Promise.all([
    postMortemRepo.listPostMortemItems(db, ctx.workspaceId, applicationId),
    postMortemRepo.listActionItems(db, ctx.workspaceId, { status: 'all', applicationId }),
  ]);
  const byKey = new Map(rated.map((r) => [r.key, r]));
  const actionByKey = new Map(
    actions.filter((a) => a.source === 'post_mortem').map((a) => [a.sourceKey, a.id]),
  );
  return {
    applicationId,
    company: app.company,
    role: app.role,
    furthestStage: app.furthestStage,
    items: checklist.map((item) => ({
      ...item,
      rating: byKey.get(item.key)?.rating ?? null,
      note: byKey.get(item.key)?.note ?? null,
      actionItemId: actionByKey.get(item.key) ?? null,
    })),
    actionItems: actions,
  };
}

/**
 * Saves ratings for steps of the look back, all or nothing. A step the application never reached
 * is refused by name. Each step rated weak becomes one dated action item (once).
 */
export async function savePostMortem(
  ctx: ServiceContext,
  applicationId: string,
  input: PostMortemInputBody,
): Promise<PostMortemView> {
  await ctx.db.transaction().execute(async (trx) => {
    const { app, rounds } = await loadApp(trx, ctx, applicationId);
    const cinput = checklistInput(app, rounds);
    const chosen = validatePostMortemItems(cinput, input.items);
    for (const [i, item] of chosen.entries()) validateRating(item.rating, item.note, `items.${i}.rating`);
    const checklist = new Map(postMortemChecklist(cinput).map((i) => [i.key, i]));
    const now = nowIso(ctx);
    await postMortemRepo.upsertPostMortemItems(
      trx,
      ctx.workspaceId,
      chosen.map((c) => ({
        applicationId,
        key: c.key,
        rating: c.rating,
        note: c.note ?? null,
        ratedAt: now,
      })),
    );
    const existing = await postMortemRepo.listActionItems(trx, ctx.workspaceId, {
      status: 'all',
      applicationId,
    });
    const hasAction = new Set(existing.filter((a) => a.source === 'post_mortem').map((a) => a.sourceKey));
    const rated: RatedPostMortemItem[] = chosen
      .filter((c) => !hasAction.has(c.key))
      .map((c) => ({ ...checklist.get(c.key)!, rating: c.rating, note: c.note ?? null }));
    const records: ActionItemRecord[] = actionItemsFromPostMortem(rated, today(ctx)).map((a) => ({
      id: newId(),
      applicationId,
      source: 'post_mortem',
      sourceKey: a.itemKey,
      text: a.text,
      dueOn: a.dueOn,
      status: 'open',
      createdAt: now,
      doneAt: null,
    }));
    await postMortemRepo.insertActionItems(trx, ctx.workspaceId, records);
    await schedule.upsertScheduledItems(trx, ctx.workspaceId, records.map(actionItemItem));
    await schedule.deleteScheduledItems(trx, ctx.workspaceId, [scheduleIds.postMortem(applicationId)]);
  });
  return getPostMortem(ctx, applicationId);
}

function actionNotFound(id: string): ReboundError {
  return new ReboundError('action_item_not_found', `No action item with id ${id}.`, [
    { path: 'id', message: 'not found' },
  ]);
}

export async function listActionItems(
  ctx: ServiceContext,
  filter: { status?: 'open' | 'done' | 'all'; applicationId?: string } = {},
) {
  return postMortemRepo.listActionItems(ctx.db, ctx.workspaceId, filter);
}

/** A task the user writes themselves; it shows on Today on its day. */
export async function createActionItem(
  ctx: ServiceContext,
  input: ActionItemInput,
): Promise<ActionItemRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    if (input.applicationId) await loadApp(trx, ctx, input.applicationId);
    const [record] = await insertActionItems({ ...ctx, db: trx }, [input]);
    return record!;
  });
}

/**
 * Adds tasks the user would add by hand, in the caller's transaction (`ctx.db`), whose
 * applications the caller has already checked; an import adds many in one write.
 */
export async function insertActionItems(
  ctx: ServiceContext,
  inputs: readonly ActionItemInput[],
): Promise<ActionItemRecord[]> {
  const records = inputs.map(
    (input): ActionItemRecord => ({
      id: newId(),
      applicationId: input.applicationId ?? null,
      source: 'manual',
      sourceKey: null,
      text: input.text,
      dueOn: input.dueOn,
      status: 'open',
      createdAt: nowIso(ctx),
      doneAt: null,
    }),
  );
  if (records.length === 0) return records;
  await postMortemRepo.insertActionItems(ctx.db, ctx.workspaceId, records);
  await schedule.upsertScheduledItems(ctx.db, ctx.workspaceId, records.map(actionItemItem));
  return records;
}

/** Marks a task done (it leaves Today) or open again, or changes its words or day. */
export async function updateActionItem(
  ctx: ServiceContext,
  id: string,
  patch: ActionItemPatch,
): Promise<ActionItemRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await postMortemRepo.findActionItem(trx, ctx.workspaceId, id);
    if (!current) throw actionNotFound(id);
    const next: ActionItemRecord = { ...current, ...patch };
    if (patch.status === 'done' && current.status !== 'done') next.doneAt = nowIso(ctx);
    if (patch.status === 'open') next.doneAt = null;
    await postMortemRepo.updateActionItem(trx, ctx.workspaceId, next);
    if (next.status === 'done')
      await schedule.deleteScheduledItems(trx, ctx.workspaceId, [scheduleIds.actionItem(id)]);
    else await schedule.upsertScheduledItems(trx, ctx.workspaceId, [actionItemItem(next)]);
    return next;
  });
}
