/**
 * How Rebound grows with data (issue 12): 1k → 10k → 100k applications (about seven events
 * each), every figure beside a floor in the same run, and the exponent of each step
 * (log10 of the time ratio per 10× data; 1.0 is linear).
 *
 * Sizes: BENCH_SCALE_SIZES=1000,10000,100000 (default 1000,10000: the 100k step takes minutes on
 * a 2-core machine, run it for final figures). PostgreSQL legs run when REBOUND_TEST_PG_URL (or
 * the default 127.0.0.1:5432/test) answers; each uses its own schema, dropped afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { addDays } from '../src/core/dates.ts';
import { buildServer } from '../src/server/app.ts';
import { getApplicationOrThrow, listApplications } from '../src/services/applications.ts';
import { fixedClock, type ServiceContext } from '../src/services/context.ts';
import { commitSpreadsheetImport } from '../src/services/imports/spreadsheet-import.ts';
import { generateWorkspace, insertGenerated } from '../src/services/sample-data.ts';
import { presentToday } from '../src/services/today/presenters.ts';
import { getToday } from '../src/services/today/today.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore, type Store, type StoreTarget } from '../src/store/connect.ts';
import { type ScheduledItem, upsertScheduledItems } from '../src/store/schedule-repository.ts';
import { type BenchRow, percentile } from './report.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
const PG_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,10000').split(',').map((s) => Number(s.trim()));
// The PostgreSQL legs up to this size (BENCH_SCALE_PG_MAX; 10k by default: 100k takes minutes).
const PG_MAX = Number(process.env.BENCH_SCALE_PG_MAX ?? 10_000);

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const n = (v: number) => v.toLocaleString('en-US');

async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}

interface Opened {
  store: Store;
  ctx: ServiceContext;
  target: StoreTarget;
  cleanup(): Promise<void>;
}

async function open(kind: 'sqlite' | 'postgres'): Promise<Opened> {
  let target: StoreTarget;
  let dir: string | undefined;
  if (kind === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'rebound-scale-'));
    target = { kind: 'sqlite', file: join(dir, 'bench.db') };
  } else {
    target = {
      kind: 'postgres',
      url: PG_URL,
      schema: `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
    };
  }
  const store = await openStore(target);
  const ctx = { ...(await openWorkspace(store, { clock: fixedClock(NOW) })), timeZone: 'UTC' };
  return {
    store,
    ctx,
    target,
    cleanup: async () => {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (target.kind === 'postgres' && target.schema) await dropSchema(target.schema);
    },
  };
}

/** Generates and writes `count` applications through the bulk path; returns the time and events. */
async function seed(o: Opened, count: number): Promise<{ ms: number; events: number }> {
  const t0 = performance.now();
  const data = generateWorkspace({ count, today: TODAY, now: NOW.toISOString(), notesPerApp: 3, seed: 12 });
  await insertGenerated(o.ctx, data);
  return { ms: performance.now() - t0, events: data.events.length };
}

/** The first insights call in a new process (and its floor), as the child prints it. */
function freshInsights(target: StoreTarget): { floorMs: number; insightsMs: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'fresh-insights.ts'), JSON.stringify(target)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

/** Scheduled work in proportion to the workspace: a fifth of the applications, most of it ahead. */
async function seedDue(o: Opened, count: number): Promise<void> {
  const kinds = ['feedback_send', 'feedback_chase', 'post_mortem', 'action_item', 'contact_touch'] as const;
  const items: ScheduledItem[] = Array.from({ length: Math.round(count / 5) }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const day = addDays(TODAY, (i % 400) - 20);
    return {
      id: `${kind}:${i}`,
      kind,
      refId: `ref${i}`,
      title: `Item ${i}`,
      dueAt: kind === 'action_item' ? day : `${day}T09:00:00.000Z`,
    };
  });
  await o.store.db.transaction().execute((trx) => upsertScheduledItems(trx, o.ctx.workspaceId, items));
}

