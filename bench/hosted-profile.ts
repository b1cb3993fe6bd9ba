/**
 * Where the hosted server spends its CPU per request (issue 13's bench): the real hosted server
 * in process on PostgreSQL, autocannon in its own thread at 50 connections as one seeker with a
 * personal access token, and the main thread's CPU profile over the load. Prints, per route,
 * req/s, the main thread's busy time per request, and the top self-time functions.
 *
 *   BENCH_HOSTED_USERS=200 npx tsx bench/hosted-profile.ts [list today insights shared]
 *
 * BENCH_PROFILE_SCHEMA=name reuses (or creates and keeps) a seeded schema, so two builds can be
 * compared on the same data; BENCH_HOSTED_SECONDS sets each load's length (default 5);
 * BENCH_PROFILE_TOP the number of functions listed (default 25; 0 measures CPU only, no profile);
 * BENCH_PROFILE_OUT=dir writes each .cpuprofile there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildServer } from '../src/server/app.ts';
import { createToken } from '../src/services/accounts/accounts.ts';
import { fixedClock } from '../src/services/context.ts';
import { findUserByEmail } from '../src/store/accounts-repository.ts';
import { openStore } from '../src/store/connect.ts';
import { checkStatus } from './hosted-load.ts';
import { cloneUsers, makeCoach, NOW, seedTemplate } from './hosted-seed.ts';
import { dropSchema, PG_URL } from './postgres.ts';

const USERS = Number(process.env.BENCH_HOSTED_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_HOSTED_SECONDS ?? 5);
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);
const OUT = process.env.BENCH_PROFILE_OUT;
const keep = process.env.BENCH_PROFILE_SCHEMA;
const schema = keep ?? `hostedprofile_${process.pid}`;
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['list', 'today', 'insights'];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** A thread's or process's CPU time in ms (user + system), from /proc: not inflated by a busy machine. */
function cpuMs(statPath: string): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return Number.NaN;
  }
}

/** The main thread's own CPU time in ms. */
function mainThreadCpuMs(): number {
  return cpuMs(`/proc/self/task/${process.pid}/stat`);
}

// The server's PostgreSQL connections say who they are, so their backends' CPU can be read from
// /proc (PostgreSQL on this machine); other clients of the same server are not counted.
const APP_NAME = `rebound-profile-${process.pid}`;
process.env.PGAPPNAME = APP_NAME;

/** The CPU time of the PostgreSQL backends serving the server's pool, in ms (NaN when not local). */
async function postgresCpuMs(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1',
    [APP_NAME],
  );
  return rows.reduce((sum, { pid }) => sum + cpuMs(`/proc/${pid}/stat`), 0);
}

function summarise(profile: Profile, requests: number, label: string): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let idle = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += dt;
      return;
    }
    const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/');
    const key = `${name} ${where}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const busy = (total - idle) / 1000;
  console.log(
    `${label}: ${requests} requests, main thread not idle ${busy.toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms → ${(busy / Math.max(1, requests)).toFixed(3)} ms CPU per request`,
  );
  if (TOP > 0) {
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(
        `  ${(us / 1000).toFixed(0).padStart(6)} ms ${((us / 1000 / busy) * 100).toFixed(1).padStart(5)}%  ${key}`,
      );
  }
}

const store = await openStore({ kind: 'postgres', url: PG_URL, schema, poolSize: 10 });
const app = await buildServer({
  context: { db: store.db, workspaceId: '', clock: fixedClock(NOW), timeZone: 'UTC' },
  externalVersion: undefined,
  hosted: true,
  webRoot: null,
});
try {
  const exists = await findUserByEmail(store.db, 'seeker0@bench.test');
  if (!exists) {
    process.stderr.write(`seeding ${USERS} users in ${schema}…\n`);
    const template = await seedTemplate(store, schema);
    if (USERS > 1) await cloneUsers(schema, template, 1, USERS - 1);
    await makeCoach(store, Math.min(20, USERS));
    const pool = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    const { rows } = await pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
      [schema],
    );
    for (const { table_name } of rows) await pool.query(`analyze "${schema}"."${table_name}"`);
    await pool.end();
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const accounts = { db: store.db, clock: fixedClock(NOW) };
  const seekerRow = (await findUserByEmail(store.db, 'seeker1@bench.test'))!;
  const token = (await createToken(accounts, { user: seekerRow, via: 'session' }, 'profile')).token;
  const coachRow = (await findUserByEmail(store.db, 'coach@bench.test')) ?? null;
  const coachToken = coachRow
    ? (await createToken(accounts, { user: coachRow, via: 'session' }, 'profile')).token
    : null;

  const paths: Record<string, { path: string; headers: Record<string, string> }> = {
    list: { path: '/api/v1/applications', headers: { authorization: `Bearer ${token}` } },
    today: { path: '/api/v1/today', headers: { authorization: `Bearer ${token}` } },
    insights: { path: '/api/v1/insights', headers: { authorization: `Bearer ${token}` } },
    shared: {
      path: '/api/v1/applications',
      headers: {
        authorization: `Bearer ${coachToken}`,
        'rebound-workspace': 'SEEKER', // filled below
      },
    },
  };
  if (routes.includes('shared')) {
    const seeker0 = (await findUserByEmail(store.db, 'seeker0@bench.test'))!;
    paths.shared!.headers['rebound-workspace'] = seeker0.workspace_id;
  }
  // Not the server's pool (its backends are the ones measured), and with its own name.
  const probe = new pg.Pool({ connectionString: PG_URL, max: 1, application_name: 'rebound-profile-probe' });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  for (const name of routes) {
    const target = paths[name];
    if (!target) throw new Error(`unknown route ${name} (list, today, insights, shared)`);
    if (name !== 'shared') await checkStatus(url, token, target.path);
    const run = (duration: number) =>
      autocannon({
        url: `${url}${target.path}`,
        connections: 50,
        duration,
        workers: 1,
        headers: target.headers,
      });
    await run(1); // warm-up
    // CPU first without the profiler (its sampling costs CPU too), then the profile.
    const cpu0 = mainThreadCpuMs();
    const pg0 = await postgresCpuMs(probe);
    const plain = await run(SECONDS);
    const mainMs = mainThreadCpuMs() - cpu0;
    const pgMs = (await postgresCpuMs(probe)) - pg0;
    const per = (total: number) => (total / Math.max(1, plain.requests.total)).toFixed(3);
    console.log(
      `\n${name} ${target.path} without profiler: ${Math.round(plain.requests.average)} req/s, p99 ${plain.latency.p99} ms; main thread CPU ${mainMs.toFixed(0)} ms / ${plain.requests.total} requests = ${per(mainMs)} ms per request; PostgreSQL backends ${pgMs.toFixed(0)} ms = ${per(pgMs)} ms per request`,
    );
    if (TOP === 0) continue;
    await session.post('Profiler.start');
    const result = await run(SECONDS);
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    const errors = result.errors + result.non2xx + result.timeouts;
    if (OUT) writeFileSync(join(OUT, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(
      `${name} ${target.path} profiled: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${errors ? `, ${errors} errors` : ''}`,
    );
    summarise(profile, result.requests.total, name);
  }
  session.disconnect();
  await probe.end();
} finally {
  await app.close();
  await store.close();
  if (!keep) await dropSchema(schema);
}
process.exit(0);
