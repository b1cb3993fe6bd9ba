import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { ROUND_KINDS } from '../../core/applications/application.ts';
import { addDays } from '../../core/dates.ts';
import { firstScreen } from '../../core/today/build-today.ts';
import { type ScheduledItem, upsertScheduledItems } from '../../store/schedule-repository.ts';
import { addRound } from '../application-rounds.ts';
import { addEvent, createApplication } from '../applications.ts';
import { insertGenerated } from '../sample-data.ts';
import { generateWorkspace } from '../sample-workspace.ts';
import { getToday, getTodayFirstScreen } from './today.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';

for (const database of databases) {
  describe(`Today's first screen on ${database.name}`, () => {
    let t: TestContext;
    beforeAll(async () => {
      t = await openTestContext(database, NOW);
      // Plenty of interviews around today (the sample data books them close to it) and scheduled work.
      const data = generateWorkspace({ count: 400, today: TODAY, now: NOW.toISOString(), seed: 5 });
      await insertGenerated(t.ctx, data);
      const kinds = ['feedback_send', 'post_mortem', 'action_item', 'contact_touch'] as const;
      const items: ScheduledItem[] = Array.from({ length: 120 }, (_, i) => {
        const kind = kinds[i % kinds.length]!;
        const day = addDays(TODAY, (i % 30) - 10);
        return {
          id: `${kind}:${i}`,
          kind,
          refId: `ref${i}`,
          title: `Item ${i % 7}`,
          dueAt: kind === 'action_item' ? day : `${day}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000Z`,
        };
      });
      await t.store.db.transaction().execute((trx) => upsertScheduledItems(trx, t.ctx.workspaceId, items));
    });
    afterAll(async () => {
      await t.close();
    });

    it('is the whole view cut to its first items, whatever the cut, though it reads only the interviews it shows', async () => {
      const whole = await getToday(t.ctx);
      expect(whole.upcoming.filter((e) => e.kind === 'interview').length).toBeGreaterThan(5);
      for (const first of [1, 3, 20, 1000]) {
        const { items: _items, ...expected } = firstScreen(whole, first);
        expect(await getTodayFirstScreen(t.ctx, first), `first ${first}`).toEqual(expected);
      }
    });

    it('counts what is scheduled past the horizon, also when nothing is due before it', async () => {
      const u = await openTestContext(database, NOW);
      try {
        const item = (i: number, day: string): ScheduledItem => ({
          id: `action_item:later${i}`,
          kind: 'action_item',
          refId: `later${i}`,
          title: `Later ${i}`,
          dueAt: day,
        });
        const later = [item(1, addDays(TODAY, 20)), item(2, addDays(TODAY, 40)), item(3, addDays(TODAY, 60))];
        await u.store.db.transaction().execute((trx) => upsertScheduledItems(trx, u.ctx.workspaceId, later));
        const empty = await getTodayFirstScreen(u.ctx);
        expect(empty.laterCount).toBe(3);
        expect(empty.counts).toEqual({ overdue: 0, today: 0, upcoming: 0, held: 0 });
        await u.store.db
          .transaction()
          .execute((trx) => upsertScheduledItems(trx, u.ctx.workspaceId, [item(4, TODAY)]));
        const one = await getTodayFirstScreen(u.ctx);
        expect(one.laterCount).toBe(3);
        expect(one.today.map((e) => e.title)).toEqual(['Later 4']);
        expect((await getToday(u.ctx)).laterCount).toBe(3);
      } finally {
        await u.close();
      }
    });

    it("leaves out a closed or accepted application's interview, and counts it again when it is reopened", async () => {
      const u = await openTestContext(database, NOW);
      try {
        const apps = [];
        for (const [i, company] of ['Northwind', 'Contoso', 'Fabrikam'].entries()) {
          const app = await createApplication(u.ctx, { company, role: 'Analyst', stage: 'interviewing' });
          await addRound(u.ctx, app.id, { kind: ROUND_KINDS[0], scheduledAt: addDays(TODAY, 3 - i) });
          apps.push(app);
        }
        // The first screen lists one interview and counts the others it does not read.
        const upcoming = async () => {
          const screen = await getTodayFirstScreen(u.ctx, 1);
          const full = await getToday(u.ctx);
          const { items: _items, ...whole } = firstScreen(full, 1);
          expect(screen).toEqual(whole);
          return full.upcoming.filter((e) => e.kind === 'interview').length;
        };
        expect(await upcoming()).toBe(3);
        await addEvent(u.ctx, apps[0]!.id, { type: 'outcome_set', outcome: 'rejected' });
        expect(await upcoming()).toBe(2);
        await addEvent(u.ctx, apps[0]!.id, { type: 'reopened' });
        expect(await upcoming()).toBe(3);
        // An accepted offer has no outcome, yet its interviews are over too.
        await addEvent(u.ctx, apps[1]!.id, { type: 'stage_changed', stage: 'offer' });
        await addEvent(u.ctx, apps[1]!.id, { type: 'stage_changed', stage: 'accepted' });
        expect(await upcoming()).toBe(2);
        await addEvent(u.ctx, apps[1]!.id, { type: 'stage_changed', stage: 'offer' });
        expect(await upcoming()).toBe(3);
      } finally {
        await u.close();
      }
    });

    it('says the same in another time zone', async () => {
      const ctx = { ...t.ctx, timeZone: 'Pacific/Auckland' };
      const { items: _items, ...expected } = firstScreen(await getToday(ctx), 4);
      expect(await getTodayFirstScreen(ctx, 4)).toEqual(expected);
    });
  });
}
