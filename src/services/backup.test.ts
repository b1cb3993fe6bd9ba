import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import type { ReboundError } from '../core/errors.ts';
import type { Store } from '../store/connect.ts';
import { addRound } from './application-rounds.ts';
import { addEvent, createApplication } from './applications.ts';
import { exportBackup, importBackup, parseBackup } from './backup.ts';
import { fixedClock, type ServiceContext } from './context.ts';
import { insertGenerated } from './sample-data.ts';
import { generateWorkspace } from './sample-workspace.ts';
import { openWorkspace } from './workspace.ts';

for (const database of databases) {
  describe(`backup on ${database.name}`, () => {
    let source: Store;
    let target: Store;
    let ctx: ServiceContext;
    let restoredCtx: ServiceContext;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));

    beforeAll(async () => {
      ({ store: source, ctx } = await openTestContext(database, clock));
      ({ store: target, ctx: restoredCtx } = await openTestContext(database, clock));
    });
    afterAll(async () => {
      await source.close();
      await target.close();
    });

    it('export → import into an empty database → export gives the same content', async () => {
      await insertGenerated(
        ctx,
        generateWorkspace({ count: 30, today: '2026-11-10', now: '2026-11-10T10:00:00.000Z' }),
      );
      const app = await createApplication(ctx, {
        company: 'Ünïcode “Co”',
        role: 'Dev, Senior',
        tags: ['a', 'b'],
        salaryMin: 1,
        salaryMax: 2,
        jobDescription: 'line 1\nline 2',
      });
      await addRound(ctx, app.id, { kind: 'panel', who: 'Kim' });
      await addEvent(ctx, app.id, { type: 'undo' });
      const first = await exportBackup(ctx);
      const parsed = parseBackup(JSON.parse(JSON.stringify(first)));
      await importBackup(restoredCtx, parsed);
      const second = await exportBackup(restoredCtx);
      expect(second).toEqual(first);
    });

    it('writes nothing when one application in the file is broken', async () => {
      const empty = await database.open();
      try {
        const emptyCtx = await openWorkspace(empty, { clock });
        const good = await exportBackup(ctx);
        const broken = JSON.parse(JSON.stringify(good));
        broken.applications.at(-1).id = broken.applications[0].id;
        const last = broken.applications.length - 1;
        expect(() => parseBackup(broken)).toThrow(`applications[${last}].id: duplicate application id`);
        expect((await exportBackup(emptyCtx)).applications).toHaveLength(0);
      } finally {
        await empty.close();
      }
    });

    // Each of these restored with 201 before, and some then broke every page that reads dates.
    const corruptions: [string, (b: BackupJson) => void, string][] = [
      ['an unknown time zone', (b) => (b.settings.timeZone = 'Mars/Olympus_Mons'), 'settings.timeZone'],
      ['a negative ghosting delay', (b) => (b.settings.ghostAfterDays = -5), 'settings.ghostAfterDays'],
      [
        'a bogus stage',
        (b) => (b.applications[12]!.events[0]!.data.stage = 'bogus'),
        'applications[12].events[0].data.stage',
      ],
      [
        'garbage event data',
        (b) => (b.applications[3]!.events[0]!.data = { x: [1, 2] }),
        'applications[3].events[0].data.stage',
      ],
      [
        'a javascript: job link',
        (b) => (b.applications[5]!.jobUrl = 'javascript:alert(1)'),
        'applications[5].jobUrl',
      ],
      [
        'a repeated event id',
        (b) => (b.applications[7]!.events[0]!.id = b.applications[6]!.events[0]!.id),
        'applications[7].events[0].id',
      ],
      ['a NUL character', (b) => (b.applications[2]!.notes = 'a\u0000b'), 'applications[2].notes'],
    ];
    for (const [what, corrupt, path] of corruptions) {
      it(`refuses a backup with ${what}, naming ${path}, and writes nothing`, async () => {
        const empty = await database.open();
        try {
          const emptyCtx = await openWorkspace(empty, { clock });
          const broken = JSON.parse(JSON.stringify(await exportBackup(ctx))) as BackupJson;
          corrupt(broken);
          let error: ReboundError | undefined;
          try {
            await importBackup(emptyCtx, parseBackup(broken));
          } catch (e) {
            error = e as ReboundError;
          }
          expect(error?.code).toBe('invalid_backup');
          expect(error?.details.map((d) => d.path)).toContain(path);
          expect((await exportBackup(emptyCtx)).applications).toHaveLength(0);
        } finally {
          await empty.close();
        }
      });
    }
  });
}

interface BackupJson {
  settings: Record<string, unknown>;
  applications: {
    id: string;
    jobUrl: string | null;
    notes: string | null;
    events: { id: string; data: Record<string, unknown> }[];
  }[];
}
