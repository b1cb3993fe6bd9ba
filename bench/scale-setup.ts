// Opening, seeding and timing the stores for the scale bench (bench/scale-bench.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { addDays } from '../src/core/dates.ts';
import { fixedClock, type ServiceContext } from '../src/services/context.ts';
import { commitSpreadsheetImport } from '../src/services/imports/spreadsheet-import.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore, type Store, type StoreTarget } from '../src/store/connect.ts';
import { type ScheduledItem, upsertScheduledItems } from '../src/store/schedule-repository.ts';
import { dropSchema, PG_URL } from './postgres.ts';

/** The clock every scale run uses: the data is generated around this day. */
export const NOW = new Date('2026-11-20T10:00:00Z');
export const TODAY = '2026-11-20';
export interface Opened {
  store: Store;
  ctx: ServiceContext;
  target: StoreTarget;
  cleanup(): Promise<void>;
}

export async function openBenchStore(kind: 'sqlite' | 'postgres'): Promise<Opened> {
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
export async function seed(o: Opened, count: number): Promise<{ ms: number; events: number }> {
  const t0 = performance.now();
  const data = generateWorkspace({ count, today: TODAY, now: NOW.toISOString(), notesPerApp: 3, seed: 12 });
  await insertGenerated(o.ctx, data);
  return { ms: performance.now() - t0, events: data.events.length };
}

/** The first insights call in a new process (and its floor), as the child prints it. */
export function freshInsights(target: StoreTarget): { floorMs: number; insightsMs: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'fresh-insights.ts'), JSON.stringify(target)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/**
 * `count` scheduled items of every kind in turn, due on days from `days.back` before TODAY over
 * `days.span` days, each for the application `applicationOf` names (none without it).
 */
export function scheduledWork(
  count: number,
  days: { span: number; back: number },
  applicationOf?: (i: number) => string,
): ScheduledItem[] {
  const kinds = ['feedback_send', 'feedback_chase', 'post_mortem', 'action_item', 'contact_touch'] as const;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const day = addDays(TODAY, (i % days.span) - days.back);
    return {
      id: `${kind}:${i}`,
      kind,
      refId: `ref${i}`,
      title: `Item ${i}`,
      dueAt: kind === 'action_item' ? day : `${day}T09:00:00.000Z`,
      ...(applicationOf ? { applicationId: applicationOf(i) } : {}),
    };
  });
}

/** Scheduled work in proportion to the workspace: a fifth of the applications, most of it ahead. */
export async function seedDue(o: Opened, count: number): Promise<void> {
  const items = scheduledWork(Math.round(count / 5), { span: 400, back: 20 });
  await o.store.db.transaction().execute((trx) => upsertScheduledItems(trx, o.ctx.workspaceId, items));
}

export function csvOf(count: number): Uint8Array {
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
export function csvFloor(bytes: Uint8Array): number {
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

export async function timeImport(kind: 'sqlite' | 'postgres', bytes: Uint8Array): Promise<number> {
  const o = await openBenchStore(kind);
  try {
    const t0 = performance.now();
    await commitSpreadsheetImport(o.ctx, bytes, 'tracker.csv');
    return performance.now() - t0;
  } finally {
    await o.cleanup();
  }
}

/** Tables SQLite keeps for a virtual (FTS5) table: written through the virtual table, not copied. */
function shadowTable(name: string, virtual: string[]): boolean {
  return virtual.some((v) => name.startsWith(`${v}_`));
}

type Written = Array<{ table: string; columns: string[]; rows: unknown[][] }>;

/** Every row the import added, table by table in the order it wrote them (rowid order). */
function rowsAdded(db: SqliteDatabase.Database, before: Map<string, number>): Written {
  const out: Written = [];
  for (const [table, maxRowid] of before) {
    const statement = db.prepare(`select * from "${table}" where rowid > ? order by rowid`).raw(true);
    const rows = statement.all(maxRowid) as unknown[][];
    if (rows.length === 0) continue;
    out.push({ table, columns: statement.columns().map((c) => c.name), rows });
  }
  return out;
}

function maxRowids(db: SqliteDatabase.Database): Map<string, number> {
  const tables = db
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
  const out = new Map<string, number>();
  for (const { name, sql } of tables) {
    if (shadowTable(name, virtual) || /without rowid/i.test(sql)) continue;
    const row = db.prepare(`select coalesce(max(rowid), 0) as m from "${name}"`).get() as { m: number };
    out.set(name, row.m);
  }
  return out;
}

/**
 * The honest floor for an import: csv-parse of the same bytes, then better-sqlite3 writing
 * exactly the rows the import wrote (applications, events, tags, summaries, search documents:
 * every table that grew), as prepared multi-row INSERTs reused chunk after chunk, in one
 * transaction, into a copy of the database as it was just before the import (same migrations,
 * indexes and triggers) with the same connection settings.
 */
function writeFloor(file: string, written: Written, bytes: Uint8Array): { ms: number; cpuMs: number } {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // better-sqlite3's default page cache (16 MB): measured faster for this raw write than the
  // 64 MB the import sets (withBulkPageCache), so the floor keeps its best setting.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  parse(Buffer.from(bytes), { columns: false, from_line: 2 });
  db.transaction(() => {
    for (const { table, columns, rows } of written) {
      // Up to ~6,000 parameters per statement, as the import's own chunks.
      const chunk = Math.max(1, Math.min(500, Math.floor(6000 / columns.length)));
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
      const full = db.prepare(head + Array(chunk).fill(tuple).join(', '));
      for (let i = 0; i < rows.length; i += chunk) {
        const slice = rows.slice(i, i + chunk);
        const statement =
          slice.length === chunk ? full : db.prepare(head + Array(slice.length).fill(tuple).join(', '));
        statement.run(slice.flat());
      }
    }
  })();
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return { ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * The import on SQLite beside its honest floor (`writeFloor`), both in this process: the
 * database is copied just before the import, the import runs, the rows it added are read back
 * and written again into the copy.
 */
export async function timeImportWithFloor(
  bytes: Uint8Array,
): Promise<{ ms: number; floorMs: number; cpuMs: number; floorCpuMs: number }> {
  const o = await openBenchStore('sqlite');
  const file = (o.target as { file: string }).file;
  const copy = `${file}.floor`;
  try {
    const raw = new SqliteDatabase(file);
    raw.prepare('vacuum into ?').run(copy);
    const before = maxRowids(raw);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await commitSpreadsheetImport(o.ctx, bytes, 'tracker.csv');
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const written = rowsAdded(raw, before);
    raw.close();
    const floor = writeFloor(copy, written, bytes);
    // CPU of the whole process: the import worker's included.
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, floorMs: floor.ms, floorCpuMs: floor.cpuMs };
  } finally {
    await o.cleanup();
  }
}
