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
 * BENCH_HOSTED_SIZES="1000,10000" measures at each size in turn (cloning up to the next size
 * between measurements) and prints how p99 grows. BENCH_HOSTED_SECONDS sets each load's length.
 * The data lives in its own schema, dropped afterwards.
 */
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { SHARE_SCOPES } from '../src/core/accounts/scopes.ts';
import { addDays } from '../src/core/dates.ts';
import { buildServer } from '../src/server/app.ts';
import { createToken, signUp } from '../src/services/accounts/accounts.ts';
import { fixedClock, type ServiceContext } from '../src/services/context.ts';
import { generateWorkspace, insertGenerated } from '../src/services/sample-data.ts';
import { findUserByEmail, type UserRow } from '../src/store/accounts-repository.ts';
import { openStore, type Store } from '../src/store/connect.ts';
import { type ScheduledItem, upsertScheduledItems } from '../src/store/schedule-repository.ts';
import { type BenchRow, percentile } from './report.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
const PG_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const USERS = Number(process.env.BENCH_HOSTED_USERS ?? 10_000);
const SIZES = (process.env.BENCH_HOSTED_SIZES ?? String(USERS))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((s) => s > 0)
  .sort((a, b) => a - b);
const SECONDS = Number(process.env.BENCH_HOSTED_SECONDS ?? 10);
const CONNECTIONS = 50;
const APPS_PER_USER = 100;
const CASELOAD = 200;
const PASSWORD = 'bench-password-1234';

// Tables whose rows belong to one account's sign-in, not to the job search: never cloned
// (their secrets are unique per row and a clone would collide or mean nothing).
const NOT_CLONED = new Set([
  'users',
  'sessions',
  'access_tokens',
  'invitations',
  'password_resets',
  'shares',
  'share_views',
  'reminders_sent',
  'auth_attempts',
]);

const n = (v: number) => v.toLocaleString('en-US');
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const suffix = (col: string) => `${col} || '_u' || g`;

function loadAverages(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' })
      .trim()
      .replace(/^.*load average:\s*/, 'load ');
  } catch {
    return 'load unknown';
  }
}

async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A client whose search_path is the bench schema. */
async function schemaClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`set search_path to "${schema}"`);
  return client;
}

interface Template {
  user: UserRow;
  tables: Array<{ name: string; columns: string[] }>;
}

/** One realistic workspace, written the way the app writes it. */
async function seedTemplate(store: Store, schema: string): Promise<Template> {
  const accounts = { db: store.db, clock: fixedClock(NOW) };
  // The first account on an empty server is the admin; the template is an ordinary seeker.
  const created = await signUp(accounts, {
    email: 'seeker0@bench.test',
    password: PASSWORD,
    name: 'Seeker 0',
  });
  await store.db.updateTable('users').set({ role: 'seeker' }).where('id', '=', created.id).execute();
  const user = (await findUserByEmail(store.db, created.email))!;
  const ctx: ServiceContext = {
    db: store.db,
    workspaceId: user.workspace_id,
    clock: fixedClock(NOW),
    timeZone: 'UTC',
  };
  const data = generateWorkspace({
    count: APPS_PER_USER,
    today: TODAY,
    now: NOW.toISOString(),
    notesPerApp: 3,
    seed: 13,
  });
  await insertGenerated(ctx, data);
  // Scheduled work in proportion (a fifth of the applications), as the scale bench seeds it.
  const kinds = ['feedback_send', 'feedback_chase', 'post_mortem', 'action_item', 'contact_touch'] as const;
  const items: ScheduledItem[] = Array.from({ length: APPS_PER_USER / 5 }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const day = addDays(TODAY, (i % 40) - 10);
    const app = data.applications[i * 5]!;
    return {
      id: `${kind}:${i}`,
      kind,
      refId: `ref${i}`,
      title: `Item ${i}`,
      dueAt: kind === 'action_item' ? day : `${day}T09:00:00.000Z`,
      applicationId: app.id,
    };
  });
  await store.db.transaction().execute((trx) => upsertScheduledItems(trx, ctx.workspaceId, items));

  const client = await schemaClient(schema);
  try {
    const { rows } = await client.query<{ table_name: string; columns: string[] }>(
      `select table_name, array_agg(column_name::text order by ordinal_position) as columns
         from information_schema.columns where table_schema = $1 group by table_name`,
      [schema],
    );
    const tables = rows
      .filter((r) => r.columns.includes('workspace_id') && !NOT_CLONED.has(r.table_name))
      .map((r) => ({ name: r.table_name, columns: r.columns }));
    return { user, tables };
  } finally {
    await client.end();
  }
}

