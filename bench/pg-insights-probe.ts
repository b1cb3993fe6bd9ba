/**
 * Probes insights and Today on a kept PostgreSQL schema (issue 12), without the whole scale bench:
 *
 *   node --import tsx bench/pg-insights-probe.ts seed 100000 [schema]   seeds the schema once
 *   node --import tsx bench/pg-insights-probe.ts fresh [schema]         first insights call in a new process, beside the floor
 *   node --import tsx bench/pg-insights-probe.ts today [schema]         first Today call in a new process
 *   node --import tsx bench/pg-insights-probe.ts explain [schema]       EXPLAIN ANALYZE of the aggregate statement
 *   node --import tsx bench/pg-insights-probe.ts drop [schema]
 */
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { addDays } from '../src/core/dates.ts';
import { comparisonSince, EARLY_IDS } from '../src/core/insights/index.ts';
import { fixedClock } from '../src/services/context.ts';
import { getInsights } from '../src/services/insights/insights.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { getTodayFirstScreen } from '../src/services/today/today.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore } from '../src/store/connect.ts';
import { loadInsightAggregates } from '../src/store/insights-aggregates-repository.ts';
import type { Database } from '../src/store/schema.ts';

const PG_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
const [mode, ...args] = process.argv.slice(2);
const schema = (mode === 'seed' ? args[1] : args[0]) ?? 'probe_insights_100k';

async function open() {
  const store = await openStore({ kind: 'postgres', url: PG_URL, schema });
  const ctx = { ...(await openWorkspace(store, { clock: fixedClock(NOW) })), timeZone: 'UTC' };
  return { store, ctx };
}

if (mode === 'drop') {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
} else if (mode === 'seed') {
  const count = Number(args[0] ?? 100_000);
  const { store, ctx } = await open();
  const t0 = performance.now();
  const data = generateWorkspace({ count, today: TODAY, now: NOW.toISOString(), notesPerApp: 3, seed: 12 });
  await insertGenerated(ctx, data);
  console.log(JSON.stringify({ seeded: count, events: data.events.length, ms: performance.now() - t0 }));
  await store.close();
} else if (mode === 'fresh') {
  const { store, ctx } = await open();
  let t0 = performance.now();
  await sql`select channel, furthest_stage, outcome, count(*) as n from applications where workspace_id = ${ctx.workspaceId} group by channel, furthest_stage, outcome`.execute(
    store.db,
  );
  const floorMs = performance.now() - t0;
  t0 = performance.now();
  await getInsights(ctx);
  const insightsMs = performance.now() - t0;
  t0 = performance.now();
  await getInsights(ctx);
  const againMs = performance.now() - t0;
  console.log(JSON.stringify({ floorMs, insightsMs, ratio: insightsMs / floorMs, againMs }));
  await store.close();
} else if (mode === 'today') {
  const { store, ctx } = await open();
  const t0 = performance.now();
  await getTodayFirstScreen(ctx);
  const todayMs = performance.now() - t0;
  console.log(JSON.stringify({ todayMs }));
  await store.close();
} else if (mode === 'explain') {
  const { store, ctx } = await open();
  await store.close();
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: PG_URL, max: 1, options: `-c search_path="${schema}"` }),
    }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  await loadInsightAggregates(
    db,
    ctx.workspaceId,
    {
      filters: {},
      since: comparisonSince(TODAY),
      today: TODAY,
      oldBy: addDays(TODAY, -21),
      earlyIds: EARLY_IDS,
    },
    { roles: null, tags: null },
  );
  await sql`set work_mem = '64MB'`.execute(db);
  for (const q of captured.filter((c) => /^\s*(select|with)/i.test(c.sql))) {
    const { rows } = await db.executeQuery(
      CompiledQuery.raw(`explain (analyze, buffers, verbose) ${q.sql}`, [...q.parameters]),
    );
    console.log(q.sql);
    console.log(rows.map((r) => (r as Record<string, string>)['QUERY PLAN']).join('\n'));
  }
  await db.destroy();
} else {
  console.error('modes: seed N [schema] | fresh | today | explain | drop');
  process.exitCode = 2;
}
