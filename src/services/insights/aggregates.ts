import { DEFAULT_GHOST_AFTER_DAYS } from '../../core/applications/ghosting.ts';
import { addDays } from '../../core/dates.ts';
import {
  comparisonSince,
  EARLY_IDS,
  type InsightAggregates,
  type InsightFilters,
} from '../../core/insights/index.ts';
import {
  type FilterMatch,
  listDistinctRoles,
  listDistinctTags,
  loadInsightAggregates,
} from '../../store/insights-aggregates-repository.ts';
import { readSettings } from '../../store/workspace-repository.ts';
import { type ServiceContext, today } from '../context.ts';
import { memoizedAsync } from './load.ts';

/**
 * The role and tag values the filters match, worked out in JS exactly as `applyFilters` does
 * (case-insensitive substring of the role, case-insensitive tag) over the distinct values.
 */
export async function matchFilters(ctx: ServiceContext, filters: InsightFilters): Promise<FilterMatch> {
  const role = filters.role?.trim().toLowerCase() || null;
  const tag = filters.tag?.trim().toLowerCase() || null;
  const [roles, tags] = await Promise.all([
    role === null ? null : listDistinctRoles(ctx.db, ctx.workspaceId),
    tag === null ? null : listDistinctTags(ctx.db, ctx.workspaceId),
  ]);
  return {
    roles: roles === null ? null : roles.filter((r) => r.toLowerCase().includes(role!)),
    tags: tags === null ? null : tags.filter((t) => t.toLowerCase() === tag),
  };
}

/** The quiet-after threshold alone (a hosted request read its settings already). */
async function ghostAfterDays(ctx: ServiceContext): Promise<number> {
  if (ctx.settings?.workspaceId === ctx.workspaceId) return ctx.settings.value.ghostAfterDays;
  const stored = await readSettings(ctx.db, ctx.workspaceId);
  return typeof stored.ghostAfterDays === 'number' ? stored.ghostAfterDays : DEFAULT_GHOST_AFTER_DAYS;
}

/** The insight aggregates of the applications in view, cached under the workspace's revision. */
export async function loadAggregatesCached(
  ctx: ServiceContext,
  filters: InsightFilters = {},
): Promise<{ aggregates: InsightAggregates; match: FilterMatch }> {
  const afterDays = await ghostAfterDays(ctx);
  const day = today(ctx);
  return memoizedAsync(ctx, `aggregates|${day}|${afterDays}|${JSON.stringify(filters)}`, async () => {
    const match = await matchFilters(ctx, filters);
    const aggregates = await loadInsightAggregates(
      ctx.db,
      ctx.workspaceId,
      {
        filters,
        since: comparisonSince(day),
        today: day,
        oldBy: addDays(day, -afterDays),
        earlyIds: EARLY_IDS,
      },
      match,
    );
    return { aggregates, match };
  });
}
