/**
 * How Rebound grows with data (issue 12): 1k → 10k → 100k applications (about seven events
 * each), every figure beside a floor in the same run, and the exponent of each step
 * (log10 of the time ratio per 10× data; 1.0 is linear).
 *
 * Sizes: BENCH_SCALE_SIZES=1000,10000,100000 (default 1000,10000: the 100k step takes minutes on
 * a 2-core machine, run it for final figures). PostgreSQL legs run when REBOUND_TEST_PG_URL (or
 * the default 127.0.0.1:5432/test) answers; each uses its own schema, dropped afterwards.
 */

import { pgAvailable } from './postgres.ts';
import type { BenchRow } from './report.ts';
import { measureSize, type SizeFigures } from './scale-measure.ts';
import { csvFloor, csvOf, timeImport } from './scale-setup.ts';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,10000').split(',').map((s) => Number(s.trim()));

const ms = (v: number) =>
  v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 1 ? `${v.toFixed(1)} ms` : `${(v * 1000).toFixed(0)} µs`;
const n = (v: number) => v.toLocaleString('en-US');

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
  // Warm-up: module loading and first compilation are not what grows with data. 2,000 rows are
  // more than an import reads in process, so an import worker starts (and loads its modules) here.
  await timeImport('sqlite', csvOf(50));
  await timeImport('sqlite', csvOf(2000));
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
    'csv-parse + better-sqlite3 prepared multi-row INSERTs (one transaction) of exactly the rows the import wrote (applications, events, tags, summaries, search documents) into a copy of the same migrated database (same indexes and triggers)',
    '≤ 2× floor',
  );
  series(
    'CSV import (SQLite) beside the 6-column floor',
    (f) => f.importSqlite,
    (f) => f.importSmallFloor,
    'csv-parse + multi-row insert into ONE 6-column table without indexes',
    'informational',
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
