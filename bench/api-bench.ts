import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildServer } from '../src/server/app.ts';
import { fixedClock } from '../src/services/context.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore, type Store } from '../src/store/connect.ts';
import { benchProcessStart } from './process-start.ts';
import { type BenchRow, percentile } from './report.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

/** A temporary SQLite workspace with `count` generated applications (≈10 events each). */
export async function seededStore(count: number, options: { openOnly?: boolean; notesPerApp?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-bench-'));
  const file = join(dir, 'bench.db');
  const store = await openStore({ kind: 'sqlite', file });
  const ctx = { ...(await openWorkspace(store, { clock: fixedClock(NOW) })), timeZone: 'UTC' };
  const data = generateWorkspace({
    count,
    today: '2026-11-20',
    now: NOW.toISOString(),
    notesPerApp: options.notesPerApp ?? 4,
    openOnly: options.openOnly,
  });
  await insertGenerated(ctx, data);
  return {
    store,
    ctx,
    file,
    events: data.events.length,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function load(url: string, seconds: number) {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers: { host: 'localhost' },
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** GET /api/v1/applications (first page) vs a bare Fastify route returning the same bytes. */
export async function benchApi(seconds = 5): Promise<{ rows: BenchRow[]; store: Store }> {
  const seeded = await seededStore(10_000);
  const app = await buildServer({
    context: seeded.ctx,
    externalVersion: seeded.store.externalVersion,
    webRoot: null,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/api/v1/applications`;
  const body = await (await fetch(url, { headers: { host: 'localhost' } })).text();

  const bare = Fastify();
  bare.get('/constant', async (_req, reply) => reply.header('content-type', 'application/json').send(body));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const barePort = (bare.server.address() as { port: number }).port;

  await load(url, 1);
  // Alternate floor and ours in short rounds so drift on a shared machine hits both alike.
  const floors: Awaited<ReturnType<typeof load>>[] = [];
  const oursRuns: Awaited<ReturnType<typeof load>>[] = [];
  for (let round = 0; round < 3; round++) {
    floors.push(await load(`http://127.0.0.1:${barePort}/constant`, Math.max(1, Math.round(seconds / 2))));
    oursRuns.push(await load(url, Math.max(1, Math.round(seconds / 2))));
  }
  const middle = (runs: Awaited<ReturnType<typeof load>>[]) => [...runs].sort((a, b) => a.rps - b.rps)[1]!;
  const floor = middle(floors);
  const ours = { ...middle(oursRuns), errors: oursRuns.reduce((n, r) => n + r.errors, 0) };
  await app.close();
  await bare.close();

  // Start-up: open the (already migrated) 10k database, build the server, listen, first 200.
  const startOurs: number[] = [];
  const startBare: number[] = [];
  const startBareRoutes: number[] = [];
  let routeCount = 0;
  for (let i = 0; i < 7; i++) {
    let t0 = performance.now();
    const store = await openStore({ kind: 'sqlite', file: seeded.file });
    const ctx = await openWorkspace(store, { clock: fixedClock(NOW) });
    const server = await buildServer({ context: ctx, externalVersion: store.externalVersion, webRoot: null });
    await server.listen({ host: '127.0.0.1', port: 0 });
    let p = (server.server.address() as { port: number }).port;
    let res = await fetch(`http://127.0.0.1:${p}/api/health`, { headers: { host: 'localhost' } });
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    startOurs.push(performance.now() - t0);
    routeCount = server
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('(')).length;
    await server.close();
    await store.close();

    t0 = performance.now();
    const plain = Fastify();
    plain.get('/api/health', async () => ({ ok: true }));
    await plain.listen({ host: '127.0.0.1', port: 0 });
    p = (plain.server.address() as { port: number }).port;
    res = await fetch(`http://127.0.0.1:${p}/api/health`);
    startBare.push(performance.now() - t0);
    await plain.close();

    // A second floor: bare Fastify with as many (empty) routes as Rebound registers.
    t0 = performance.now();
    const wide = Fastify({ exposeHeadRoutes: false });
    for (let r = 0; r < Math.max(routeCount, 1); r++) wide.get(`/r${r}/:id`, async () => ({ ok: true }));
    wide.get('/api/health', async () => ({ ok: true }));
    await wide.listen({ host: '127.0.0.1', port: 0 });
    p = (wide.server.address() as { port: number }).port;
    await fetch(`http://127.0.0.1:${p}/api/health`);
    startBareRoutes.push(performance.now() - t0);
    await wide.close();
  }
  const startMedian = percentile(startOurs, 50);
  const bareMedian = percentile(startBare, 50);
  const wideMedian = percentile(startBareRoutes, 50);
  // The same as a person sees it: a fresh process running the compiled `rebound serve`.
  const processRows = await benchProcessStart(seeded.file, routeCount);
  await seeded.cleanup();

  const rows: BenchRow[] = [
    {
      name: `GET /api/v1/applications first page (10,000 apps, ${seeded.events.toLocaleString('en')} events, ${(body.length / 1024).toFixed(0)} KB) throughput, median of 3 alternating rounds`,
      figure: `${Math.round(ours.rps).toLocaleString('en')} req/s${ours.errors ? ` (${ours.errors} errors)` : ''}`,
      floor: `bare Fastify constant JSON: ${Math.round(floor.rps).toLocaleString('en')} req/s`,
      ratio: `${(ours.rps / floor.rps).toFixed(2)}× floor`,
      goal: '≥ 0.60× floor',
    },
    {
      name: 'GET /api/v1/applications first page p99 latency (10 connections)',
      figure: `${ours.p99.toFixed(1)} ms`,
      floor: `bare Fastify: ${floor.p99.toFixed(1)} ms`,
      ratio: `${(ours.p99 / Math.max(floor.p99, 0.1)).toFixed(2)}× floor`,
      goal: 'informational',
    },
    {
      name: 'server start → first 200 on /api/health (in process, migrated 10k-app SQLite)',
      figure: `${startMedian.toFixed(1)} ms median of 7`,
      floor: `bare Fastify start: ${bareMedian.toFixed(1)} ms`,
      ratio: `${(startMedian / bareMedian).toFixed(2)}× floor`,
      // The goal (issue 12) is a whole start beside a bare Fastify with as many routes: the
      // fresh-process rows below. In process, module loading is not in either figure.
      goal: 'informational (goal: the fresh-process start below)',
    },
    {
      name: `server start, second floor: bare Fastify with ${routeCount} empty routes`,
      figure: `${startMedian.toFixed(1)} ms`,
      floor: `bare Fastify, ${routeCount} routes: ${wideMedian.toFixed(1)} ms`,
      ratio: `${(startMedian / wideMedian).toFixed(2)}× floor`,
      goal: 'informational (where the start-up time goes)',
    },
    ...processRows,
  ];
  return { rows, store: seeded.store };
}
