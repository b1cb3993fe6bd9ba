import { type LoadedApplication, loadInsightApplications, readRevision } from '../../store/insights-repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Applications with their histories, cached per database handle and workspace under the
 * workspace's change counter. Triggers bump the counter in the same transaction as every write
 * to applications, tags or events (migration 2026_11_22_1100_insights), so one single-row read
 * tells whether the cached histories still hold; only a change reloads them. The cache lives in
 * this process; another process writing the same database bumps the same counter.
 */
const cache = new WeakMap<object, Map<string, { revision: number; apps: Promise<LoadedApplication[]> }>>();

export async function loadApplicationsCached(ctx: ServiceContext): Promise<readonly LoadedApplication[]> {
  const revision = await readRevision(ctx.db, ctx.workspaceId);
  let perDb = cache.get(ctx.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.db, perDb);
  }
  const hit = perDb.get(ctx.workspaceId);
  if (hit && hit.revision === revision) return hit.apps;
  const apps = loadInsightApplications(ctx.db, ctx.workspaceId);
  perDb.set(ctx.workspaceId, { revision, apps });
  apps.catch(() => perDb.delete(ctx.workspaceId));
  return apps;
}
