import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { ANALYZE_AFTER_APPLICATIONS, refreshStatistics } from '../store/statistics.ts';
import { insertGenerated } from './sample-data.ts';
import { generateWorkspace } from './sample-workspace.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

for (const database of databases) {
  describe(`planner statistics on ${database.name}`, () => {
    let t: TestContext;
    beforeAll(async () => {
      t = await openTestContext(database, NOW);
    });
    afterAll(async () => {
      await t.close();
    });

    it('are brought up to date by a bulk write of many applications', async () => {
      const data = generateWorkspace({
        count: ANALYZE_AFTER_APPLICATIONS,
        today: '2026-11-20',
        now: NOW.toISOString(),
        seed: 9,
      });
      await insertGenerated(t.ctx, data);
      if (database.name === 'sqlite') return;
      // Every written table counted as it now is (ANALYZE reads all rows of tables this small).
      const { rows } = await sql<{ relname: string; reltuples: number }>`
        select relname, reltuples::int as reltuples from pg_class
        where oid in ('applications'::regclass, 'application_events'::regclass, 'application_summaries'::regclass)`.execute(
        t.store.db,
      );
      const counts = Object.fromEntries(rows.map((r) => [r.relname, Number(r.reltuples)]));
      expect(counts).toEqual({
        applications: data.applications.length,
        application_events: data.events.length,
        application_summaries: data.applications.length,
      });
    });

    it('can be refreshed for any tables, inside a transaction too', async () => {
      await refreshStatistics(t.store.db, ['applications', 'application_tags']);
      await t.store.db.transaction().execute((trx) => refreshStatistics(trx, ['application_summaries']));
    });
  });
}
