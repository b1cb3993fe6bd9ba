import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { createTestApplication } from '../../test/support/factories.ts';
import type { Store } from '../store/connect.ts';
import { addRound } from './application-rounds.ts';
import {
  addEvent,
  createApplication,
  deleteApplication,
  getApplicationOrThrow,
  listApplications,
  resolveApplicationId,
  updateApplication,
} from './applications.ts';
import { fixedClock, type ServiceContext } from './context.ts';

for (const database of databases) {
  describe(`applications on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, clock));
    });
    afterAll(async () => {
      await store.close();
    });

    it('creates an application as applied today, with its first event', async () => {
      const app = await createApplication(ctx, {
        company: 'Northwind',
        role: 'Engineer',
        tags: ['remote', 'dream'],
      });
      expect(app).toMatchObject({
        company: 'Northwind',
        stage: 'applied',
        furthestStage: 'applied',
        appliedOn: '2026-11-10',
        outcome: null,
      });
      expect(app.tags).toEqual(['dream', 'remote']);
      expect(app.events.map((e) => e.type)).toEqual(['created']);
    });

    it('keeps how far it got after a back-move and a rejection, across a reload', async () => {
      const app = await createTestApplication(ctx);
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'interviewing' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'screening' });
      await addEvent(ctx, app.id, {
        type: 'outcome_set',
        outcome: 'rejected',
        reason: 'More senior candidate',
      });
      const reloaded = await getApplicationOrThrow(ctx, app.id);
      expect(reloaded).toMatchObject({
        stage: 'screening',
        furthestStage: 'interviewing',
        outcome: 'rejected',
        closedOn: '2026-11-10',
      });
      expect(reloaded.events.map((e) => e.type)).toEqual([
        'created',
        'stage_changed',
        'stage_changed',
        'outcome_set',
      ]);
    });

    it('undoes a mistaken move as an event of its own', async () => {
      const app = await createTestApplication(ctx);
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'offer' });
      const after = await addEvent(ctx, app.id, { type: 'undo' });
      expect(after.stage).toBe('applied');
      expect(after.furthestStage).toBe('applied');
      expect(after.events.at(-1)?.type).toBe('undo');
      expect(after.events.find((e) => e.type === 'stage_changed')?.undone).toBe(true);
    });

    it('refuses to move a closed application and writes nothing', async () => {
      const app = await createTestApplication(ctx);
      await addEvent(ctx, app.id, { type: 'outcome_set', outcome: 'withdrawn' });
      await expect(addEvent(ctx, app.id, { type: 'stage_changed', stage: 'offer' })).rejects.toMatchObject({
        code: 'application_closed',
      });
      const reloaded = await getApplicationOrThrow(ctx, app.id);
      expect(reloaded.events).toHaveLength(2);
    });

    it('refuses events dated in the future', async () => {
      const app = await createTestApplication(ctx);
      await expect(
        addEvent(ctx, app.id, { type: 'note', text: 'x', occurredOn: '2026-12-01' }),
      ).rejects.toThrow(/occurredOn: must not be in the future/);
    });

    it('records rounds one by one and moves the card to interviewing', async () => {
      const app = await createTestApplication(ctx);
      await addRound(ctx, app.id, { kind: 'technical', scheduledAt: '2026-11-09', who: 'Dana' });
      const after = await addRound(ctx, app.id, { kind: 'final' });
      expect(after.rounds.map((r) => [r.number, r.kind])).toEqual([
        [1, 'technical'],
        [2, 'final'],
      ]);
      expect(after.stage).toBe('interviewing');
      expect(after.lastResponseOn).toBe('2026-11-10');
    });

    it('lists with filters, search, tag and paging', async () => {
      await createApplication(ctx, {
        company: 'Zeta Search Co',
        role: 'Data Analyst',
        channel: 'referral',
        tags: ['fintech'],
      });
      const byQ = await listApplications(ctx, {
        q: 'zeta search',
        status: 'all',
        sort: 'updated',
        limit: 10,
        offset: 0,
      });
      expect(byQ.items.map((a) => a.company)).toEqual(['Zeta Search Co']);
      const byTag = await listApplications(ctx, {
        tag: 'fintech',
        status: 'all',
        sort: 'updated',
        limit: 10,
        offset: 0,
      });
      expect(byTag.total).toBe(1);
      const closed = await listApplications(ctx, { status: 'closed', sort: 'updated', limit: 10, offset: 0 });
      expect(closed.items.every((a) => a.outcome !== null)).toBe(true);
      const page = await listApplications(ctx, { status: 'all', sort: 'company', limit: 2, offset: 0 });
      expect(page.items).toHaveLength(2);
      expect(page.total).toBeGreaterThan(2);
      // The next page continues the same order, with the same total; past the end, none.
      const all = await listApplications(ctx, { status: 'all', sort: 'company', limit: 500, offset: 0 });
      const next = await listApplications(ctx, { status: 'all', sort: 'company', limit: 2, offset: 2 });
      expect(next.items.map((a) => a.id)).toEqual(all.items.slice(2, 4).map((a) => a.id));
      expect(next.total).toBe(all.total);
      const past = { status: 'all', sort: 'company', limit: 2, offset: all.total + 5 } as const;
      expect(await listApplications(ctx, past)).toEqual({ items: [], total: all.total });
      const none = { tag: 'nobody-uses-this', status: 'all', sort: 'updated', limit: 10, offset: 0 } as const;
      expect(await listApplications(ctx, none)).toEqual({ items: [], total: 0 });
    });

    it('updates fields and refuses a salary range upside down', async () => {
      const app = await createTestApplication(ctx, { salaryMin: 50_000 });
      const updated = await updateApplication(ctx, app.id, { location: 'Lisbon', tags: ['x'] });
      expect(updated).toMatchObject({ location: 'Lisbon', tags: ['x'], salaryMin: 50_000 });
      await expect(updateApplication(ctx, app.id, { salaryMax: 10 })).rejects.toThrow(/salaryMax/);
    });

    it('deletes an application with its history, and says when the id does not exist', async () => {
      const app = await createTestApplication(ctx);
      await deleteApplication(ctx, app.id);
      await expect(getApplicationOrThrow(ctx, app.id)).rejects.toMatchObject({
        code: 'application_not_found',
      });
      await expect(deleteApplication(ctx, app.id)).rejects.toMatchObject({ code: 'application_not_found' });
    });

    it('finds an application by its id or its one company, and lists the candidates otherwise', async () => {
      const solo = await createApplication(ctx, { company: 'Zephyr Labs', role: 'Data Analyst' });
      const a = await createApplication(ctx, { company: 'Twinco', role: 'Designer' });
      const b = await createApplication(ctx, { company: 'twinco', role: 'Researcher' });
      expect(await resolveApplicationId(ctx, solo.id)).toBe(solo.id);
      expect(await resolveApplicationId(ctx, 'zephyr labs')).toBe(solo.id);
      expect(await resolveApplicationId(ctx, ' Zephyr Labs ')).toBe(solo.id);
      const umlaut = await createApplication(ctx, { company: 'Ärzte Gruppe', role: 'Analyst' });
      expect(await resolveApplicationId(ctx, 'ärzte gruppe')).toBe(umlaut.id);
      // No application has that id or company: left as given, for the command to say so.
      expect(await resolveApplicationId(ctx, solo.id.slice(0, 12))).toBe(solo.id.slice(0, 12));
      expect(await resolveApplicationId(ctx, 'Nobody Inc')).toBe('Nobody Inc');
      const twice = resolveApplicationId(ctx, 'TWINCO');
      await expect(twice).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(resolveApplicationId(ctx, 'Twinco')).rejects.toThrow(
        new RegExp(
          `fits more than one application: .*${a.id} \\(Twinco — Designer\\).*${b.id}|${b.id}.*${a.id}`,
        ),
      );
    });
  });
}
