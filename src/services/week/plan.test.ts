import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import { addEvent } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { fixedClock } from '../context.ts';
import { getWeeklyReview } from '../insights/review.ts';
import { loadSampleData, removeSampleData } from '../sample-data.ts';
import { getToday } from '../today/today.ts';
import {
  addStep,
  deleteStep,
  dropStep,
  getWeekPlan,
  markStepDone,
  moveStep,
  reopenStep,
  suggestWeekSteps,
} from './plan.ts';

// Tuesday 2026-11-24, 08:00 UTC; the week runs Monday 23 to Sunday 29.
const NOW = new Date('2026-11-24T08:00:00Z');
const tuesday = {
  day: '2026-11-24',
  time: '09:00',
  where: 'library',
  what: '2 tailored applications',
  minutes: 90,
  channel: 'job_board' as const,
};

for (const database of databases) {
  describe(`the weekly plan on ${database.name}`, () => {
    let t: TestContext;
    beforeAll(async () => {
      t = await openTestContext(database, fixedClock(NOW));
    });
    afterAll(async () => {
      await t.close();
    });
    /** A workspace of the test's own, so each test passes alone. */
    async function withOwn(fn: (ctx: TestContext['ctx']) => Promise<void>) {
      const own = await openTestContext(database, fixedClock(NOW));
      try {
        await fn(own.ctx);
      } finally {
        await own.close();
      }
    }

    it('plans steps, marks one done, moves one and lets one go, and keeps the record honest', async () => {
      const { ctx } = t;
      const a = await addStep(ctx, tuesday);
      const b = await addStep(ctx, {
        ...tuesday,
        day: '2026-11-25',
        time: null,
        where: 'café',
        what: 'coffee chat',
        minutes: 45,
        channel: 'networking',
      });
      const c = await addStep(ctx, {
        ...tuesday,
        day: '2026-11-26',
        what: 'cold email to Acme',
        minutes: 30,
        channel: 'direct_outreach',
      });
      expect(a).toMatchObject({ weekStart: '2026-11-23', status: 'planned', movedFrom: null });

      expect(await markStepDone(ctx, a.id)).toMatchObject({ status: 'done', settledAt: NOW.toISOString() });
      const moved = await moveStep(ctx, b.id, { day: '2026-11-27', time: '14:00' });
      expect(moved).toMatchObject({
        day: '2026-11-27',
        time: '14:00',
        movedFrom: '2026-11-25',
        status: 'planned',
      });
      // Moved twice: the first day is still the one remembered.
      expect(await moveStep(ctx, b.id, { day: '2026-11-28' })).toMatchObject({
        movedFrom: '2026-11-25',
        time: '14:00',
      });
      await dropStep(ctx, c.id);

      const plan = await getWeekPlan(ctx);
      expect(plan.steps.map((s) => [s.what, s.status, s.day])).toEqual([
        ['2 tailored applications', 'done', '2026-11-24'],
        ['cold email to Acme', 'dropped', '2026-11-26'],
        ['coffee chat', 'planned', '2026-11-28'],
      ]);
      expect(plan.review).toMatchObject({ planned: 3, done: 1, moved: 1, dropped: 1, open: 1 });
      expect(plan.review.message).toBe('1 of 3 steps done, 1 moved, 1 let go. The week is still running.');

      expect(await reopenStep(ctx, c.id)).toMatchObject({ status: 'planned', settledAt: null });
      await deleteStep(ctx, c.id);
      await expect(deleteStep(ctx, c.id)).rejects.toThrow(`No step with id ${c.id}.`);
      await expect(markStepDone(ctx, 'nope')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('moving a step into next week takes it out of this one', async () => {
      await withOwn(async (ctx) => {
        const s = await addStep(ctx, { ...tuesday, what: 'portfolio page' });
        await moveStep(ctx, s.id, { day: '2026-12-01' });
        expect((await getWeekPlan(ctx)).steps).toEqual([]);
        expect((await getWeekPlan(ctx, '2026-12-03')).steps.map((x) => x.id)).toEqual([s.id]);
      });
    });

    it('shows only today’s steps on Today', async () => {
      await withOwn(async (ctx) => {
        await addStep(ctx, tuesday);
        await addStep(ctx, { ...tuesday, day: '2026-11-25', what: 'tomorrow’s step' });
        expect((await getToday(ctx)).steps.map((s) => s.what)).toEqual(['2 tailored applications']);
      });
    });

    it('sets the plan against what came back in the weekly review', async () => {
      await withOwn(async (ctx) => {
        await markStepDone(ctx, (await addStep(ctx, tuesday)).id);
        const app = await createTestApplication(ctx, {
          company: 'Acme',
          channel: 'job_board',
          appliedOn: '2026-11-23',
          stage: 'applied',
        });
        await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-11-24' });
        const review = await getWeeklyReview(ctx);
        expect(review.data.plan?.channels.find((c) => c.channel === 'job_board')).toMatchObject({
          planned: 1,
          done: 1,
          minutesDone: 90,
          sent: 1,
          replies: 1,
        });
        expect(review.markdown).toContain('## Your plan');
        expect(review.markdown).toContain('| Job board | 1 of 1 | 90 of 90 | 1 | 1 | 0 |');
      });
    });

    it('suggests next week from this week’s kept steps and from follow-ups waiting after a rejection', async () => {
      const own = await openTestContext(database, fixedClock(NOW));
      try {
        const kept = await addStep(own.ctx, tuesday);
        await markStepDone(own.ctx, kept.id);
        const gone = await addStep(own.ctx, { ...tuesday, day: '2026-11-26', what: 'cold email' });
        await dropStep(own.ctx, gone.id);
        const app = await createTestApplication(own.ctx, {
          company: 'Globex',
          stage: 'applied',
          appliedOn: '2026-11-10',
        });
        await addEvent(own.ctx, app.id, {
          type: 'outcome_set',
          outcome: 'rejected',
          occurredOn: '2026-11-24',
        });
        const followUps = (await getToday(own.ctx)).items.filter((i) => i.kind === 'feedback_send');
        expect(followUps.length).toBeGreaterThan(0);
        const next = await suggestWeekSteps(own.ctx, '2026-11-30');
        expect(next.weekStart).toBe('2026-11-30');
        expect(next.items.filter((d) => d.why.startsWith('Done last week'))).toEqual([
          expect.objectContaining({ day: '2026-12-01', time: '09:00', what: '2 tailored applications' }),
        ]);
        expect(next.items.some((d) => d.what === 'cold email')).toBe(false);
        expect(next.items.find((d) => d.what.startsWith('follow-ups:'))?.what).toContain('Globex');
      } finally {
        await own.close();
      }
    });

    it('keeps the plan in the backup, and the sample plan leaves with the sample data', async () => {
      await withOwn(async (ctx) => {
        await addStep(ctx, tuesday);
        await dropStep(ctx, (await addStep(ctx, { ...tuesday, time: '11:00', what: 'cold email' })).id);
        const backup = await exportBackup(ctx);
        expect((backup.sections.week as { steps: unknown[] }).steps).toHaveLength(2);
        await withOwn(async (other) => {
          await importBackup(other, backup);
          const restored = (await getWeekPlan(other)).steps;
          expect(restored.map((s) => [s.what, s.status])).toEqual([
            ['2 tailored applications', 'planned'],
            ['cold email', 'dropped'],
          ]);
          await loadSampleData(other);
          expect((await getWeekPlan(other)).steps.length).toBeGreaterThan(2);
          await removeSampleData(other);
          expect((await getWeekPlan(other)).steps.length).toBe(2);
        });
      });
    });
  });
}
