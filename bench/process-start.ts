/**
 * Server start to first 200 as a person sees it (issue 12): a fresh Node process runs the compiled
 * `rebound serve` on a migrated SQLite file, and the clock stops when /api/health answers 200.
 * Beside it, the floor: a fresh process with bare Fastify and as many empty routes. Runs alternate
 * (ours, installed, floor) so a busy machine slows each alike; each figure is a median.
 *
 * Two of ours: `node bin/rebound.js serve` in this checkout, which first checks whether dist/ is
 * older than src/ (an installed package has no sources and skips that), and the same command
 * without that check, as an installed package runs it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchRow, percentile } from './report.ts';

const ROOT = join(import.meta.dirname, '..');

/** CPU time (user + system) a running process has used so far, from /proc (Linux; else NaN). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

interface Start {
  wall: number;
  cpu: number;
}

/** Spawns `node args`, waits for the port it prints, and times spawn → first 200 on /api/health. */
async function timeStart(args: string[], env: NodeJS.ProcessEnv): Promise<Start> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/[^:/]+:(\d+)\//.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited (${code}): ${err}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { host: 'localhost' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    const wall = performance.now() - t0;
    return { wall, cpu: cpuMs(child.pid!) };
  } finally {
    await stop(child);
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * `file`: a migrated SQLite database (copied, so the runs leave it as it was); `routes`: how many
 * routes the floor registers (as many as Rebound's server).
 */
export async function benchProcessStart(file: string, routes: number, runs = 7): Promise<BenchRow[]> {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.js')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the CLI failed');
  const dir = mkdtempSync(join(tmpdir(), 'rebound-start-'));
  const db = join(dir, 'rebound.db');
  copyFileSync(file, db);
  const env = { ...process.env, REBOUND_HOME: dir, NO_COLOR: '1' };
  const serve = ['serve', '--db', db, '--port', '0'];
  // What bin/rebound.js runs once dist/ is known to be fresh (an installed package: no sources).
  const installed = `const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))}); await main(${JSON.stringify(serve)});`;
  const cases = {
    checkout: [join(ROOT, 'bin', 'rebound.js'), ...serve],
    installed: ['--input-type=module', '-e', installed],
    floor: [join(ROOT, 'bench', 'bare-fastify-start.mjs'), String(routes)],
  };
  const times: Record<keyof typeof cases, Start[]> = { checkout: [], installed: [], floor: [] };
  try {
    for (const args of Object.values(cases)) await timeStart(args, env); // warm the file cache
    for (let i = 0; i < runs; i++)
      for (const [name, args] of Object.entries(cases))
        times[name as keyof typeof cases].push(await timeStart(args, env));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (name: keyof typeof cases) =>
    percentile(
      times[name].map((t) => t.wall),
      50,
    );
  const cpu = (name: keyof typeof cases) =>
    percentile(
      times[name].map((t) => t.cpu),
      50,
    );
  const floor = `bare Fastify, ${routes} routes, fresh process: ${median('floor').toFixed(0)} ms (${cpu('floor').toFixed(0)} ms CPU)`;
  return [
    {
      name: `server start → first 200, fresh process (\`rebound serve\`, compiled, migrated 10k-app SQLite, as installed)`,
      figure: `${median('installed').toFixed(0)} ms median of ${runs} (${cpu('installed').toFixed(0)} ms CPU)`,
      floor,
      ratio: `${(median('installed') / median('floor')).toFixed(2)}× floor (CPU ${(cpu('installed') / cpu('floor')).toFixed(2)}×)`,
      goal: '≤ 2× floor',
    },
    {
      name: 'the same from a checkout (`node bin/rebound.js serve`: also checks whether dist/ is stale)',
      figure: `${median('checkout').toFixed(0)} ms median of ${runs} (${cpu('checkout').toFixed(0)} ms CPU)`,
      floor,
      ratio: `${(median('checkout') / median('floor')).toFixed(2)}× floor (stale check ≈ ${(median('checkout') - median('installed')).toFixed(0)} ms)`,
      goal: 'informational',
    },
  ];
}
