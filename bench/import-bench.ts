/**
 * Getting data in: a 10,000-row tracker CSV through readTable → guessMapping → buildImportPreview,
 * beside csv-parse alone on the same bytes; and a 10,000-message mbox through splitMbox →
 * parseEmail → classifyEmail → matchEmailToApplication (1,000 applications), beside splitMbox alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { guessMapping } from '../src/core/import/guess-mapping.ts';
import { buildImportPreview } from '../src/core/import/import-preview.ts';
import { classifyEmail } from '../src/core/mail/classify-email.ts';
import { type MatchableApplication, matchEmailToApplication } from '../src/core/mail/match-email.ts';
import { parseEmail, splitMbox } from '../src/io/mail.ts';
import { readTable } from '../src/io/spreadsheet.ts';
import { fixedClock } from '../src/services/context.ts';
import { importMailFile, readMailEverywhere } from '../src/services/imports/mail-import.ts';
import { commitSpreadsheetImport } from '../src/services/imports/spreadsheet-import.ts';
import { poolSize, stopWorkers } from '../src/services/imports/worker-pool.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore, type Store } from '../src/store/connect.ts';
import { type BenchRow, percentile, printRows, timeRuns } from './report.ts';

const COMPANIES = [
  'Northwind',
  'Fabrikam',
  'Contoso',
  'Tailspin',
  'Litware',
  'Proseware',
  'Relecloud',
  'Woodgrove',
  'Lumenwave',
  'Harborpoint',
];
const ROLES = [
  'Data Analyst',
  'Backend Engineer',
  'Product Designer',
  'Engineering Manager',
  'QA Lead',
  'SRE',
];
const STATUSES = [
  'Applied',
  'Phone screen',
  'Interview',
  'Final round',
  'Rejected',
  'No response',
  'Offer',
  'Wishlist',
];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateTrackerCsv(rows: number): Uint8Array {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const lines = ['Company,Job Title,Date Applied,Status,Job Link,Location,Salary,Notes'];
  for (let i = 0; i < rows; i++) {
    const company = `${pick(COMPANIES)} ${i % 97}`;
    const d = `${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}/2024`;
    const notes = i % 10 === 0 ? '"met at a meetup, ""great"" team\nfollow up in May"' : 'ok';
    lines.push(
      `${company},${pick(ROLES)},${d},${pick(STATUSES)},https://jobs.example.com/${i},Berlin,"€60,000 - €70,000",${notes}`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export function generateMbox(messages: number, apps: MatchableApplication[]): string {
  const r = rng(7);
  const bodies = [
    'Thank you for applying. Unfortunately, we will not be moving forward with your application.',
    'We would like to invite you to an interview next week. Please share your availability.',
    'We have received your application and will review it shortly.',
    'Please complete the online assessment within five days.',
    'We are delighted to offer you the position. Your offer letter is attached.',
    'Our summer sale starts today: 20% off everything.',
  ];
  const out: string[] = [];
  for (let i = 0; i < messages; i++) {
    const app = apps[Math.floor(r() * apps.length)]!;
    const domain = `${app.company.toLowerCase().replace(/[^a-z0-9]/g, '')}.example`;
    out.push(
      `From careers@${domain} Mon Mar  4 09:12:00 2024\n` +
        `From: ${app.company} Careers <careers@${domain}>\nTo: sam@example.org\n` +
        `Subject: Your application for ${app.role}\nDate: Mon, 04 Mar 2024 09:12:00 +0000\n` +
        `Message-ID: <m${i}@${domain}>\nContent-Type: text/plain; charset=utf-8\n\n` +
        `Hi Sam,\n\n${bodies[i % bodies.length]}\n\nBest regards,\n${app.company} Talent Team\n\n`,
    );
  }
  return out.join('');
}

export function generateApps(count: number): MatchableApplication[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `app-${i}`,
    company: `${COMPANIES[i % COMPANIES.length]} ${String.fromCharCode(65 + (i % 26))}${i}`,
    role: ROLES[i % ROLES.length]!,
    jobUrl: `https://jobs.example.com/${i}`,
  }));
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

type RawRows = { applications: Record<string, unknown>[]; events: Record<string, unknown>[] };

/** The rows an import wrote, exactly as stored, so the raw write inserts the same values. */
async function readBackRows(store: Store, ids: string[]): Promise<RawRows> {
  const applications = await store.db.selectFrom('applications').selectAll().execute();
  const events = await store.db.selectFrom('application_events').selectAll().execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  applications.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  events.sort(
    (a, b) => (order.get(a.application_id) ?? 0) - (order.get(b.application_id) ?? 0) || a.seq - b.seq,
  );
  return { applications, events };
}

