import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { InsightFilters } from '../../core/insights/index.ts';
import { loadInsightApplications } from '../../store/insights-repository.ts';
import { addRound } from '../application-rounds.ts';
import { addEvent, deleteApplication, updateApplication } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import type { ServiceContext } from '../context.ts';
import { commitSpreadsheetImport } from '../imports/spreadsheet-import.ts';
import { getInsights } from './insights.ts';
import { loadApplicationsCached } from './load.ts';

// The cache is per database handle: a new handle on the same connection starts cold, so it reads
// everything afresh, which is what the incrementally kept cache must always agree with.
const cold = (ctx: ServiceContext): ServiceContext => ({ ...ctx, db: ctx.db.withoutPlugins() });

const FILTERS: InsightFilters[] = [{}, { tag: 'remote' }, { role: 'data' }, { from: '2026-10-01' }];

for (const database of databases) {
  describe(`insights cache after writes on ${database.name}`, () => {
    let t: TestContext;
    let ctx: ServiceContext;
    // The clock stands still on purpose: every write gets the same updated_at, so the cache can
    // only notice changes through the rows and history stamps themselves.
    beforeAll(async () => {
      t = await openTestContext(database, new Date('2026-11-19T10:00:00Z'));
      ctx = t.ctx;
    });
    afterAll(async () => {
      await t.close();
    });

    async function expectSameAsFullReload(step: string): Promise<void> {
      const fresh = cold(ctx);
      expect(await loadApplicationsCached(ctx), step).toEqual(
        await loadInsightApplications(ctx.db, ctx.workspaceId),
      );
      for (const filters of FILTERS) {
        expect(await getInsights(ctx, filters), `${step} ${JSON.stringify(filters)}`).toEqual(
          await getInsights(fresh, filters),
        );
      }
    }

    it('keeps insights equal to a full reload through every kind of write', async () => {
      const a = await createTestApplication(ctx, {
        company: 'Acme',
        appliedOn: '2026-10-02',
        tags: ['remote'],
      });
      const b = await createTestApplication(ctx, {
        company: 'Globex',
        role: 'Data Analyst',
        appliedOn: '2026-09-20',
      });
      const c = await createTestApplication(ctx, {
        company: 'Initech',
        appliedOn: '2026-11-01',
        channel: 'referral',
      });
      await expectSameAsFullReload('initial');
      const before = await loadApplicationsCached(ctx);

      await addEvent(ctx, a.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-10-09' });
      const after = await loadApplicationsCached(ctx);
      // Only the moved card was read again; the others are the very same objects.
      expect(after.find((x) => x.id === b.id)).toBe(before.find((x) => x.id === b.id));
      expect(after.find((x) => x.id === a.id)).not.toBe(before.find((x) => x.id === a.id));
      await expectSameAsFullReload('move');

      const backup = await exportBackup(ctx);

      const writes: [string, () => Promise<unknown>][] = [
        ['create', () => createTestApplication(ctx, { company: 'Hooli', appliedOn: '2026-11-10' })],
        ['move to interviewing', () => addEvent(ctx, a.id, { type: 'stage_changed', stage: 'interviewing' })],
        [
          'reject',
          () => addEvent(ctx, b.id, { type: 'outcome_set', outcome: 'rejected', occurredOn: '2026-10-01' }),
        ],
        ['reopen', () => addEvent(ctx, b.id, { type: 'reopened' })],
        ['undo', () => addEvent(ctx, a.id, { type: 'undo' })],
        ['reply', () => addEvent(ctx, c.id, { type: 'response', occurredOn: '2026-11-05' })],
        ['note', () => addEvent(ctx, c.id, { type: 'note', text: 'called back' })],
        ['round', () => addRound(ctx, c.id, { kind: 'technical' })],
        ['tag edit', () => updateApplication(ctx, b.id, { tags: ['remote', 'python'] })],
        ['tag removed', () => updateApplication(ctx, a.id, { tags: [] })],
        ['role edit', () => updateApplication(ctx, c.id, { role: 'Data Engineer' })],
        ['channel edit', () => updateApplication(ctx, c.id, { channel: 'job_board' })],
        ['kind edit', () => updateApplication(ctx, a.id, { kind: 'contract' })],
        ['applied date edit', () => updateApplication(ctx, a.id, { appliedOn: '2026-09-30' })],
        ['delete', () => deleteApplication(ctx, b.id)],
        [
          'spreadsheet import',
          () =>
            commitSpreadsheetImport(
              ctx,
              new TextEncoder().encode('Company,Role,Status\nUmbrella,Data Scientist,Interviewing\n'),
              'apps.csv',
            ),
        ],
        // Same ids as now, older histories, same updated_at: only the history stamps tell.
        ['restore a backup over it', () => importBackup(ctx, backup, { replace: true })],
        ['move after restore', () => addEvent(ctx, c.id, { type: 'stage_changed', stage: 'offer' })],
      ];
      for (const [step, write] of writes) {
        await write();
        await expectSameAsFullReload(step);
      }
      expect((await loadApplicationsCached(ctx)).map((x) => x.company).sort()).toEqual([
        'Acme',
        'Globex',
        'Initech',
      ]);
    });
  });
}
