/**
 * Insights on a large workspace: 10,000 applications and about 100,000 events in SQLite. The
 * figure is the full insights service call (funnel, channels, findings, comparison), including
 * reading from the database; the floor is the fastest hand-written SQL for the funnel alone, a
 * GROUP BY over the stored furthest stage, measured in the same run. The headline is the call
 * right after one card moved: what a person sees when they drag a card and open Insights.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../src/core/dates.ts';
import { addEvent } from '../src/services/applications.ts';
import { fixedClock } from '../src/services/context.ts';
import { getInsights } from '../src/services/insights/insights.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore } from '../src/store/connect.ts';
import { type BenchRow, percentile, printRows, timeRuns } from './report.ts';

const RUNS = 30;
const fmt = (ms: number) => `${ms.toFixed(2)} ms p50`;

export async function benchInsights(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-insights-bench-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
  try {
    const now = new Date('2026-11-19T10:00:00Z');
    const ctx = { ...(await openWorkspace(store, { clock: fixedClock(now) })), timeZone: 'UTC' };
    const data = generateWorkspace({
      count: 10_000,
      notesPerApp: 4,
      today: '2026-11-19',
      now: now.toISOString(),
      seed: 7,
    });
    await insertGenerated(ctx, data);

    const floorTimes = await timeRuns(
      () =>
        store.db
          .selectFrom('applications')
          .select(['furthest_stage', (eb) => eb.fn.countAll<number>().as('n')])
          .where('workspace_id', '=', ctx.workspaceId)
          .groupBy('furthest_stage')
          .execute(),
      RUNS,
    );
    const warm = await timeRuns(() => getInsights(ctx), RUNS);
    // A different period on every call: histories come from the cache, the payload is computed.
    let shift = 0;
    const computed = await timeRuns(
      () => getInsights(ctx, { from: addDays('2026-07-01', shift++ % 90) }),
      RUNS,
    );
    // The honest headline: a user moves one card, then opens Insights. Only that card's history
    // is read again; the payload is computed afresh.
    const moved: number[] = [];
    const open = data.applications.filter((a) => a.outcome === null && a.stage === 'applied');
    for (let i = 0; i < RUNS; i++) {
      await addEvent(ctx, open[i]!.id, { type: 'stage_changed', stage: 'screening' });
      const t0 = performance.now();
      await getInsights(ctx);
      moved.push(performance.now() - t0);
    }
    // For reference: a handle that has never loaded the workspace reads every stored summary.
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await getInsights({ ...ctx, db: store.db.withoutPlugins() });
      cold.push(performance.now() - t0);
    }
    const floor = percentile(floorTimes, 50);
    const floorText = `GROUP BY furthest_stage: ${fmt(floor)}`;
    const row = (name: string, times: number[], goal: string): BenchRow => ({
      name,
      figure: fmt(percentile(times, 50)),
      floor: floorText,
      ratio: `${(percentile(times, 50) / floor).toFixed(2)}× floor`,
      goal,
    });
    const size = `${data.applications.length.toLocaleString('en-US')} apps / ${data.events.length.toLocaleString('en-US')} events`;
    return [
      row(
        `insights service, ${size}, after one card moved (the headline)`,
        moved,
        '≤ 2× floor and ≤ 50 ms p50',
      ),
      row('insights service, unchanged workspace (served from cache)', warm, '≤ 2× floor and ≤ 50 ms p50'),
      row(
        'insights service, a new filter each call (cached histories, payload computed)',
        computed,
        '≤ 2× floor',
      ),
      row('insights service, first call on a new handle (reads the stored summaries)', cold, 'informational'),
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void benchInsights().then((rows) => printRows('Insights', rows));
}