/** Writes `rows` into a fresh, migrated database with better-sqlite3 prepared statements in one transaction; ms. */
async function rawInsertTime(file: string, workspaceId: string, rows: RawRows): Promise<number> {
  const setup = await openStore({ kind: 'sqlite', file });
  await setup.db
    .insertInto('workspaces')
    .values({ id: workspaceId, name: 'bench', created_at: '2024-06-01T12:00:00.000Z' } as never)
    .execute();
  await setup.close();
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Multi-row statements (as the import writes them), each shape prepared once and reused.
  const statements = new Map<string, SqliteDatabase.Statement>();
  const insert = (table: string, chunk: Record<string, unknown>[]) => {
    const columns = Object.keys(chunk[0]!);
    const key = `${table}|${chunk.length}`;
    let statement = statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values ${Array(chunk.length).fill(tuple).join(', ')}`,
      );
      statements.set(key, statement);
    }
    statement.run(chunk.flatMap((row) => Object.values(row)));
  };
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows.applications.length; i += 200)
      insert('applications', rows.applications.slice(i, i + 200));
    for (let i = 0; i < rows.events.length; i += 500)
      insert('application_events', rows.events.slice(i, i + 500));
  })();
  const elapsed = performance.now() - t0;
  db.close();
  return elapsed;
}

export async function benchImport(): Promise<BenchRow[]> {
  const csv = generateTrackerCsv(10_000);
  const floorCsv = await timeRuns(() => parse(Buffer.from(csv)), 7, 2);
  const fullCsv = await timeRuns(
    async () => {
      const table = await readTable(csv, 'tracker.csv');
      return buildImportPreview(table, guessMapping(table.headers), { today: '2024-06-01' });
    },
    7,
    2,
  );
  const csvMedian = percentile(fullCsv, 50);
  const csvFloor = percentile(floorCsv, 50);

  // End to end: the same file committed into a fresh SQLite workspace (applications + history).
  const commits: number[] = [];
  const inserts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'rebound-import-bench-'));
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'import.db') });
    const ctx = {
      ...(await openWorkspace(store, { clock: fixedClock(new Date('2024-06-01T12:00:00Z')) })),
      timeZone: 'UTC',
    };
    const t0 = performance.now();
    const report = await commitSpreadsheetImport(ctx, csv, 'tracker.csv', { skipInvalid: true });
    commits.push(performance.now() - t0);
    // Second floor: the same rows (read back) written by better-sqlite3 alone into a fresh copy
    // of the same schema, triggers included, as reused prepared statements in one transaction.
    const rows = await readBackRows(store, report.applicationIds);
    await store.close();
    inserts.push(await rawInsertTime(join(dir, 'raw.db'), ctx.workspaceId, rows));
    rmSync(dir, { recursive: true, force: true });
  }
  const commitMedian = percentile(commits, 50);
  const insertMedian = percentile(inserts, 50);

  const apps = generateApps(1_000);
  const mbox = Buffer.from(generateMbox(10_000, apps));
  const floorMbox = await timeRuns(() => splitMbox(mbox), 3, 1);
  // Before: one thread reads, classifies and matches every message, as the import used to.
  const serialMbox = await timeRuns(
    async () => {
      let matched = 0;
      for (const part of splitMbox(mbox)) {
        const mail = await parseEmail(part.raw);
        classifyEmail(mail);
        if (matchEmailToApplication(mail, apps)) matched++;
      }
      return matched;
    },
    2,
    0,
  );
  // Now: the same work split between the import workers (started once, as a server keeps them).
  await readMailEverywhere(mbox.subarray(0, 200_000), 'warm.mbox', apps);
  const fullMbox = await timeRuns(() => readMailEverywhere(mbox, 'mail.mbox', apps), 2, 0);
  const mboxMedian = percentile(fullMbox, 50);
  const mboxFloor = percentile(floorMbox, 50);
  const serialMedian = percentile(serialMbox, 50);

  // End to end: the mbox imported into a SQLite workspace holding the 1,000 applications.
  const mailDir = mkdtempSync(join(tmpdir(), 'rebound-mail-bench-'));
  const mailStore = await openStore({ kind: 'sqlite', file: join(mailDir, 'mail.db') });
  const mailCtx = {
    ...(await openWorkspace(mailStore, { clock: fixedClock(new Date('2024-06-01T12:00:00Z')) })),
    timeZone: 'UTC',
  };
  const tracker = [
    'Company,Job Title,Date Applied,Status,Job Link',
    ...apps.map((a) => `${a.company},${a.role},2024-01-15,Applied,${a.jobUrl}`),
  ].join('\n');
  await commitSpreadsheetImport(mailCtx, new TextEncoder().encode(tracker), 'apps.csv');
  const e2eStart = performance.now();
  const mailReport = await importMailFile(mailCtx, mbox, 'mail.mbox');
  const e2eMail = performance.now() - e2eStart;
  await mailStore.close();
  rmSync(mailDir, { recursive: true, force: true });
  await stopWorkers();

  return [
    {
      name: 'import of a 10,000-row CSV end to end (read, map, validate, commit to SQLite with history)',
      figure: `${ms(commitMedian)} median of 3`,
      floor: `csv-parse alone on the same bytes: ${ms(csvFloor)} p50`,
      ratio: `${(commitMedian / csvFloor).toFixed(2)}× floor`,
      goal: '≤ 3× floor and < 1,000 ms',
    },
    {
      name: 'the same import beside the raw write of its rows (where the time goes)',
      figure: `${ms(commitMedian)} median of 3`,
      floor: `better-sqlite3 prepared multi-row INSERTs of the same applications and events in one transaction, triggers included: ${ms(insertMedian)} median of 3; + csv-parse: ${ms(insertMedian + csvFloor)}`,
      ratio: `${(commitMedian / (insertMedian + csvFloor)).toFixed(2)}× (csv-parse + raw write)`,
      goal: `for reading: the raw write alone is ${(insertMedian / csvFloor).toFixed(2)}× csv-parse`,
    },
    {
      name: 'import preview of a 10,000-row CSV (readTable + guessMapping + buildImportPreview)',
      figure: `${ms(csvMedian)} p50`,
      floor: `csv-parse alone on the same bytes: ${ms(csvFloor)} p50`,
      ratio: `${(csvMedian / csvFloor).toFixed(2)}× floor`,
      goal: '≤ 3× floor and < 1,000 ms',
    },
    {
      name: `classify + match a 10,000-message mbox against 1,000 applications (${poolSize()} import workers)`,
      figure: `${ms(mboxMedian)} p50 (one thread, as before: ${ms(serialMedian)})`,
      floor: `splitMbox alone: ${ms(mboxFloor)} p50`,
      ratio: `${(mboxMedian / mboxFloor).toFixed(1)}× floor`,
      goal: '< 5,000 ms',
    },
    {
      name: 'import of the same mbox end to end (read on the workers, record in SQLite: events, review queue)',
      figure: `${ms(e2eMail)} (${mailReport.applied} recorded, ${mailReport.pending} queued, ${mailReport.dismissed} set aside)`,
      floor: `splitMbox alone: ${ms(mboxFloor)} p50`,
      ratio: `${(e2eMail / mboxFloor).toFixed(1)}× floor`,
      goal: '< 5,000 ms',
    },
  ];
}

if (process.argv[1]?.endsWith('import-bench.ts')) printRows('getting data in', await benchImport());
