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
 * What insights read, cached per database handle and workspace under the workspace's change
 * counter (`readRevision`: one cheap read tells whether the cache still holds).
 *
 * Insights, the funnel and channel yields are SQL aggregates over the stored summaries, kept
 * here under the revision (`memoizedAsync`, see `aggregates.ts`). Wins, goals and reviews still
 * read histories (`loadApplicationsCached`), loaded only when asked for.
 *
 * After a change only what changed is read again: one stamp per application (updated_at, highest
 * event seq and the fields insights read; see `loadApplicationStamps`) and the tags are compared
 * with the cache, and rows and events are loaded only for applications that are new or whose
 * stamp moved. The stamp does not trust the clock, so it holds on a clock that stands still.
 * Unchanged applications keep the very same object. Another process writing the same database
 * moves the same counter.
 */
interface Loaded {
  apps: LoadedApplication[];
  /** The stamp of each application, as read with `apps` (same order). */
  stamps: string[];
}
interface Entry {
  revision: string;
  /** The histories, read only when something asks for them (wins, goals, reviews). */
  loaded?: Promise<Loaded>;
  /** What the previous entry had loaded, to reuse unchanged applications from. */
  previous?: Promise<Loaded | undefined>;
  /** Computed results under this revision, by a fingerprint of everything else they read. */
  memo: Map<string, unknown>;
}
const cache = new WeakMap<object, Map<string, Entry>>();

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

/** Contexts made by `withOneRevision`: the one read of the revision their memoized reads share. */
const sharedRevisions = new WeakMap<object, () => Promise<string>>();

/**
 * A copy of `ctx` whose memoized reads (memoizedAsync, loadApplicationsCached) share one read of
 * the workspace's revision instead of each reading it: for reads started together, side by side
 * (Insights' aggregates, response times and referral yields; Today's quiet list and reply days).
 * Only for reads that write nothing: a write made after the revision was read would not move it.
 */
export function withOneRevision(ctx: ServiceContext): ServiceContext {
  const shared = { ...ctx };
  let revision: Promise<string> | undefined;
  sharedRevisions.set(shared, () => {
    revision ??= readRevision(ctx.db, ctx.workspaceId);
    return revision;
  });
  return shared;
}

async function entryFor(ctx: ServiceContext): Promise<Entry> {
  const revision = await (sharedRevisions.get(ctx)?.() ?? readRevision(ctx.db, ctx.workspaceId));
  let perDb = cache.get(ctx.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.db, perDb);
  }
  const hit = perDb.get(ctx.workspaceId);
  if (hit && hit.revision === revision) return hit;
  const previous = hit?.loaded?.catch(() => undefined) ?? hit?.previous;
  const entry: Entry = { revision, previous, memo: new Map() };
  perDb.set(ctx.workspaceId, entry);
  return entry;
}

/** Forgets the entry when one of its loads fails, so the next call tries again. */
function dropOnFailure<T>(ctx: ServiceContext, entry: Entry, promise: Promise<T>): Promise<T> {
  promise.catch(() => {
    const perDb = cache.get(ctx.db);
    if (perDb?.get(ctx.workspaceId) === entry) perDb.delete(ctx.workspaceId);
  });
  return promise;
}

/** The applications with their full histories (for wins, goals and reviews), from the cache. */
export async function loadApplicationsCached(ctx: ServiceContext): Promise<readonly LoadedApplication[]> {
  const entry = await entryFor(ctx);
  entry.loaded ??= dropOnFailure(ctx, entry, (async () => reload(ctx, await entry.previous))());
  return (await entry.loaded).apps;
}

const MEMO_LIMIT = 32;

/**
 * `compute()` once per revision and `key`, for results the database works out itself (no
 * summaries loaded here). A failed computation is forgotten, so the next call tries again.
 */
export async function memoizedAsync<T>(
  ctx: ServiceContext,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const entry = await entryFor(ctx);
  const hit = entry.memo.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = compute();
  if (entry.memo.size >= MEMO_LIMIT) entry.memo.delete(entry.memo.keys().next().value!);
  entry.memo.set(key, value);
  value.catch(() => {
    if (entry.memo.get(key) === value) entry.memo.delete(key);
  });
  return value;
}
