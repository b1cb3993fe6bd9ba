import { refreshStatisticsAfter } from '../store/statistics.ts';
import { type BulkProgress, rebuildSummaries as rebuild } from '../store/summaries-repository.ts';
import type { ServiceContext } from './context.ts';

export interface RebuildReport {
  /** Applications whose summary was recomputed from their events. */
  applications: number;
  /** Of those, how many had a stored summary that did not match (0 when all was well). */
  corrected: number;
}

/**
 * Recomputes every application's summary (derived columns and `application_summaries`) from its
 * events, in one transaction. The summaries are kept up to date with every write, so this is a
 * repair tool: after a hand edit of the database, or to check that nothing drifted.
 */
export async function rebuildSummaries(
  ctx: ServiceContext,
  onProgress?: BulkProgress,
): Promise<RebuildReport> {
  const { applications, changed } = await ctx.db
    .transaction()
    .execute((trx) => rebuild(trx, ctx.workspaceId, onProgress));
  await refreshStatisticsAfter(ctx.db, applications);
  return { applications, corrected: changed };
}
