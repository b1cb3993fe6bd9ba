import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { addRound } from '../application-rounds.ts';
import { addEvent, getApplicationOrThrow, updateApplication } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { fixedClock, type ServiceContext } from '../context.ts';
import { openWorkspace } from '../workspace.ts';
import { addTimeLog, getChannelSettings, getChannelsView, setChannelPlan } from './channels.ts';
import { addGoalProgress, createGoal, getGoalsWeek } from './goals.ts';
import { getInsights } from './insights.ts';
import { addJournalEntry, listJournal } from './recovery-link.ts';
import { getWeeklyReview } from './review.ts';
import { addBreak, getWellbeing, setRoutine } from './wellbeing.ts';
import { addWin, listWins } from './wins.ts';

const funnelOf = (p: Awaited<ReturnType<typeof getInsights>>) =>
  Object.fromEntries(p.funnel.map((s) => [s.stage, s.reached]));

for (const database of databases) {
  describe(`insights services on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    // Thursday 2026-11-19; the week runs Monday 16 to Sunday 22.
    const clock = fixedClock(new Date('2026-11-19T10:00:00Z'));

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, clock));
    });
    afterAll(async () => {
      await store.close();
    });

    it('builds the funnel from histories, keeping a back-move and counting a reopened application once', async () => {
      const backMove = await createTestApplication(ctx, {
        company: 'Acme',
        appliedOn: '2026-11-02',
        channel: 'networking',
      });
      await addEvent(ctx, backMove.id, {
        type: 'stage_changed',
        stage: 'interviewing',
        occurredOn: '2026-11-09',
      });
      await addEvent(ctx, backMove.id, {
        type: 'stage_changed',
        stage: 'screening',
        occurredOn: '2026-11-10',
      });
      const reopened = await createTestApplication(ctx, { company: 'Globex', appliedOn: '2026-11-03' });
      await addEvent(ctx, reopened.id, {
        type: 'stage_changed',
        stage: 'screening',
        occurredOn: '2026-11-05',
      });
      await addEvent(ctx, reopened.id, {
        type: 'outcome_set',
        outcome: 'rejected',
        occurredOn: '2026-11-06',
      });
      await addEvent(ctx, reopened.id, { type: 'reopened', occurredOn: '2026-11-12' });
      await addRound(ctx, reopened.id, { kind: 'technical', scheduledAt: '2026-11-17' });
      const plain = await createTestApplication(ctx, { company: 'Initech', appliedOn: '2026-11-17' });
      await addEvent(ctx, plain.id, { type: 'outcome_set', outcome: 'rejected', occurredOn: '2026-11-18' });
      await createTestApplication(ctx, { company: 'Saved Co', stage: 'saved' });

      const insights = await getInsights(ctx);
      expect(funnelOf(insights)).toEqual({
        applied: 3,
        screening: 2,
        interviewing: 2,
        offer: 0,
        accepted: 0,
      });
      expect(insights.funnel[0]!.rejectedHere).toBe(1);
      expect(insights.closedBy.rejected.applied).toBe(1);
      expect(insights.findings.length).toBeGreaterThan(0);
      // The cache notices a change made through another service.
      await updateApplication(ctx, plain.id, { channel: 'recruiter' });
      expect(funnelOf(await getInsights(ctx, { channel: 'recruiter' }))).toMatchObject({ applied: 1 });
      expect(funnelOf(await getInsights(ctx, { from: '2026-11-03', to: '2026-11-30' }))).toMatchObject({
        applied: 2,
        interviewing: 1,
      });
    });

    it('logs time and puts it against the weekly plan', async () => {
      expect((await getChannelSettings(ctx)).plan).toEqual({
        job_board: 40,
        networking: 30,
        direct_outreach: 20,
        recruiter: 10,
      });
      await setChannelPlan(ctx, {
        plan: { job_board: 25, networking: 50, direct_outreach: 15, recruiter: 10 },
        hoursPerWeek: 8,
      });
      await addTimeLog(ctx, { channel: 'networking', minutes: 45, loggedOn: '2026-11-17' });
      await addTimeLog(ctx, { channel: 'referral', minutes: 15, loggedOn: '2026-11-18' });
      await addTimeLog(ctx, { channel: 'learning', minutes: 90, loggedOn: '2026-11-18' });
      await addTimeLog(ctx, { channel: 'job_board', minutes: 60, loggedOn: '2026-11-09' }); // the week before
      const view = await getChannelsView(ctx);
      expect(view.weekStart).toBe('2026-11-16');
      const networking = view.planVsActual.rows.find((r) => r.channel === 'networking')!;
      expect(networking).toEqual({
        channel: 'networking',
        plannedHours: 4,
        actualHours: 1,
        differenceHours: -3,
      });
      expect(view.planVsActual.rows.find((r) => r.channel === 'job_board')!.actualHours).toBe(0);
      expect(view.planVsActual.learningHours).toBe(1.5);
      expect(view.yields.find((y) => y.channel === 'networking')!.hours).toBe(1);
      const lastWeek = await getChannelsView(ctx, '2026-11-12');
      expect(lastWeek.planVsActual.rows.find((r) => r.channel === 'job_board')!.actualHours).toBe(1);
      await expect(
        addTimeLog(ctx, { channel: 'networking', minutes: 30, loggedOn: '2026-11-25' }),
      ).rejects.toThrow('loggedOn: must not be in the future');
    });

    it('counts goal progress from logged actions', async () => {
      await createGoal(ctx, { kind: 'applications', target: 2 });
      await createGoal(ctx, { kind: 'learning_hours', target: 1 });
      const mock = await createGoal(ctx, { kind: 'custom', target: 2, label: 'mock interviews' });
      await addGoalProgress(ctx, mock.id, { amount: 1, on: '2026-11-18' });
      const week = await getGoalsWeek(ctx);
      const byKind = Object.fromEntries(week.goals.map((g) => [g.kind, [g.progress.done, g.progress.met]]));
      // One application went out this week; 90 minutes of learning were logged; one mock interview.
      expect(byKind).toEqual({ applications: [1, false], learning_hours: [1.5, true], custom: [1, false] });
      expect(week.goals.find((g) => g.kind === 'applications')!.progress.message).toBe(
        '1 of 2 applications so far this week.',
      );
    });

    it('lists detected and written-down wins together', async () => {
      await addWin(ctx, { text: 'Finished my portfolio page', on: '2026-11-18' });
      const wins = await listWins(ctx, { from: '2026-11-01', to: '2026-11-19' });
      expect(wins.map((w) => [w.on, w.kind])).toEqual([
        ['2026-11-05', 'reply'], // Globex moved to screening
        ['2026-11-09', 'interview'], // Acme jumped to interviewing
        ['2026-11-17', 'interview'], // Globex's round after reopening (one win a day per application)
        ['2026-11-18', 'manual'],
      ]);
      expect(wins.at(-1)).toMatchObject({ text: 'Finished my portfolio page' });
      // Each detected win names the role too, so two applications at one company read apart.
      const globex = (await getApplicationOrThrow(ctx, wins[0]!.applicationId!)).role;
      expect(wins[0]!.text).toBe(`A reply from Globex (${globex}): you are in the conversation.`);
      await expect(addWin(ctx, { text: 'x', applicationId: 'nope' })).rejects.toThrow(
        'No application with id nope.',
      );
    });

    it('reads the journal and rejections into the load signal, with planned breaks', async () => {
      for (const on of ['2026-11-01', '2026-11-04'])
        await addJournalEntry(ctx, { mood: 4, text: 'steady', tags: [], on });
      await addJournalEntry(ctx, { mood: 1, text: 'rough few days', tags: ['rejections'], on: '2026-11-18' });
      for (const company of ['A', 'B']) {
        const app = await createTestApplication(ctx, { company, appliedOn: '2026-11-10' });
        await addEvent(ctx, app.id, { type: 'outcome_set', outcome: 'rejected', occurredOn: '2026-11-17' });
      }
      expect((await listJournal(ctx, { from: '2026-11-10' })).map((j) => [j.on, j.mood, j.tags])).toEqual([
        ['2026-11-18', 1, ['rejections']],
      ]);
      await addBreak(ctx, { startsOn: '2026-11-21', endsOn: '2026-11-22', note: 'weekend off' });
      await setRoutine(ctx, { routine: 'Morning run, pottery on Wednesdays' });
      const w = await getWellbeing(ctx);
      expect(w.load).toMatchObject({ level: 'heavy', rejectionsLast7Days: 3, recentMood: 1 });
      expect(w.plannedBreaks.map((b) => b.note)).toEqual(['weekend off']);
      expect(w.onBreakToday).toBe(false);
      expect(w.routine).toBe('Morning run, pottery on Wednesdays');
    });

    it('writes the weekly review as Markdown', async () => {
      const { data, markdown } = await getWeeklyReview(ctx, '2026-11-18');
      // A rejection is an answer too: Initech, A and B each heard back this week.
      expect(data.outcomes).toEqual({
        applicationsSent: 1,
        replies: 3,
        interviews: 1,
        rejections: 3,
        offers: 0,
      });
      expect(markdown).toContain('# Week of 2026-11-16 to 2026-11-22');
      expect(markdown).toContain('- [ ] Applications sent: 1 of 2 applications so far this week.');
      expect(markdown).toContain('- 2026-11-18: Finished my portfolio page');
      expect(markdown).toContain('## Next week: 8 h');
      expect(markdown).toContain('| Networking | ');
    });

    it('keeps time logs, goals, wins and breaks through export and import', async () => {
      const first = await exportBackup(ctx);
      const section = first.sections.insights as {
        timeLogs: unknown[];
        goals: unknown[];
        wins: unknown[];
        plannedBreaks: unknown[];
        goalProgress: unknown[];
      };
      expect([
        section.timeLogs.length,
        section.goals.length,
        section.goalProgress.length,
        section.wins.length,
        section.plannedBreaks.length,
      ]).toEqual([4, 3, 1, 1, 1]);
      const other = await database.open();
      try {
        const ctx2 = { ...(await openWorkspace(other, { clock })), timeZone: 'UTC' };
        await importBackup(ctx2, first);
        const second = await exportBackup(ctx2);
        expect({ ...second.sections, recovery: undefined }).toEqual({
          ...first.sections,
          recovery: undefined,
        });
        expect(second.settings).toEqual(first.settings);
        expect(funnelOf(await getInsights(ctx2))).toEqual(funnelOf(await getInsights(ctx)));
        // Replacing clears the old rows first instead of duplicating them.
        await importBackup(ctx2, first, { replace: true });
        expect(
          ((await exportBackup(ctx2)).sections.insights as { timeLogs: unknown[] }).timeLogs,
        ).toHaveLength(4);
      } finally {
        await other.close();
      }
    });
  });
}
