/**
 * The hosted server under many users (issue 13, "Scale and more than one machine"), on a real
 * PostgreSQL: N users (BENCH_HOSTED_USERS, default 10,000) with 100 applications each (about
 * seven events each). One realistic workspace is generated and written through the normal store
 * (summaries, search documents and revisions as the app writes them), then cloned server-side for
 * the other users with one INSERT … SELECT per table, rewriting `id` and `*_id` columns with the
 * user's number so references stay consistent.
 *
 * The real hosted server runs in process; autocannon drives it at 50 connections as one user
 * with a personal access token. Every figure is printed beside a floor measured in the same run:
 * the same data read with raw SQL through a pg Pool at the same concurrency. Nothing is asserted.
 *
 * Before the load, one request of each route is counted: its statements and how many of them run
 * one after another (hosted-queries.ts; BENCH_HOSTED_VERBOSE=1 lists each with its time). The
 * seed is in hosted-seed.ts, the load and its floors in hosted-load.ts.
 *
 * BENCH_HOSTED_POOL sets the server's PostgreSQL pool (default PG_POOL_SIZE, 10).
 *
 * BENCH_HOSTED_SIZES="1000,10000" measures at each size in turn (cloning up to the next size
 * between measurements) and prints how p99 grows. BENCH_HOSTED_SECONDS sets each load's length.
 * The data lives in its own schema, dropped afterwards.
 */
import pg from 'pg';
import { buildServer } from '../src/server/app.ts';
import { createToken } from '../src/services/accounts/accounts.ts';
import { fixedClock } from '../src/services/context.ts';
import { findUserByEmail } from '../src/store/accounts-repository.ts';
import { openStore, PG_POOL_SIZE } from '../src/store/connect.ts';
import {
  CONNECTIONS,
  checkStatus,
  type Load,
  loadAverages,
  measure,
  SECONDS,
  type SizeResult,
} from './hosted-load.ts';
import { queryRows } from './hosted-queries.ts';
import { type Coach, cloneUsers, makeCoach, ms, NOW, n, seedTemplate } from './hosted-seed.ts';
import { dropSchema, PG_URL, pgAvailable } from './postgres.ts';
import type { BenchRow } from './report.ts';

const USERS = Number(process.env.BENCH_HOSTED_USERS ?? 10_000);
const SIZES = (process.env.BENCH_HOSTED_SIZES ?? String(USERS))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((s) => s > 0)
  .sort((a, b) => a - b);
const CASELOAD = 200;

