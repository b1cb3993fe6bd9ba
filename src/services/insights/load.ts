import { type AppSummary, summarizeApplication } from '../../core/insights/index.ts';
import {
  type LoadedApplication,
  loadApplicationRows,
  loadApplicationStamps,
  loadEventsByApplication,
  loadTagsByApplication,
  readRevision,
} from '../../store/insights-repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Applications with their histories (and their folded summaries), cached per database handle and
 * workspace under the workspace's change counter. Triggers bump the counter in the same
 * transaction as every write to applications, tags or events (migration
 * 2026_11_22_1100_insights), so one single-row read tells whether the cache still holds.
 *
 * After a change only what changed is read again: one stamp per application (updated_at, highest
 * event seq and the fields insights read; see `loadApplicationStamps`) and the tags are compared
 * with the cache, and rows and events are loaded only for applications that are new or whose
 * stamp moved. The stamp does not trust the clock, so it holds on a clock that stands still.
 * Unchanged applications keep the very same object, so their summaries are reused too. Another
 * process writing the same database bumps the same counter.
 */
interface Loaded {
  apps: LoadedApplication[];
  /** The stamp of each application, as read with `apps` (same order). */
  stamps: string[];
}
interface Entry {
  revision: string;
  loaded: Promise<Loaded>;
  summaries?: Promise<AppSummary[]>;
  /** Computed results under this revision, by a fingerprint of everything else they read. */
  memo: Map<string, unknown>;
}
const cache = new WeakMap<object, Map<string, Entry>>();
// Summaries by application object: an object survives a reload only while nothing it holds changed.
const summaryCache = new WeakMap<LoadedApplication, AppSummary>();

const FULL_RELOAD_SHARE = 0.2;

const NO_TAGS: readonly string[] = [];

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Reads the workspace again, reusing from `previous` every application whose stamp did not change. */
async function reload(ctx: ServiceContext, previous: Loaded | undefined): Promise<Loaded> {
  const [stamps, tags] = await Promise.all([
    loadApplicationStamps(ctx.db, ctx.workspaceId),
    loadTagsByApplication(ctx.db, ctx.workspaceId),
  ]);
  const prevApps = previous?.apps ?? [];
  const prevStamps = previous?.stamps ?? [];
  // Rows come in the same order every time, so the previous entry is usually at the same index;
  // a map by id is built only when a create or delete shifted them.
  let byId: Map<string, number> | undefined;
  const previousIndex = (id: string, i: number): number => {
    if (prevApps[i]?.id === id) return i;
    byId ??= new Map(prevApps.map((a, k) => [a.id, k]));
    return byId.get(id) ?? -1;
  };
  const indexes = stamps.map((r, i) => previousIndex(r.id, i));
  const changed = stamps.filter((r, i) => prevStamps[indexes[i]!] !== r.stamp).map((r) => r.id);
  // Past a share of changed applications, reading everything beats many `in (…)` chunks.
  const only = changed.length > stamps.length * FULL_RELOAD_SHARE ? undefined : changed;
  const [rows, events] =
    changed.length === 0
      ? [new Map<string, never>(), new Map<string, never>()]
      : await Promise.all([
          loadApplicationRows(ctx.db, ctx.workspaceId, only),
          loadEventsByApplication(ctx.db, ctx.workspaceId, only),
        ]);
  const apps: LoadedApplication[] = [];
  const kept: string[] = [];
  stamps.forEach(({ id, stamp }, i) => {
    const appTags = tags.get(id) ?? NO_TAGS;
    const k = indexes[i]!;
    const old = prevApps[k];
    if (old === undefined || prevStamps[k] !== stamp) {
      const row = rows.get(id);
      // Deleted between the two reads: leave it out (the deletion bumped the revision anyway).
      if (row === undefined) return;
      apps.push({ ...row, tags: appTags, events: events.get(id) ?? [] });
    } else {
      apps.push(sameTags(old.tags, appTags) ? old : { ...old, tags: appTags });
    }
    kept.push(stamp);
  });
  return { apps, stamps: kept };
}

async function entryFor(ctx: ServiceContext): Promise<Entry> {
  const revision = await readRevision(ctx.db, ctx.workspaceId);
  let perDb = cache.get(ctx.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.db, perDb);
  }
  const hit = perDb.get(ctx.workspaceId);
  if (hit && hit.revision === revision) return hit;
  const previous = hit?.loaded.catch(() => undefined);
  const loaded = (async () => reload(ctx, await previous))();
  const entry: Entry = { revision, loaded, memo: new Map() };
  perDb.set(ctx.workspaceId, entry);
  loaded.catch(() => {
    if (perDb.get(ctx.workspaceId) === entry) perDb.delete(ctx.workspaceId);
  });
  return entry;
}

export async function loadApplicationsCached(ctx: ServiceContext): Promise<readonly LoadedApplication[]> {
  return (await (await entryFor(ctx)).loaded).apps;
}

function summarize(app: LoadedApplication): AppSummary {
  let summary = summaryCache.get(app);
  if (!summary) {
    summary = summarizeApplication(app);
    summaryCache.set(app, summary);
  }
  return summary;
}

/** The applications and their summaries (`summarizeApplication`), both from the cache. */
export async function loadSummariesCached(
  ctx: ServiceContext,
): Promise<{ apps: readonly LoadedApplication[]; summaries: readonly AppSummary[] }> {
  return summariesOf(await entryFor(ctx));
}

async function summariesOf(
  entry: Entry,
): Promise<{ apps: readonly LoadedApplication[]; summaries: readonly AppSummary[] }> {
  entry.summaries ??= entry.loaded.then(({ apps }) => apps.map(summarize));
  const [{ apps }, summaries] = await Promise.all([entry.loaded, entry.summaries]);
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
  const value = compute(await summariesOf(entry));
  if (entry.memo.size >= MEMO_LIMIT) entry.memo.delete(entry.memo.keys().next().value!);
  entry.memo.set(key, value);
  return value;
}
