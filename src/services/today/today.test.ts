import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import { addDays } from '../../core/dates.ts';
import type { Store } from '../../store/connect.ts';
import type { ServiceContext } from '../context.ts';
import { presentQuietPage, presentToday } from './presenters.ts';
import { getToday, listQuietItems, QUIET_SHOWN } from './today.ts';

const START = new Date('2026-11-10T10:00:00Z');
const QUIET = QUIET_SHOWN + 5;

for (const database of databases) {
  describe(`Today's quiet applications on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    /** Quiet application ids, the most silent first. */
    const quietIds: string[] = [];

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, START));
      // Created out of order so the listing has to sort by silence, not by insertion.
      const days = Array.from({ length: QUIET }, (_, i) => i).reverse();
      const byDay = new Map<number, string>();
      for (const d of days) {
        const app = await createTestApplication(ctx, { appliedOn: addDays('2026-08-01', d) });
        byDay.set(d, app.id);
      }
      quietIds.push(...[...byDay.keys()].sort((a, b) => a - b).map((d) => byDay.get(d)!));
      await createTestApplication(ctx, { appliedOn: '2026-11-02' }); // recent: not quiet
    });
    afterAll(async () => {
      await store.close();
    });

    it('lists only the most silent few on Today and counts them all', async () => {
      const view = await getToday(ctx);
      const ghosted = view.overdue.filter((e) => e.kind === 'likely_ghosted');
      expect(ghosted.map((e) => e.applicationId).sort()).toEqual(quietIds.slice(0, QUIET_SHOWN).sort());
      expect(view.quiet).toEqual({ shown: QUIET_SHOWN, total: QUIET });
      expect(presentToday(view).quiet).toEqual({ shown: QUIET_SHOWN, total: QUIET });
    });

    it('pages through all of them, the most silent first', async () => {
      const first = await listQuietItems(ctx, { limit: QUIET_SHOWN });
      const rest = await listQuietItems(ctx, { limit: 10, offset: QUIET_SHOWN });
      expect([...first.items, ...rest.items].map((i) => i.applicationId)).toEqual(quietIds);
      expect(rest.total).toBe(QUIET);
      expect(first.items[0]).toMatchObject({ kind: 'likely_ghosted', dueAt: addDays('2026-08-01', 21) });
      const page = presentQuietPage(rest);
      expect(page.items[0]?.complete?.label).toBe('Close as no reply');
      expect(page.items[0]?.dueOn).toBe(page.items[0]?.dueAt);
    });

    it('still tells the total past the last page', async () => {
      expect(await listQuietItems(ctx, { limit: 10, offset: QUIET + 10 })).toEqual({
        items: [],
        total: QUIET,
      });
    });
  });
}
