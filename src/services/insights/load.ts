import { type AppSummary, summarizeApplication } from '../../core/insights/index.ts';
import {
  type LoadedApplication,
  loadInsightApplications,
  readRevision,
} from '../../store/insights-repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Applications with their histories (and their folded summaries), cached per database handle and
 * workspace under the workspace's change counter. Triggers bump the counter in the same
 * transaction as every write to applications, tags or events (migration
 * 2026_11_22_1100_insights), so one single-row read tells whether the cache still holds; only a
 * change reloads. Another process writing the same database bumps the same counter.
 */
interface Entry {
  revision: number;
  apps: Promise<LoadedApplication[]>;
  summaries?: Promise<AppSummary[]>;
  /** Computed results under this revision, by a fingerprint of everything else they read. */
  memo: Map<string, unknown>;
}
const cache = new WeakMap<object, Map<string, Entry>>();

async function entryFor(ctx: ServiceContext): Promise<Entry> {
  const revision = await readRevision(ctx.db, ctx.workspaceId);
  let perDb = cache.get(ctx.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.db, perDb);
  }
  const hit = perDb.get(ctx.workspaceId);
  if (hit && hit.revision === revision) return hit;
  const apps = loadInsightApplications(ctx.db, ctx.workspaceId);
  const entry: Entry = { revision, apps, memo: new Map() };
  perDb.set(ctx.workspaceId, entry);
  apps.catch(() => perDb.delete(ctx.workspaceId));
  return entry;
}

export async function loadApplicationsCached(ctx: ServiceContext): Promise<readonly LoadedApplication[]> {
  return (await entryFor(ctx)).apps;
}

/** The applications and their summaries (`summarizeApplication`), both from the cache. */
export async function loadSummariesCached(
  ctx: ServiceContext,
): Promise<{ apps: readonly LoadedApplication[]; summaries: readonly AppSummary[] }> {
  const entry = await entryFor(ctx);
  entry.summaries ??= entry.apps.then((apps) => apps.map(summarizeApplication));
  const [apps, summaries] = await Promise.all([entry.apps, entry.summaries]);
  return { apps, summaries };
}

const MEMO_LIMIT = 32;

/**
 * `compute()` once per revision and `key` (a fingerprint of every other input: filters, today,
 * settings, time logs, feedback), so an unchanged workspace answers from memory.
 */
export async function memoized<T>(
  ctx: ServiceContext,
  key: string,
  compute: (data: { apps: readonly LoadedApplication[]; summaries: readonly AppSummary[] }) => T,
): Promise<T> {
  const entry = await entryFor(ctx);
  if (entry.memo.has(key)) return entry.memo.get(key) as T;
  const value = compute(await loadSummariesCached(ctx));
  if (entry.memo.size >= MEMO_LIMIT) entry.memo.delete(entry.memo.keys().next().value!);
  entry.memo.set(key, value);
  return value;
}
