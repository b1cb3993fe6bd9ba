import type { ReplySummaryView } from '../../core/ai/schemas.ts';
import { ReboundError } from '../../core/errors.ts';
import * as repo from '../../store/ai-repository.ts';
import * as feedbackRepo from '../../store/feedback-repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The theme summary of a feedback reply (issue 17): a draft from the user's own model that the
 * user accepted, perhaps edited. It sits beside the verbatim reply and never replaces it; deleting
 * it leaves the reply as it was.
 */
async function answeredOrThrow(ctx: ServiceContext, db: ServiceContext['db'], id: string) {
  const f = await feedbackRepo.findFeedbackRequest(db, ctx.workspaceId, id);
  if (!f)
    throw new ReboundError('feedback_request_not_found', `No feedback request with id ${id}.`, [
      { path: 'id', message: 'not found' },
    ]);
  return f;
}

export async function getReplySummary(ctx: ServiceContext, id: string): Promise<ReplySummaryView> {
  await answeredOrThrow(ctx, ctx.db, id);
  const s = await repo.getReplySummary(ctx.db, ctx.workspaceId, id);
  return { feedbackRequestId: id, summary: s?.summary ?? null, updatedAt: s?.updatedAt ?? null };
}

export async function saveReplySummary(
  ctx: ServiceContext,
  id: string,
  summary: string,
): Promise<ReplySummaryView> {
  const updatedAt = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const f = await answeredOrThrow(ctx, trx, id);
    if (!f.answer)
      throw new ReboundError(
        'invalid_input',
        'There is no reply to summarise yet: record the answer first.',
        [{ path: 'id', message: 'no reply yet' }],
      );
    await repo.saveReplySummary(trx, ctx.workspaceId, id, summary, updatedAt);
  });
  return { feedbackRequestId: id, summary, updatedAt };
}

export async function deleteReplySummary(ctx: ServiceContext, id: string): Promise<ReplySummaryView> {
  await answeredOrThrow(ctx, ctx.db, id);
  await repo.deleteReplySummary(ctx.db, ctx.workspaceId, id);
  return { feedbackRequestId: id, summary: null, updatedAt: null };
}
