/**
 * Where server start-up goes, phase by phase, in CPU time (steadier than wall time on a shared
 * machine): open the store, buildServer, ready, listen, first 200 on /api/health; beside a bare
 * Fastify with as many empty routes. `npx tsx bench/startup-profile.ts` (N=30 rounds, APPS=300).
 */
import Fastify from 'fastify';
import { buildServer } from '../src/server/app.ts';
import { fixedClock } from '../src/services/context.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore } from '../src/store/connect.ts';
import { seededStore } from './api-bench.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const seeded = await seededStore(Number(process.env.APPS ?? 300));
const phases: Record<string, number[]> = {};
let since = process.cpuUsage();
const mark = (name: string) => {
  const d = process.cpuUsage(since);
  phases[name] ??= [];
  phases[name].push((d.user + d.system) / 1000);
  since = process.cpuUsage();
};
const rounds = Number(process.env.N ?? 30);
for (let i = 0; i < rounds; i++) {
  since = process.cpuUsage();
  const store = await openStore({ kind: 'sqlite', file: seeded.file });
  const ctx = await openWorkspace(store, { clock: fixedClock(NOW) });
  mark('open store');
  const server = await buildServer({ context: ctx, externalVersion: store.externalVersion, webRoot: null });
  mark('buildServer');
  await server.ready();
  mark('ready');
  await server.listen({ host: '127.0.0.1', port: 0 });
  const port = (server.server.address() as { port: number }).port;
  await (await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { host: 'localhost' } })).text();
  mark('listen + first 200');
  await server.close();
  await store.close();

  since = process.cpuUsage();
  const wide = Fastify({ exposeHeadRoutes: false });
  for (let r = 0; r < 141; r++) wide.get(`/r${r}/:id`, async () => ({ ok: true }));
  wide.get('/api/health', async () => ({ ok: true }));
  mark('floor: build');
  await wide.ready();
  mark('floor: ready');
  await wide.listen({ host: '127.0.0.1', port: 0 });
  const widePort = (wide.server.address() as { port: number }).port;
  await (await fetch(`http://127.0.0.1:${widePort}/api/health`)).text();
  mark('floor: listen + first 200');
  await wide.close();
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const sum = (prefix: boolean) =>
  median(
    Array.from({ length: rounds }, (_, i) =>
      Object.entries(phases)
        .filter(([k]) => k.startsWith('floor') === prefix)
        .reduce((n, [, v]) => n + v[i]!, 0),
    ).slice(3),
  );
for (const [name, values] of Object.entries(phases)) {
  console.log(`${name.padEnd(26)} ${median(values.slice(3)).toFixed(2)} ms CPU (median)`);
}
console.log(`total: ours ${sum(false).toFixed(2)} ms CPU, floor ${sum(true).toFixed(2)} ms CPU`);
await seeded.cleanup();
