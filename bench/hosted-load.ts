/**
 * The hosted bench's load (issue 13): autocannon drives the real server at CONNECTIONS
 * connections with a personal access token; the floor runs the same reads as raw SQL through a
 * pg Pool at the same concurrency.
 */
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import type pg from 'pg';
import { listQuerySchema } from '../src/core/applications/input.ts';
import { addDays } from '../src/core/dates.ts';
import { TODAY } from './hosted-seed.ts';
import { percentile } from './report.ts';

export const CONNECTIONS = 50;
export const SECONDS = Number(process.env.BENCH_HOSTED_SECONDS ?? 10);

export function loadAverages(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' })
      .trim()
      .replace(/^.*load average:\s*/, 'load ');
  } catch {
    return 'load unknown';
  }
}

export interface Load {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  status?: number;
}

async function httpLoad(
  url: string,
  token: string,
  seconds: number,
  connections = CONNECTIONS,
): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
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
async function sqlLoad(
  pool: pg.Pool,
  fn: (c: pg.Pool) => Promise<unknown>,
  seconds: number,
  connections = CONNECTIONS,
): Promise<Load> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
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

// The list route's default page size: the floor reads as many rows as the route sends (it read
// 50 against the route's 100 until this was taken from the schema).
const LIST_PAGE = listQuerySchema.parse({}).limit;

/** The raw statements behind each route, for one workspace. */
function floors(workspaceId: string, coachEmail: string) {
  const silentSince = addDays(TODAY, -21);
  const before = addDays(TODAY, 9);
  return {
    list: async (c: pg.Pool) => {
      const [page] = await Promise.all([
        c.query(
          'select * from applications where workspace_id = $1 order by updated_at desc, id desc limit $2 offset 0',
          [workspaceId, LIST_PAGE],
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

export interface SizeResult {
  users: number;
  list: { ours: Load; floor: Load };
  today: { ours: Load; floor: Load };
  insights: { ours: Load; floor: Load };
  caseload?: { ours: Load; floor: Load } | 'missing';
  /** The caseload as one coach sees it: a single connection, one request after another. */
  caseloadAlone?: { ours: Load; floor: Load };
  load: string;
}

export async function measure(
  url: string,
  pool: pg.Pool,
  seeker: { token: string; workspaceId: string },
  coach: { token: string; email: string },
  users: number,
): Promise<SizeResult> {
  const f = floors(seeker.workspaceId, coach.email);
  const pair = async (
    path: string,
    floor: (c: pg.Pool) => Promise<unknown>,
    token = seeker.token,
    connections = CONNECTIONS,
  ) => {
    await httpLoad(`${url}${path}`, token, 1, connections); // warm-up
    const ours = await httpLoad(`${url}${path}`, token, SECONDS, connections);
    await sqlLoad(pool, floor, 1, connections);
    const fl = await sqlLoad(pool, floor, SECONDS, connections);
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
  const caseloadAlone =
    caseload === 'missing' ? undefined : await pair('/api/v1/caseload', f.caseload, coach.token, 1);
  return { users, list, today, insights, caseload, caseloadAlone, load: loadAverages() };
}

export async function checkStatus(url: string, token: string, path: string): Promise<void> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200)
    throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}
