import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import type { Store } from '../store/connect.ts';
import { addEvent, addRound, createApplication } from './applications.ts';
import { exportBackup, importBackup, parseBackup } from './backup.ts';
import { fixedClock, type ServiceContext } from './context.ts';
import { generateWorkspace, insertGenerated } from './sample-data.ts';
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
        await expect(importBackup(emptyCtx, parseBackup(broken))).rejects.toThrow(/duplicate id/);
        expect((await exportBackup(emptyCtx)).applications).toHaveLength(0);
      } finally {
        await empty.close();
      }
    });
  });
}
