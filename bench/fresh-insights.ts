/**
 * Run in a child process by scale-bench.ts: a fresh process opens the database and times the
 * first insights call, beside the floor (a raw GROUP BY over the applications, same process,
 * measured first so both read from the same warm file cache). Prints one JSON line.
 */
import { sql } from 'kysely';
import { fixedClock } from '../src/services/context.ts';
import { getInsights } from '../src/services/insights/insights.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore, type StoreTarget } from '../src/store/connect.ts';

const target = JSON.parse(process.argv[2]!) as StoreTarget;
const store = await openStore(target);
const ctx = {
  ...(await openWorkspace(store, { clock: fixedClock(new Date('2026-11-20T10:00:00Z')) })),
  timeZone: 'UTC',
};
let t0 = performance.now();
await sql`select channel, furthest_stage, outcome, count(*) as n from applications where workspace_id = ${ctx.workspaceId} group by channel, furthest_stage, outcome`.execute(
  store.db,
);
const floorMs = performance.now() - t0;
t0 = performance.now();
const payload = await getInsights(ctx);
const insightsMs = performance.now() - t0;
console.log(JSON.stringify({ floorMs, insightsMs, applied: payload.funnel[0]?.reached ?? 0 }));
await store.close();
