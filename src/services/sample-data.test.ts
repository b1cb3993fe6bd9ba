import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import * as schedule from '../store/schedule-repository.ts';
import { getApplicationRejectionOrThrow, listRejections } from './recovery/rejections.ts';
import { loadSampleData, removeSampleData } from './sample-data.ts';
import { distinctRoles, generateWorkspace } from './sample-workspace.ts';
import { getToday } from './today/today.ts';

for (const database of databases) {
  describe(`sample data on ${database.name}`, () => {
    let t: TestContext;
    beforeEach(async () => {
      t = await openTestContext(database, new Date('2026-11-29T08:00:00Z'));
    });
    afterEach(async () => t.close());

    const rejectedIds = async () =>
      (
        await t.ctx.db
          .selectFrom('applications')
          .select('id')
          .where('workspace_id', '=', t.ctx.workspaceId)
          .where('outcome', '=', 'rejected')
          .execute()
      ).map((r) => r.id);

    it('records every sample rejection as "Mark rejected" does, with its recovery steps', async () => {
      await loadSampleData(t.ctx);
      const ids = await rejectedIds();
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const rejection = await getApplicationRejectionOrThrow(t.ctx, id);
        expect(rejection).toMatchObject({ applicationId: id, reopenedAt: null });
        // Sample applications are never only saved, so each asks for feedback.
        expect(rejection.feedbackRequest).toMatchObject({ state: 'drafted' });
      }
      const app = await buildTestApp(t.ctx);
      try {
        const res = await app.inject({ method: 'GET', url: `/api/v1/applications/${ids[0]}/rejection` });
        expect(res.statusCode).toBe(200);
      } finally {
        await app.close();
      }
      // A rejection of the last two weeks waits on Today with its steps; older ones keep their
      // recovery page but stay off Today, so the sample Today is not a wall of overdue steps.
      const steps = await schedule.listAllScheduled(t.ctx.db, t.ctx.workspaceId);
      const kindsFor = (id: string) => steps.filter((s) => s.applicationId === id).map((s) => s.kind);
      let recent = 0;
      for (const id of ids) {
        const { rejectedAt } = await getApplicationRejectionOrThrow(t.ctx, id);
        if (rejectedAt.slice(0, 10) >= '2026-11-15') {
          recent++;
          expect(kindsFor(id)).toEqual(expect.arrayContaining(['feedback_send', 'post_mortem']));
        } else expect(kindsFor(id)).toEqual([]);
      }
      expect(recent).toBeLessThan(ids.length);
      await removeSampleData(t.ctx);
      expect(await listRejections(t.ctx)).toEqual([]);
    });

    it('never starts a pause: Today keeps its nudges and reminder e-mails still go out', async () => {
      // This morning's sample has a rejection from the day before, whose pause would still run.
      const morning = await openTestContext(database, new Date('2026-11-27T08:20:00Z'));
      try {
        await loadSampleData(morning.ctx);
        const view = await getToday(morning.ctx);
        expect(view.coolingOff).toBeFalsy();
        expect(view.overdue.length + view.today.length).toBeGreaterThan(0);
      } finally {
        await morning.close();
      }
    });
    it('always shows a search under way: an open application with interviews', async () => {
      // This second's seed (8) generates no open application at the interview stage by itself.
      const quiet = await openTestContext(database, new Date(1_795_900_008_000));
      try {
        await loadSampleData(quiet.ctx);
        const interviewing = await quiet.ctx.db
          .selectFrom('applications')
          .select('id')
          .where('workspace_id', '=', quiet.ctx.workspaceId)
          .where('stage', '=', 'interviewing')
          .where('outcome', 'is', null)
          .execute();
        expect(interviewing.length).toBeGreaterThan(0);
      } finally {
        await quiet.close();
      }
    });
  });
}

describe('generated sample histories', () => {
  it('name no company and role twice in the sample a user loads', () => {
    for (const seed of [1, 2, 3, 45_678]) {
      const { applications } = generateWorkspace({
        count: 40,
        today: '2026-11-29',
        now: '2026-11-29T08:00:00Z',
        seed,
      });
      const pairs = () => applications.map((a) => `${a.company}|${a.role}`);
      const before = new Set(pairs()).size;
      distinctRoles(applications);
      expect(new Set(pairs()).size).toBe(40);
      if (seed === 1) expect(before).toBeLessThan(40);
    }
  });

  it('leave steps still to come out of the history instead of crowding them onto today', () => {
    const today = '2026-11-29';
    for (let seed = 0; seed < 50; seed++) {
      const data = generateWorkspace({ count: 40, today, now: `${today}T08:00:00.000Z`, seed });
      const movesToday = new Map<string, number>();
      for (const e of data.events)
        if (e.occurredOn === today && e.type === 'stage_changed')
          movesToday.set(e.applicationId, (movesToday.get(e.applicationId) ?? 0) + 1);
      expect(Math.max(0, ...movesToday.values())).toBeLessThanOrEqual(1);
      expect(data.events.every((e) => e.occurredOn <= today)).toBe(true);
    }
  });

  it('book no interview after today for an application already closed or accepted', () => {
    const today = '2026-11-29';
    for (const seed of [1, 7, 42, 4711]) {
      const data = generateWorkspace({ count: 200, today, now: `${today}T08:00:00.000Z`, seed });
      const closed = new Set(
        data.applications.filter((a) => a.outcome !== null || a.stage === 'accepted').map((a) => a.id),
      );
      const late = data.rounds.filter((r) => closed.has(r.applicationId) && (r.scheduledAt ?? '') > today);
      expect(late).toEqual([]);
      // Open applications still have interviews to come.
      expect(data.rounds.some((r) => !closed.has(r.applicationId) && (r.scheduledAt ?? '') > today)).toBe(
        true,
      );
    }
  });
});
