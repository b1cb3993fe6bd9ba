import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from '../../test/support/databases.ts';
import { addEvent, getApplicationOrThrow } from '../services/applications.ts';
import { exportBackup } from '../services/backup.ts';
import { fixedClock } from '../services/context.ts';
import { openWorkspace } from '../services/workspace.ts';
import { migrateToLatest } from './connect.ts';
import { migrations } from './migrations/index.ts';

/** The migrations of the first released schema (Rebound 0.1.0). Never change this list. */
const FIRST_RELEASE = [
  '2026_11_22_0900_initial',
  '2026_11_22_1000_recovery',
  '2026_11_22_1100_insights',
  '2026_11_22_1200_skills',
  '2026_11_22_1300_imports',
];

// A database made by the first release, with data written the way that release wrote it (plain
// SQL against its tables), upgrades to the current schema and reads back whole.
for (const database of databases) {
  describe(`upgrading a first-release database on ${database.name}`, () => {
    it('keeps every application, event, tag and setting, and takes new writes', async () => {
      const store = await database.open({ migrate: false });
      try {
        const first = Object.fromEntries(FIRST_RELEASE.map((name) => [name, migrations[name]!]));
        const migrator = new Migrator({
          db: store.db,
          provider: { getMigrations: async () => first },
          ...(store.schema ? { migrationTableSchema: store.schema } : {}),
        });
        const { error } = await migrator.migrateToLatest();
        expect(error).toBeUndefined();

        const at = '2026-01-05T09:00:00.000Z';
        await sql`insert into workspaces (id, name, created_at) values ('local', 'Local', ${at})`.execute(
          store.db,
        );
        await sql`insert into settings (workspace_id, key, value) values ('local', 'ghostAfterDays', '30')`.execute(
          store.db,
        );
        await sql`insert into applications (id, workspace_id, company, role, job_url, channel, kind, applied_on,
            stage, furthest_stage, outcome, closed_on, created_at, updated_at)
          values ('a1', 'local', 'Örebro Systems', 'Data Engineer', 'https://example.org/job', 'referral', 'job',
            '2026-01-05', 'interviewing', 'interviewing', null, null, ${at}, ${at})`.execute(store.db);
        await sql`insert into application_tags (workspace_id, application_id, tag) values ('local', 'a1', 'remote')`.execute(
          store.db,
        );
        const events: [string, number, string, string, string][] = [
          ['e1', 1, 'created', '2026-01-05', '{"stage":"applied"}'],
          ['e2', 2, 'stage_changed', '2026-01-12', '{"from":"applied","to":"interviewing"}'],
          ['e3', 3, 'note', '2026-01-13', '{"text":"Panel went well"}'],
        ];
        for (const [id, seq, type, on, data] of events) {
          await sql`insert into application_events (id, workspace_id, application_id, seq, type, occurred_on, recorded_at, data)
            values (${id}, 'local', 'a1', ${seq}, ${type}, ${on}, ${at}, ${data})`.execute(store.db);
        }

        await migrateToLatest(store.db, store.schema);

        const ctx = { ...(await openWorkspace(store, { clock: fixedClock(new Date(at)) })), timeZone: 'UTC' };
        const detail = await getApplicationOrThrow(ctx, 'a1');
        expect(detail).toMatchObject({
          company: 'Örebro Systems',
          stage: 'interviewing',
          tags: ['remote'],
          jobUrl: 'https://example.org/job',
        });
        expect(detail.events.map((e) => e.type)).toEqual(['created', 'stage_changed', 'note']);
        expect((await exportBackup(ctx)).settings).toMatchObject({ ghostAfterDays: 30 });
        const moved = await addEvent(ctx, 'a1', { type: 'outcome_set', outcome: 'rejected' });
        expect(moved.outcome).toBe('rejected');
        expect(moved.events.at(-1)?.seq).toBe(4);
      } finally {
        await store.close();
      }
    });
  });
}
