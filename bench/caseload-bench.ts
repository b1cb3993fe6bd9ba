/**
 * The coach's caseload at scale (issue 13): one coach, 200 seekers sharing every scope, 100
 * applications each (about seven events per application), on PostgreSQL. Times the caseload
 * service and the HTTP route (session cookie), beside a raw-SQL floor: one grouped statement over
 * the same seekers' applications.
 *
 * `npx tsx bench/caseload-bench.ts` (BENCH_SEEKERS, BENCH_APPS to change the sizes). Needs the
 * PostgreSQL at REBOUND_TEST_PG_URL (default 127.0.0.1:5432/test); uses its own schema, dropped after.
 */
import { buildServer } from '../src/server/app.ts';
import { type AccountsContext, startSession } from '../src/services/accounts/accounts.ts';
import { fixedClock, newId } from '../src/services/context.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { getCaseload } from '../src/services/sharing/caseload.ts';
import { insertShare, insertUser, type UserRow } from '../src/store/accounts-repository.ts';
import * as repo from '../src/store/caseload-repository.ts';
import { openStore } from '../src/store/connect.ts';
import { ensureWorkspace } from '../src/store/workspace-repository.ts';
import { dropSchema, PG_URL } from './postgres.ts';
import { percentile } from './report.ts';

const SEEKERS = Number(process.env.BENCH_SEEKERS ?? 200);
const APPS = Number(process.env.BENCH_APPS ?? 100);
const RUNS = 30;
const NOW = new Date('2026-11-20T10:00:00Z');

async function time(runs: number, f: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await f(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function main(): Promise<void> {
  const schema = `bench_caseload_${process.pid}`;
  const store = await openStore({ kind: 'postgres', url: PG_URL, schema });
  const clock = fixedClock(NOW);
  const ctx: AccountsContext = { db: store.db, clock };
  const now = NOW.toISOString();
  try {
    const user = async (name: string, email: string): Promise<UserRow> => {
      const workspaceId = newId();
      await ensureWorkspace(store.db, workspaceId, `${name}'s job search`, now);
      const row: UserRow = {
        id: newId(),
        workspace_id: workspaceId,
        email,
        name,
        password_hash: 'x',
        role: 'seeker',
        calendar_secret: newId(),
        created_at: now,
        password_changed_at: now,
      };
      await insertUser(store.db, row);
      return row;
    };
    const coach = await user('Coach', 'coach@example.org');
    const started = performance.now();
    const seekerIds: string[] = [];
    for (let i = 0; i < SEEKERS; i++) {
      const seeker = await user(`Seeker ${i}`, `seeker${i}@example.org`);
      seekerIds.push(seeker.workspace_id);
      const data = generateWorkspace({ count: APPS, today: '2026-11-20', now, seed: i + 1 });
      await insertGenerated({ db: store.db, workspaceId: seeker.workspace_id, clock, timeZone: 'UTC' }, data);
      await insertShare(store.db, {
        id: newId(),
        workspace_id: seeker.workspace_id,
        owner_id: seeker.id,
        coach_email: coach.email,
        scopes: JSON.stringify(['applications', 'insights', 'goals', 'contacts', 'notes']),
        ends_on: null,
        created_at: now,
        revoked_at: null,
      });
    }
    const counts = await store.db
      .selectFrom('application_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `Seeded ${SEEKERS} seekers × ${APPS} applications (${counts.n} events) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await store.db.executeQuery((await import('kysely')).sql`analyze`.compile(store.db));

    const principal = { user: coach, via: 'session' as const };
    const caseload = await getCaseload(ctx, principal);
    const signals = caseload.reduce((s, e) => s + e.attention.length, 0);
    console.log(`Caseload: ${caseload.length} seekers, ${signals} signals`);
    const service = await time(RUNS, () => getCaseload(ctx, principal));

    const app = await buildServer({
      context: { db: store.db, clock, workspaceId: '', timeZone: 'UTC' },
      hosted: true,
      webRoot: null,
      checkResponses: false,
    });
    const cookie = `rebound_session=${await startSession(ctx, coach)}`;
    const http = await time(RUNS, async () => {
      const res = await app.inject({ url: '/api/v1/caseload', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    await app.close();

    const floor = await time(RUNS, () =>
      store.db
        .selectFrom('applications')
        .select(['workspace_id', (eb) => eb.fn.max('updated_at').as('at'), (eb) => eb.fn.countAll().as('n')])
        .where('workspace_id', 'in', seekerIds)
        .groupBy('workspace_id')
        .execute(),
    );
    const f = (v: number) => `${v.toFixed(1)} ms`;
    if (process.env.BENCH_DETAIL === '1') {
      const parts: [string, () => Promise<unknown>][] = [
        ['timeZonesOf', () => repo.timeZonesOf(store.db, seekerIds)],
        ['lastApplicationChange', () => repo.lastApplicationChange(store.db, seekerIds)],
        ['lastGoalsChange', () => repo.lastGoalsChange(store.db, seekerIds)],
        [
          'caseloadApplications',
          () =>
            repo.caseloadApplications(store.db, seekerIds, {
              rejectedSince: '2026-11-13',
              stageSinceBy: '2026-10-31',
              sentFrom: '2026-11-09',
              sentTo: '2026-11-16',
            }),
        ],
        [
          'overdueFollowUps',
          () =>
            repo.overdueFollowUps(
              store.db,
              seekerIds,
              ['contact_touch', 'feedback_send', 'feedback_chase', 'action_item'],
              '2026-11-22',
            ),
        ],
        ['planFacts', () => repo.planFacts(store.db, seekerIds, '2026-11-09', '2026-11-16')],
      ];
      for (const [name, run] of parts)
        console.log(`  ${name.padEnd(22)} p50 ${f((await time(10, run)).p50)}`);
    }
    console.log(`caseload service     p50 ${f(service.p50)}  p99 ${f(service.p99)}`);
    console.log(`GET /api/v1/caseload p50 ${f(http.p50)}  p99 ${f(http.p99)}`);
    console.log(
      `raw-SQL floor        p50 ${f(floor.p50)}  p99 ${f(floor.p99)}  (one grouped statement over the applications)`,
    );
  } finally {
    await store.close();
    if (process.env.BENCH_KEEP === '1') console.log(`kept schema ${schema} (BENCH_KEEP=1)`);
    else {
      await dropSchema(schema);
    }
  }
}

await main();
