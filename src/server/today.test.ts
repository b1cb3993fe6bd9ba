import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { todayGroupPageSchema, todayViewSchema } from '../core/today/schemas.ts';
import type { Store } from '../store/connect.ts';
import { upsertScheduledItems } from '../store/schedule-repository.ts';

/** Today stays one small first screen however much is due; the rest comes a page at a time. */
for (const database of databases) {
  describe(`Today first screen and pages on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const headers = { host: 'localhost:4477' };
    const get = (url: string) => app.inject({ url, headers });

    beforeAll(async () => {
      const opened = await openTestContext(database, new Date('2026-11-10T10:00:00Z'));
      store = opened.store;
      app = await buildTestApp(opened.ctx);
      // 45 small tasks left from earlier, one for today.
      await upsertScheduledItems(store.db, opened.ctx.workspaceId, [
        ...Array.from({ length: 45 }, (_, i) => ({
          id: `action_item:t${String(i).padStart(2, '0')}`,
          kind: 'action_item' as const,
          refId: `t${i}`,
          title: `Task ${String(i).padStart(2, '0')}`,
          dueAt: '2026-11-07',
        })),
        {
          id: 'action_item:now',
          kind: 'action_item',
          refId: 'now',
          title: 'Today task',
          dueAt: '2026-11-10',
        },
      ]);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('sends the first items of each list with how many there are, and pages the rest in order', async () => {
      const first = await get('/api/v1/today');
      expect(first.statusCode).toBe(200);
      const view = todayViewSchema.parse(first.json());
      expect(view.overdue.map((i) => i.title)).toEqual(
        Array.from({ length: 20 }, (_, i) => `Task ${String(i).padStart(2, '0')}`),
      );
      expect(view.counts).toEqual({ overdue: 45, today: 1, upcoming: 0, held: 0 });
      expect(view.today.map((i) => i.title)).toEqual(['Today task']);

      const seen = view.overdue.map((i) => i.id);
      for (let offset = 20; offset < 45; offset += 20) {
        const page = todayGroupPageSchema.parse(
          (await get(`/api/v1/today/groups/overdue?offset=${offset}&limit=20`)).json(),
        );
        expect(page.total).toBe(45);
        seen.push(...page.items.map((i) => i.id));
      }
      expect(seen).toHaveLength(45);
      expect(new Set(seen).size).toBe(45);
      expect(seen.at(-1)).toBe('action_item:t44');
    });

    it('refuses an unknown list or a bad page, naming the field', async () => {
      const unknown = await get('/api/v1/today/groups/someday');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.code).toBe('invalid_input');
      expect(JSON.stringify(unknown.json().error.details)).toContain('group');
      const bad = await get('/api/v1/today/groups/overdue?limit=0');
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().error.details)).toContain('limit');
    });
  });
}
