/**
 * How fast `rebound` answers, as a person typing it would see: a new process each time, beside
 * bare Node start (`node -e 0`) measured in the same run, interleaved so a busy machine slows
 * both alike. `rebound list` reads a SQLite file holding 1,000 applications.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seededStore } from './api-bench.ts';
import { type BenchRow, percentile } from './report.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'rebound.js');
const RUNS = 15;

function timeOnce(args: string[]): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

export async function benchCli(): Promise<BenchRow[]> {
  // The compiled CLI is what a person runs; build it first so no run pays for a build.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.js')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the CLI failed');
  const seeded = await seededStore(1_000, { notesPerApp: 0 });
  try {
    const cases = {
      node: ['-e', '0'],
      help: [BIN, '--help'],
      list: [BIN, 'list', '--db', seeded.file],
    };
    const times: Record<keyof typeof cases, number[]> = { node: [], help: [], list: [] };
    for (const args of Object.values(cases)) timeOnce(args); // warm the file cache
    for (let i = 0; i < RUNS; i++)
      for (const [name, args] of Object.entries(cases))
        times[name as keyof typeof cases].push(timeOnce(args));
    const median = (name: keyof typeof cases) => percentile(times[name], 50);
    const floor = `node -e 0: ${median('node').toFixed(0)} ms`;
    const row = (name: string, key: keyof typeof cases, goal: number): BenchRow => ({
      name,
      figure: `${median(key).toFixed(0)} ms median of ${RUNS}`,
      floor,
      ratio: `${(median(key) / median('node')).toFixed(1)}× floor`,
      goal: `≤ ${goal}× floor`,
    });
    return [row('rebound --help', 'help', 4), row('rebound list (1,000 applications)', 'list', 6)];
  } finally {
    await seeded.cleanup();
  }
}
