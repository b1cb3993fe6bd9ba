/**
 * `npm run bench`: every figure beside a floor measured in the same process, as a ratio.
 * Figures are printed, never asserted. Feature benches live beside this file and are picked up
 * when present. `npm run bench -- api board` runs only the named ones.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchApi, seededStore } from './api-bench.ts';
import { type BenchRow, printRows } from './report.ts';

type Bench = { name: string; title: string; run: () => Promise<BenchRow[]> };

async function optional(
  file: string,
  exportName: string,
): Promise<((...args: never[]) => Promise<BenchRow[]>) | undefined> {
  if (!existsSync(join(import.meta.dirname, file))) return undefined;
  const mod = await import(`./${file}`);
  return mod[exportName];
}

async function boardBench(): Promise<BenchRow[]> {
  const fn = await optional('board-bench.ts', 'benchBoard');
  if (!fn) return [];
  const { buildServer } = await import('../src/server/app.ts');
  const seeded = await seededStore(1_000, { openOnly: true, notesPerApp: 0 });
  const app = await buildServer({ context: seeded.ctx, externalVersion: seeded.store.externalVersion });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  try {
    return await (fn as (url: string) => Promise<BenchRow[]>)(`http://localhost:${port}`);
  } finally {
    await app.close();
    await seeded.cleanup();
  }
}

const benches: Bench[] = [
  { name: 'api', title: 'API (issue 2)', run: async () => (await benchApi()).rows },
  { name: 'board', title: 'Board in Chromium (issue 2)', run: boardBench },
  {
    name: 'today',
    title: 'Today (issue 3)',
    run: async () =>
      ((await optional('today-bench.ts', 'benchToday')) as (() => Promise<BenchRow[]>) | undefined)?.() ?? [],
  },
  {
    name: 'insights',
    title: 'Insights (issue 4)',
    run: async () =>
      (
        (await optional('insights-bench.ts', 'benchInsights')) as (() => Promise<BenchRow[]>) | undefined
      )?.() ?? [],
  },
  {
    name: 'skills',
    title: 'Skill extraction (issue 5)',
    run: async () =>
      ((await optional('skills-bench.ts', 'benchSkills')) as (() => Promise<BenchRow[]>) | undefined)?.() ??
      [],
  },
  {
    name: 'import',
    title: 'Imports (issue 6)',
    run: async () =>
      ((await optional('import-bench.ts', 'benchImport')) as (() => Promise<BenchRow[]>) | undefined)?.() ??
      [],
  },
  {
    name: 'cli',
    title: 'CLI start (issue 9)',
    run: async () =>
      ((await optional('cli-bench.ts', 'benchCli')) as (() => Promise<BenchRow[]>) | undefined)?.() ?? [],
  },
  {
    name: 'scale',
    title: 'Scale: 1k → 10k → 100k applications (issue 12; BENCH_SCALE_SIZES to choose)',
    run: async () =>
      ((await optional('scale-bench.ts', 'benchScale')) as (() => Promise<BenchRow[]>) | undefined)?.() ?? [],
  },
  {
    name: 'hosted',
    title:
      'Hosted: many users on PostgreSQL, 50 connections (issue 13; BENCH_HOSTED_USERS, BENCH_HOSTED_SIZES)',
    run: async () =>
      ((await optional('hosted-bench.ts', 'benchHosted')) as (() => Promise<BenchRow[]>) | undefined)?.() ??
      [],
  },
];

const wanted = process.argv.slice(2);
console.log(`Rebound benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
for (const bench of benches) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  try {
    const rows = await bench.run();
    if (rows.length > 0) printRows(bench.title, rows);
  } catch (error) {
    console.log(`\n## ${bench.title}\n- failed: ${(error as Error).message}`);
  }
}
process.exit(0);