/**
 * Users `from`..`to` (inclusive) as copies of the template: one INSERT … SELECT per table over
 * generate_series. Foreign keys are not checked while copying (every reference is rewritten the
 * same way, so they hold), which keeps it a bulk write.
 */
async function cloneUsers(
  schema: string,
  template: Template,
  from: number,
  to: number,
): Promise<Map<string, number>> {
  const client = await schemaClient(schema);
  const counts = new Map<string, number>();
  const w0 = template.user.workspace_id;
  let indexes: Array<{ name: string; def: string }> = [];
  try {
    await client.query('set session_replication_role = replica');
    await client.query("set maintenance_work_mem = '256MB'");
    await client.query('set synchronous_commit = off');
    // Secondary indexes are built once afterwards (a sorted bulk build) rather than grown row by
    // row through millions of inserts; primary keys and unique constraints stay and keep checking.
    ({ rows: indexes } = await client.query<{ name: string; def: string }>(
      `select ic.relname as name, pg_get_indexdef(i.indexrelid) as def
         from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
         join pg_namespace ns on ns.oid = t.relnamespace
        where ns.nspname = $1 and t.relname = any($2)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
      [schema, template.tables.map((t) => t.name)],
    ));
    for (const index of indexes) await client.query(`drop index "${schema}"."${index.name}"`);
    const ws = await client.query(
      `insert into workspaces (id, name, created_at)
         select ${suffix('id')}, 'Seeker ' || g || '''s job search', created_at
           from workspaces cross join generate_series($2::int, $3::int) g where id = $1`,
      [w0, from, to],
    );
    counts.set('workspaces', ws.rowCount ?? 0);
    const us = await client.query(
      `insert into users (id, workspace_id, email, name, password_hash, role, calendar_secret, created_at, password_changed_at)
         select ${suffix('id')}, ${suffix('workspace_id')}, 'seeker' || g || '@bench.test', 'Seeker ' || g,
                password_hash, role, ${suffix('calendar_secret')}, created_at, password_changed_at
           from users cross join generate_series($2::int, $3::int) g where id = $1`,
      [template.user.id, from, to],
    );
    counts.set('users', us.rowCount ?? 0);
    for (const table of template.tables) {
      const cols = table.columns.map((c) => `"${c}"`).join(', ');
      const exprs = table.columns
        .map((c) => (c === 'id' || c.endsWith('_id') ? suffix(`"${c}"`) : `"${c}"`))
        .join(', ');
      const started = performance.now();
      const res = await client.query(
        `insert into "${table.name}" (${cols})
           select ${exprs} from "${table.name}" cross join generate_series($2::int, $3::int) g where workspace_id = $1`,
        [w0, from, to],
      );
      counts.set(table.name, res.rowCount ?? 0);
      if (process.env.BENCH_HOSTED_VERBOSE === '1')
        process.stderr.write(
          `    ${table.name}: ${res.rowCount} rows in ${ms(performance.now() - started)}\n`,
        );
    }
  } finally {
    const started = performance.now();
    for (const index of indexes) await client.query(index.def);
    if (process.env.BENCH_HOSTED_VERBOSE === '1')
      process.stderr.write(
        `    ${indexes.length} secondary indexes rebuilt in ${ms(performance.now() - started)}\n`,
      );
    await client.end();
  }
  return counts;
}

interface Load {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  status?: number;
}

async function httpLoad(url: string, token: string, seconds: number): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // The load generator in its own thread, so it does not queue behind the server it measures.
    workers: 1,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** The floor: `fn` run by CONNECTIONS workers in a closed loop over a pg Pool, each call timed. */
async function sqlLoad(pool: pg.Pool, fn: (c: pg.Pool) => Promise<unknown>, seconds: number): Promise<Load> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          await fn(pool);
        } catch {
          errors++;
        }
        times.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  return { p50: percentile(times, 50), p99: percentile(times, 99), rps: times.length / elapsed, errors };
}

/** The raw statements behind each route, for one workspace. */
function floors(workspaceId: string, coachEmail: string) {
  const silentSince = addDays(TODAY, -21);
  const before = addDays(TODAY, 9);
  return {
    list: async (c: pg.Pool) => {
      const [page] = await Promise.all([
        c.query(
          'select * from applications where workspace_id = $1 order by updated_at desc, id desc limit 50 offset 0',
          [workspaceId],
        ),
        c.query('select count(*) from applications where workspace_id = $1', [workspaceId]),
      ]);
      const ids = page.rows.map((r: { id: string }) => r.id);
      await c.query(
        'select application_id, tag from application_tags where application_id = any($1) order by tag',
        [ids],
      );
    },
    today: (c: pg.Pool) =>
      Promise.all([
        c.query(
          `select id, kind, ref_id, title, detail, due_at, starts_at, ends_at, application_id, contact_id, nudge
             from scheduled_items where workspace_id = $1 and due_at < $2 order by due_at, title`,
          [workspaceId, before],
        ),
        c.query(
          `select id, company, role, scheduled_at from interview_rounds
             where workspace_id = $1 and scheduled_at >= $2 and scheduled_at < $3`,
          [workspaceId, addDays(TODAY, -1), before],
        ),
        c.query(
          `select id, company, role, coalesce(last_response_on, applied_on) as silent_since, count(*) over () as total
             from applications where workspace_id = $1 and outcome is null
              and stage in ('applied', 'screening', 'interviewing')
              and coalesce(last_response_on, applied_on) <= $2
             order by silent_since, id limit 20`,
          [workspaceId, silentSince],
        ),
      ]),
    insights: (c: pg.Pool) =>
      c.query(
        `select channel, furthest_stage, outcome, count(*) as n from applications where workspace_id = $1
           group by channel, furthest_stage, outcome`,
        [workspaceId],
      ),
    caseload: (c: pg.Pool) =>
      c.query(
        `select a.workspace_id, max(a.last_activity_on) as last_activity,
                count(*) filter (where a.outcome = 'rejected' and a.closed_on >= $2) as rejections_this_week,
                count(*) filter (where a.outcome is null and a.last_activity_on < $3) as stalled
           from applications a
          where a.workspace_id in (select workspace_id from shares where coach_email = $1 and revoked_at is null)
          group by a.workspace_id`,
        [coachEmail, addDays(TODAY, -7), addDays(TODAY, -21)],
      ),
  };
}

interface SizeResult {
  users: number;
  list: { ours: Load; floor: Load };
  today: { ours: Load; floor: Load };
  insights: { ours: Load; floor: Load };
  caseload?: { ours: Load; floor: Load } | 'missing';
  load: string;
}

async function measure(
  url: string,
  pool: pg.Pool,
  seeker: { token: string; workspaceId: string },
  coach: { token: string; email: string },
  users: number,
): Promise<SizeResult> {
  const f = floors(seeker.workspaceId, coach.email);
  const pair = async (path: string, floor: (c: pg.Pool) => Promise<unknown>, token = seeker.token) => {
    await httpLoad(`${url}${path}`, token, 1); // warm-up
    const ours = await httpLoad(`${url}${path}`, token, SECONDS);
    await sqlLoad(pool, floor, 1);
    const fl = await sqlLoad(pool, floor, SECONDS);
    return { ours, floor: fl };
  };
  const list = await pair('/api/v1/applications', f.list);
  const today = await pair('/api/v1/today', f.today);
  const insights = await pair('/api/v1/insights', f.insights);
  const probe = await fetch(`${url}/api/v1/caseload`, {
    headers: { authorization: `Bearer ${coach.token}` },
  });
  const caseload =
    probe.status === 404 ? ('missing' as const) : await pair('/api/v1/caseload', f.caseload, coach.token);
  if (caseload !== 'missing' && probe.status !== 200) caseload.ours.status = probe.status;
  return { users, list, today, insights, caseload, load: loadAverages() };
}

async function checkStatus(url: string, token: string, path: string): Promise<void> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200)
    throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

export async function benchHosted(): Promise<BenchRow[]> {
  if (!(await pgAvailable())) {
    return [
      { name: 'hosted bench', figure: 'skipped', floor: `no PostgreSQL at ${PG_URL}`, ratio: '–', goal: '–' },
    ];
  }
  const schema = `hostedbench_${process.pid}`;
  const store = await openStore({ kind: 'postgres', url: PG_URL, schema });
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
    let coach: { token: string; email: string } | undefined;
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
      for (const { table_name } of tableRows) await pool.query(`analyze "${schema}"."${table_name}"`);
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
        name: `seed ${n(size)} users: template (100 apps through the store) + server-side clone + ANALYZE`,
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

      if (!coach) coach = await makeCoach(store, Math.min(CASELOAD, size));
      process.stderr.write(`  hosted: measuring at ${n(size)} users (${loadAverages()})…\n`);
      results.push(await measure(url, pool, seeker, coach, size));
    }

    const row = (label: string, users: number, r: { ours: Load; floor: Load }, goal: string, load: string) =>
      rows.push({
        name: `${label} at ${n(users)} users, ${CONNECTIONS} connections, ${SECONDS} s`,
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
          `GET /api/v1/caseload (coach, ${Math.min(CASELOAD, r.users)} seekers)`,
          r.users,
          r.caseload,
          'p99 ≤ 300 ms',
          r.load,
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
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    }
  }
}

/** A coach with `count` seekers sharing every scope with them, and a token. */
async function makeCoach(store: Store, count: number): Promise<{ token: string; email: string }> {
  const accounts = { db: store.db, clock: fixedClock(NOW) };
  const email = 'coach@bench.test';
  const previous = process.env.REBOUND_OPEN_SIGNUP;
  process.env.REBOUND_OPEN_SIGNUP = '1';
  try {
    await signUp(accounts, { email, password: PASSWORD, name: 'Coach' });
  } finally {
    if (previous === undefined) delete process.env.REBOUND_OPEN_SIGNUP;
    else process.env.REBOUND_OPEN_SIGNUP = previous;
  }
  await store.db.updateTable('users').set({ role: 'coach' }).where('email', '=', email).execute();
  const coach = (await findUserByEmail(store.db, email))!;
  const seekers = await store.db
    .selectFrom('users')
    .select(['id', 'workspace_id'])
    .where('role', '=', 'seeker')
    .orderBy('created_at')
    .orderBy('id')
    .limit(count)
    .execute();
  await store.db
    .insertInto('shares')
    .values(
      seekers.map((s, i) => ({
        id: `bench-share-${i}`,
        workspace_id: s.workspace_id,
        owner_id: s.id,
        coach_email: email,
        scopes: JSON.stringify(SHARE_SCOPES),
        ends_on: null,
        created_at: NOW.toISOString(),
        revoked_at: null,
      })),
    )
    .execute();
  const token = (await createToken(accounts, { user: coach, via: 'session' }, 'bench')).token;
  return { token, email };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printRows } = await import('./report.ts');
  printRows('Hosted (issue 13)', await benchHosted());
  process.exit(0);
}