function csvOf(count: number): Uint8Array {
  const statuses = ['Applied', 'Phone screen', 'Interview', 'Rejected', 'Offer', 'Ghosted'];
  const lines = ['Company,Job Title,Date Applied,Status,Location'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `Company ${i},Role ${i % 97},${addDays('2026-01-01', i % 300)},${statuses[i % statuses.length]},City ${i % 13}`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** The floor for an import: csv-parse of the same bytes, then a raw multi-row insert of those rows. */
function csvFloor(bytes: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-csvfloor-'));
  const db = new SqliteDatabase(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'create table rows (id text primary key, company text, role text, applied_on text, status text, location text)',
  );
  const t0 = performance.now();
  const records = parse(Buffer.from(bytes), { columns: false, from_line: 2 }) as string[][];
  const CHUNK = 100;
  const stmt = db.prepare(
    `insert into rows values ${Array.from({ length: CHUNK }, () => '(?,?,?,?,?,?)').join(',')}`,
  );
  db.transaction(() => {
    for (let i = 0; i + CHUNK <= records.length; i += CHUNK) {
      const params: string[] = [];
      for (let k = i; k < i + CHUNK; k++) params.push(String(k), ...records[k]!);
      stmt.run(params);
    }
  })();
  const elapsed = performance.now() - t0;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

async function timeImport(kind: 'sqlite' | 'postgres', bytes: Uint8Array): Promise<number> {
  const o = await open(kind);
  try {
    const t0 = performance.now();
    await commitSpreadsheetImport(o.ctx, bytes, 'tracker.csv');
    return performance.now() - t0;
  } finally {
    await o.cleanup();
  }
}

interface SizeFigures {
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
  importFloor: number;
  cacheHitRate: number;
  seedPg?: number;
  importPg?: number;
  insightsPg?: number;
  insightsPgFloor?: number;
}

async function measureSize(size: number, withPg: boolean): Promise<SizeFigures> {
  const o = await open('sqlite');
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
    const read = await median(() => getApplicationOrThrow(o.ctx, someId), 25);
    const appStmt = raw.prepare('select * from applications where workspace_id = ? and id = ?');
    const tagStmt = raw.prepare('select tag from application_tags where application_id = ? order by tag');
    const evStmt = raw.prepare(
      'select * from application_events where workspace_id = ? and application_id = ? order by seq',
    );
    const roundStmt = raw.prepare(
      'select * from interview_rounds where workspace_id = ? and application_id = ? order by number',
    );
    const readFloor = await median(async () => {
      appStmt.get(o.ctx.workspaceId, someId);
      tagStmt.all(someId);
      for (const e of evStmt.all(o.ctx.workspaceId, someId) as { data: string }[]) JSON.parse(e.data);
      roundStmt.all(o.ctx.workspaceId, someId);
    }, 25);
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
    const importSqlite = await timeImport('sqlite', bytes);
    const importFloor = csvFloor(bytes);

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
      cacheHitRate,
    };
    if (withPg && size <= PG_MAX) {
      figures.importPg = await timeImport('postgres', bytes);
      const p = await open('postgres');
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

function exponents(values: number[], sizes: number[]): string {
  const parts: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const e = Math.log10(values[i]! / values[i - 1]!) / Math.log10(sizes[i]! / sizes[i - 1]!);
    parts.push(e.toFixed(2));
  }
  return parts.length ? `exponent ${parts.join(' → ')}` : '';
}

export async function benchScale(): Promise<BenchRow[]> {
  const withPg = await pgAvailable();
  // Warm-up: module loading and first compilation are not what grows with data.
  await timeImport('sqlite', csvOf(50));
  csvFloor(csvOf(50));
  const all: SizeFigures[] = [];
  for (const size of SIZES) {
    process.stderr.write(`  scale: ${n(size)} applications…\n`);
    all.push(await measureSize(size, withPg));
  }
  const rows: BenchRow[] = [];
  const series = (
    name: string,
    pick: (f: SizeFigures) => number | undefined,
    floorOf: (f: SizeFigures) => number | undefined,
    floorName: string,
    goal: string,
    ratioOf: (v: number, fl: number) => string = (v, fl) => `${(v / fl).toFixed(2)}× floor`,
  ) => {
    const measured = all.filter((f) => pick(f) !== undefined);
    const values = measured.map(pick);
    if (measured.length === 0) return;
    for (const f of measured) {
      const v = pick(f)!;
      const fl = floorOf(f)!;
      rows.push({
        name: `${name} at ${n(f.size)} apps / ${n(f.events)} events`,
        figure: ms(v),
        floor: `${floorName}: ${ms(fl)}`,
        ratio: ratioOf(v, fl),
        goal,
      });
    }
    rows.push({
      name: `${name}: growth ${measured.map((f) => n(f.size)).join(' → ')}`,
      figure: values.map((v) => ms(v!)).join(' → '),
      floor: 'linear is exponent 1.00',
      ratio: exponents(
        values as number[],
        measured.map((f) => f.size),
      ),
      goal: 'informational',
    });
  };
  series(
    'insights, first call in a fresh process (SQLite)',
    (f) => f.insights,
    (f) => f.insightsFloor,
    'raw GROUP BY over applications, same process',
    '≤ 500 ms and ≤ 10× floor',
  );
  series(
    'insights, first call in a fresh process (PostgreSQL)',
    (f) => f.insightsPg,
    (f) => f.insightsPgFloor,
    'raw GROUP BY over applications, same process',
    '≤ 500 ms at 100k',
  );
  series(
    'Today over HTTP (first screen)',
    (f) => f.today,
    (f) => f.todayFloor,
    'raw SQL reading the due rows',
    '≤ 50 ms',
  );
  for (const f of all)
    rows.push({
      name: `Today payload at ${n(f.size)} apps (${n(Math.round(f.size / 5))} scheduled items)`,
      figure: `${(f.todayBytes / 1024).toFixed(1)} KB`,
      floor: `every due item sent: ${(f.todayAllBytes / 1024).toFixed(0)} KB`,
      ratio: `${(f.todayBytes / Math.max(1, f.todayAllBytes)).toFixed(3)}× unbounded`,
      goal: '≤ 100 KB',
    });
  series(
    'list first page, uncached (service)',
    (f) => f.list,
    (f) => f.listFloor,
    'bare better-sqlite3, same statements',
    '≥ 0.7× floor (throughput)',
    (v, fl) => `${(fl / v).toFixed(2)}× floor throughput`,
  );
  series(
    'single application read (service)',
    (f) => f.read,
    (f) => f.readFloor,
    'bare better-sqlite3, same statements',
    '≥ 0.7× floor (throughput)',
    (v, fl) => `${(fl / v).toFixed(2)}× floor throughput`,
  );
  series(
    'CSV import (SQLite)',
    (f) => f.importSqlite,
    (f) => f.importFloor,
    'csv-parse + raw multi-row insert',
    '≤ 2× floor',
  );
  series(
    'CSV import (PostgreSQL)',
    (f) => f.importPg,
    (f) => f.importSqlite,
    'the same import on SQLite',
    '≤ 3× SQLite',
  );
  series(
    'generate + bulk insert (SQLite)',
    (f) => f.seedSqlite,
    (f) => f.seedSqlite,
    'itself',
    'informational',
    () => '–',
  );
  series(
    'generate + bulk insert (PostgreSQL)',
    (f) => f.seedPg,
    (f) => f.seedSqlite,
    'the same on SQLite',
    'informational',
  );
  for (const f of all)
    rows.push({
      name: `response cache hit rate, list page read 20 times with 2 writes between (${n(f.size)} apps)`,
      figure: `${(f.cacheHitRate * 100).toFixed(0)}% hits`,
      floor: 'every read after a write misses once',
      ratio: '–',
      goal: 'informational',
    });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printRows } = await import('./report.ts');
  printRows('Scale (issue 12)', await benchScale());
  process.exit(0);
}
