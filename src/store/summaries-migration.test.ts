import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from '../../test/support/databases.ts';
import { migrateToLatest } from './connect.ts';
import { readRevision } from './insights-repository.ts';
import { migrations } from './migrations/index.ts';
import { readSummaries } from './summaries-repository.ts';

/**
 * A database made before the summaries existed, with an application and its history in it, is
 * brought up to date: the new table is filled from the events, and changes are still noticed.
 */
for (const database of databases) {
  describe(`upgrading to history summaries on ${database.name}`, () => {
    it('fills every summary from the events already there, and keeps counting changes', async () => {
      // A database as Rebound left it before the summaries: every migration that sorts before them.
      const store = await database.open({ migrate: false });
      try {
        const db = store.db;
        const before = Object.fromEntries(
          Object.entries(migrations).filter(([name]) => name < '2026_11_27_1200_summaries'),
        );
        const migrator = new Migrator({
          db,
          provider: { getMigrations: async () => before },
          ...(store.schema ? { migrationTableSchema: store.schema } : {}),
        });
        const { error } = await migrator.migrateToLatest();
        if (error) throw error;

        await db
          .insertInto('workspaces')
          .values({ id: 'w', name: 'Old', created_at: '2026-01-01T00:00:00Z' })
          .execute();
        await db
          .insertInto('applications')
          .values({
            id: 'a1',
            workspace_id: 'w',
            company: 'Acme',
            role: 'Engineer',
            channel: 'referral',
            kind: 'job',
            applied_on: '2026-10-01',
            stage: 'interviewing',
            furthest_stage: 'interviewing',
            created_at: '2026-10-01T00:00:00Z',
            updated_at: '2026-10-09T00:00:00Z',
          })
          .execute();
        const event = (seq: number, type: string, occurredOn: string, data: unknown) => ({
          id: `e${seq}`,
          workspace_id: 'w',
          application_id: 'a1',
          seq,
          type: type as 'created',
          occurred_on: occurredOn,
          recorded_at: `${occurredOn}T00:00:00Z`,
          data: JSON.stringify(data),
        });
        await db
          .insertInto('application_events')
          .values([
            event(1, 'created', '2026-10-01', { stage: 'applied' }),
            event(2, 'stage_changed', '2026-10-05', { from: 'applied', to: 'screening' }),
            event(3, 'stage_changed', '2026-10-09', { from: 'screening', to: 'interviewing' }),
          ])
          .execute();

        expect(await migrateToLatest(db, store.schema)).toContain('2026_11_27_1200_summaries');
        expect((await readSummaries(db, 'w')).get('a1')).toMatchObject({
          furthestStage: 'interviewing',
          reachedOn: [null, '2026-10-01', '2026-10-05', '2026-10-09', null, null],
          firstResponseOn: '2026-10-05',
          eventCount: 3,
        });

        const revision = await readRevision(db, 'w');
        await db.updateTable('applications').set({ notes: 'changed' }).where('id', '=', 'a1').execute();
        expect(await readRevision(db, 'w')).not.toBe(revision);
      } finally {
        await store.close();
      }
    });
  });
}