export async function benchHosted(): Promise<BenchRow[]> {
  if (!(await pgAvailable())) {
    return [
      { name: 'hosted bench', figure: 'skipped', floor: `no PostgreSQL at ${PG_URL}`, ratio: '–', goal: '–' },
    ];
  }
  const schema = `hostedbench_${process.pid}`;
  // BENCH_HOSTED_POOL: the server's pool size, to compare with the store's default.
  const poolSize = Number(process.env.BENCH_HOSTED_POOL ?? PG_POOL_SIZE);
  const store = await openStore({ kind: 'postgres', url: PG_URL, schema, poolSize });
  const rows: BenchRow[] = [];
  const results: SizeResult[] = [];
  let app: Awaited<ReturnType<typeof buildServer>> | undefined;
  const pool = new pg.Pool({
    connectionString: PG_URL,
    max: CONNECTIONS,
    options: `-c search_path=${schema}`,
  });
  try {
    let t0 = performance.now();
    const template = await seedTemplate(store, schema);
    const templateMs = performance.now() - t0;
    const accounts = { db: store.db, clock: fixedClock(NOW) };

    app = await buildServer({
      context: { db: store.db, workspaceId: '', clock: fixedClock(NOW), timeZone: 'UTC' },
      externalVersion: undefined,
      hosted: true,
      webRoot: null,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    let cloned = 1; // users 0..cloned-1 exist
    let coach: Coach | undefined;
    for (const size of SIZES) {
      process.stderr.write(`  hosted: cloning to ${n(size)} users…\n`);
      t0 = performance.now();
      const counts = size > cloned ? await cloneUsers(schema, template, cloned, size - 1) : new Map();
      const cloneMs = performance.now() - t0;
      cloned = Math.max(cloned, size);
      t0 = performance.now();
      // ANALYZE alone would visit every schema in the database; only ours.
      const { rows: tableRows } = await pool.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
        [schema],
      );
      // VACUUM as well: right after a million-row clone, autovacuum would otherwise start on the new
      // tables during the measurement (and a checkpoint flush the clone's pages), loading the cores.
      for (const { table_name } of tableRows)
        await pool.query(`vacuum (analyze) "${schema}"."${table_name}"`);
      await pool.query('checkpoint');
      const analyzeMs = performance.now() - t0;
      const totals = await pool.query<{
        apps: number;
        events: number;
        users: number;
        search: number;
        summaries: number;
      }>(
        `select (select count(*) from applications)::int as apps, (select count(*) from application_events)::int as events,
                (select count(*) from users)::int as users, (select count(*) from application_search)::int as search,
                (select count(*) from application_summaries)::int as summaries`,
      );
      const t = totals.rows[0]!;
      const copied = [...counts.entries()].filter(([, c]) => c > 0).map(([k, c]) => `${k} ${n(c)}`);
      rows.push({
        name: `seed ${n(size)} users: template (100 apps through the store) + server-side clone + VACUUM ANALYZE`,
        figure: `${ms(templateMs)} + ${ms(cloneMs)} + ${ms(analyzeMs)}`,
        floor: `now ${n(t.users)} users, ${n(t.apps)} applications, ${n(t.events)} events, ${n(t.summaries)} summaries, ${n(t.search)} search documents`,
        ratio: copied.length ? `copied: ${copied.join(', ')}` : '–',
        goal: 'informational',
      });

      // One seeker in the middle of the data, with a personal access token.
      const seekerRow = (await findUserByEmail(store.db, `seeker${Math.floor((size - 1) / 2)}@bench.test`))!;
      const seekerToken = (await createToken(accounts, { user: seekerRow, via: 'session' }, 'bench')).token;
      const seeker = { token: seekerToken, workspaceId: seekerRow.workspace_id };
      await checkStatus(url, seekerToken, '/api/v1/applications');
      await checkStatus(url, seekerToken, '/api/v1/today');
      await checkStatus(url, seekerToken, '/api/v1/insights');

      if (!coach) {
        coach = await makeCoach(store, Math.min(CASELOAD, size));
        rows.push(
          ...(await queryRows(url, [
            { path: '/api/v1/applications', token: seekerToken, label: 'list' },
            { path: '/api/v1/today', token: seekerToken, label: 'Today' },
            { path: '/api/v1/insights', token: seekerToken, label: 'insights' },
            {
              path: '/api/v1/caseload',
              token: coach.token,
              label: `caseload (${coach.seekers} seekers)`,
            },
            {
              path: '/api/v1/applications',
              token: coach.token,
              workspace: coach.sharedWorkspace,
              label: "list, as a coach in a seeker's shared workspace (the read is logged)",
            },
          ])),
        );
      }
      process.stderr.write(`  hosted: measuring at ${n(size)} users (${loadAverages()})…\n`);
      results.push(await measure(url, pool, seeker, coach, size));
    }

    const row = (
      label: string,
      users: number,
      r: { ours: Load; floor: Load },
      goal: string,
      load: string,
      connections = CONNECTIONS,
    ) =>
      rows.push({
        name: `${label} at ${n(users)} users, ${connections} connection${connections === 1 ? '' : 's'} (server pool ${poolSize}), ${SECONDS} s`,
        figure:
          r.ours.rps === 0
            ? 'no response completed within the run'
            : `p50 ${ms(r.ours.p50)}, p99 ${ms(r.ours.p99)}, ${n(Math.round(r.ours.rps))} req/s${r.ours.errors ? ` (${n(r.ours.errors)} errors)` : ''}`,
        floor: `raw SQL over pg Pool: p50 ${ms(r.floor.p50)}, p99 ${ms(r.floor.p99)}, ${n(Math.round(r.floor.rps))} q/s`,
        ratio: `${(r.ours.p99 / Math.max(r.floor.p99, 0.1)).toFixed(2)}× floor p99, ${(r.ours.rps / r.floor.rps).toFixed(2)}× floor throughput [${load}]`,
        goal,
      });
    for (const r of results) {
      row('GET /api/v1/applications (first page)', r.users, r.list, 'p99 ≤ 100 ms', r.load);
      row('GET /api/v1/today', r.users, r.today, 'p99 ≤ 100 ms', r.load);
      row('GET /api/v1/insights', r.users, r.insights, 'p99 ≤ 100 ms', r.load);
      if (r.caseload === 'missing') {
        console.log('caseload: route not on this branch');
        rows.push({
          name: 'GET /api/v1/caseload',
          figure: 'caseload: route not on this branch',
          floor: '–',
          ratio: '–',
          goal: 'p99 ≤ 300 ms',
        });
      } else if (r.caseload) {
        row(
          `GET /api/v1/caseload (coach, ${coach?.seekers} seekers)`,
          r.users,
          r.caseload,
          'p99 ≤ 300 ms',
          r.load,
        );
        if (r.caseloadAlone)
          row(
            `GET /api/v1/caseload (coach, ${coach?.seekers} seekers), one request at a time`,
            r.users,
            r.caseloadAlone,
            '≤ 300 ms',
            r.load,
            1,
          );
      }
    }
    if (results.length > 1) {
      const growth = (label: string, pick: (r: SizeResult) => { ours: Load; floor: Load }) =>
        rows.push({
          name: `${label} p99 growth ${results.map((r) => n(r.users)).join(' → ')} users`,
          figure: results.map((r) => ms(pick(r).ours.p99)).join(' → '),
          floor: `raw SQL p99 ${results.map((r) => ms(pick(r).floor.p99)).join(' → ')}`,
          ratio: `${(pick(results.at(-1)!).ours.p99 / pick(results[0]!).ours.p99).toFixed(2)}× over ${(results.at(-1)!.users / results[0]!.users).toFixed(0)}× users`,
          goal: 'informational (flat: each workspace read through its index)',
        });
      growth('list', (r) => r.list);
      growth('Today', (r) => r.today);
      growth('insights', (r) => r.insights);
    }
    return rows;
  } finally {
    await app?.close();
    await pool.end();
    await store.close();
    if (process.env.BENCH_HOSTED_KEEP === '1') {
      console.log(
        `kept schema ${schema} (BENCH_HOSTED_KEEP=1); drop it with: drop schema "${schema}" cascade`,
      );
    } else {
      await dropSchema(schema);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printRows } = await import('./report.ts');
  printRows('Hosted (issue 13)', await benchHosted());
  process.exit(0);
}
