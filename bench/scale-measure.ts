// One size of the scale bench (bench/scale-bench.ts): every figure beside its floor.
import SqliteDatabase from 'better-sqlite3';
import { addDays } from '../src/core/dates.ts';
import { buildServer } from '../src/server/app.ts';
import { getApplicationOrThrow, listApplications } from '../src/services/applications.ts';
import { presentToday } from '../src/services/today/presenters.ts';
import { getToday } from '../src/services/today/today.ts';
import { percentile } from './report.ts';
import {
  csvFloor,
  csvOf,
  freshInsights,
  openBenchStore,
  seed,
  seedDue,
  TODAY,
  timeImport,
  timeImportWithFloor,
} from './scale-setup.ts';

// The PostgreSQL legs up to this size (BENCH_SCALE_PG_MAX; 10k by default: 100k takes minutes).
const PG_MAX = Number(process.env.BENCH_SCALE_PG_MAX ?? 10_000);

async function median(fn: () => Promise<unknown>, runs: number, warmups = 1): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

export interface SizeFigures {
  size: number;
  events: number;
  seedSqlite: number;
  insights: number;
  insightsFloor: number;
  today: number;
  todayFloor: number;
  todayBytes: number;
  todayAllBytes: number;
  list: number;
  listFloor: number;
  read: number;
  readFloor: number;
  importSqlite: number;
  /** csv-parse + raw prepared multi-row INSERTs of the rows the import wrote, same schema. */
  importFloor: number;
  /** csv-parse + a multi-row insert into one 6-column table without indexes (informational). */
  importSmallFloor: number;
  cacheHitRate: number;
  seedPg?: number;
  importPg?: number;
  insightsPg?: number;
  insightsPgFloor?: number;
}

/** Every figure for one size: SQLite throughout, PostgreSQL too when it answers (up to PG_MAX). */
export async function measureSize(size: number, withPg: boolean): Promise<SizeFigures> {
  const o = await openBenchStore('sqlite');
  try {
    const seeded = await seed(o, size);
    const fresh = freshInsights(o.target);
    await seedDue(o, size);

    // Today over HTTP in process: service, presenter and serialisation; the payload as sent.
    const app = await buildServer({ context: o.ctx, externalVersion: undefined, webRoot: null });
    const headers = { host: 'localhost' };
    let body = '';
    const today = await median(async () => {
      body = (await app.inject({ url: '/api/v1/today', headers })).body;
    }, 15);
    // What the whole view would weigh if every due item were sent (as before the first screen).
    const todayAllBytes = JSON.stringify(presentToday(await getToday(o.ctx))).length;
    const raw = new SqliteDatabase((o.target as { file: string }).file, { readonly: true });
    const before = addDays(TODAY, 9);
    const dueStmt = raw.prepare(
      'select id, kind, ref_id, title, detail, due_at, starts_at, ends_at, application_id, contact_id, nudge from scheduled_items where workspace_id = ? and due_at < ? order by due_at, title',
    );
    const todayFloor = await median(async () => dueStmt.all(o.ctx.workspaceId, before), 15);

    // The list's first page and one application, uncached, beside bare better-sqlite3.
    const query = { limit: 50, offset: 0, sort: 'updated', order: 'desc', status: 'all' } as const;
    const list = await median(() => listApplications(o.ctx, query as never), 25);
    const pageStmt = raw.prepare(
      'select * from applications where workspace_id = ? order by updated_at desc, id desc limit 50 offset 0',
    );
    const countStmt = raw.prepare('select count(*) as n from applications where workspace_id = ?');
    const listFloor = await median(async () => {
      const rows = pageStmt.all(o.ctx.workspaceId) as { id: string }[];
      countStmt.get(o.ctx.workspaceId);
      const ids = rows.map((r) => r.id);
      raw
        .prepare(
          `select application_id, tag from application_tags where application_id in (${ids.map(() => '?').join(',')}) order by tag`,
        )
        .all(...ids);
    }, 25);
    const someId = (pageStmt.all(o.ctx.workspaceId) as { id: string }[])[7]!.id;
    // A read takes tens of microseconds: each side gets the same long warm-up (the JIT) and many
    // runs, or the median of the first few calls measures compilation, not the read.
    const read = await median(() => getApplicationOrThrow(o.ctx, someId), 400, 200);
    const appStmt = raw.prepare('select * from applications where workspace_id = ? and id = ?');
    const tagStmt = raw.prepare('select tag from application_tags where application_id = ? order by tag');
    const evStmt = raw.prepare(
      'select * from application_events where workspace_id = ? and application_id = ? order by seq',
    );
    const roundStmt = raw.prepare(
      'select * from interview_rounds where workspace_id = ? and application_id = ? order by number',
    );
    const readFloor = await median(
      async () => {
        appStmt.get(o.ctx.workspaceId, someId);
        tagStmt.all(someId);
        for (const e of evStmt.all(o.ctx.workspaceId, someId) as { data: string }[]) JSON.parse(e.data);
        roundStmt.all(o.ctx.workspaceId, someId);
      },
      400,
      200,
    );
    raw.close();

    // The response cache on the board's list, as a browser would use it: reads, a write, reads.
    const cached = await buildServer({
      context: o.ctx,
      externalVersion: o.store.externalVersion,
      webRoot: null,
    });
    for (let i = 0; i < 20; i++) {
      await cached.inject({ url: '/api/v1/applications?limit=50', headers });
      if (i % 10 === 9)
        await cached.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers,
          payload: { company: `Cache ${i}`, role: 'Dev' },
        });
    }
    const cacheHitRate = cached.responseCache.stats().hitRate;
    await cached.close();
    await app.close();

    const bytes = csvOf(size);
    const { ms: importSqlite, floorMs: importFloor } = await timeImportWithFloor(bytes);
    const importSmallFloor = csvFloor(bytes);

    const figures: SizeFigures = {
      size,
      events: seeded.events,
      seedSqlite: seeded.ms,
      insights: fresh.insightsMs,
      insightsFloor: fresh.floorMs,
      today,
      todayFloor,
      todayBytes: body.length,
      todayAllBytes,
      list,
      listFloor,
      read,
      readFloor,
      importSqlite,
      importFloor,
      importSmallFloor,
      cacheHitRate,
    };
    if (withPg && size <= PG_MAX) {
      figures.importPg = await timeImport('postgres', bytes);
      const p = await openBenchStore('postgres');
      try {
        figures.seedPg = (await seed(p, size)).ms;
        const pgFresh = freshInsights(p.target);
        figures.insightsPg = pgFresh.insightsMs;
        figures.insightsPgFloor = pgFresh.floorMs;
      } finally {
        await p.cleanup();
      }
    }
    return figures;
  } finally {
    await o.cleanup();
  }
}
