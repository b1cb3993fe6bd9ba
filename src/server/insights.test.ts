import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fixedClock } from '../services/context.ts';
import type { Store } from '../store/connect.ts';

for (const database of databases) {
  describe(`insights HTTP API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const clock = fixedClock(new Date('2026-11-19T10:00:00Z'));
    const headers = { host: 'localhost:4477', 'x-rebound': '1' };

    beforeAll(async () => {
      const opened = await openTestContext(database, clock);
      store = opened.store;
      app = await buildTestApp(opened.ctx);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    const get = (url: string) => app.inject({ url, headers });
    const send = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
      app.inject({ method, url, headers, payload: payload as object });

    it('serves the funnel from the histories, filtered', async () => {
      const a = (
        await send('POST', '/api/v1/applications', {
          company: 'Acme',
          role: 'Engineer',
          appliedOn: '2026-11-02',
          channel: 'networking',
        })
      ).json();
      await send('POST', `/api/v1/applications/${a.id}/events`, {
        type: 'stage_changed',
        stage: 'interviewing',
        occurredOn: '2026-11-05',
      });
      await send('POST', '/api/v1/applications', {
        company: 'Globex',
        role: 'Analyst',
        appliedOn: '2026-11-03',
      });
      const res = await get('/api/v1/insights');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
        ['applied', 2],
        ['screening', 1],
        ['interviewing', 1],
        ['offer', 0],
        ['accepted', 0],
      ]);
      expect(body.findings[0].text).toEqual(expect.any(String));
      expect((await get('/api/v1/insights?role=analyst')).json().funnel[0].reached).toBe(1);
      const bad = await get('/api/v1/insights?channel=pigeon&from=2026-13-01');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual(
        expect.arrayContaining([
          { path: 'from', message: 'must be a real date written YYYY-MM-DD' },
          {
            path: 'channel',
            message: 'must be one of: job_board, networking, direct_outreach, recruiter, referral, other',
          },
        ]),
      );
    });

    it('sets the plan, logs time and shows plan vs actual', async () => {
      const bad = await send('PUT', '/api/v1/channels/plan', {
        plan: { job_board: 50, networking: 30, direct_outreach: 20, recruiter: 10 },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe(
        'Invalid body: plan: the shares add up to 110, they need to add up to 100',
      );
      const plan = await send('PUT', '/api/v1/channels/plan', {
        plan: { job_board: 40, networking: 40, direct_outreach: 10, recruiter: 10 },
        hoursPerWeek: 5,
      });
      expect(plan.json()).toEqual({
        plan: { job_board: 40, networking: 40, direct_outreach: 10, recruiter: 10 },
        hoursPerWeek: 5,
        isDefaultPlan: false,
      });
      const log = await send('POST', '/api/v1/time-logs', {
        channel: 'networking',
        minutes: 45,
        note: 'coffee chat',
      });
      expect(log.statusCode).toBe(201);
      expect(log.json()).toMatchObject({
        channel: 'networking',
        minutes: 45,
        loggedOn: '2026-11-19',
        note: 'coffee chat',
      });
      const badLog = await send('POST', '/api/v1/time-logs', { channel: 'carrier_pigeon', minutes: 0 });
      expect(badLog.json().error.details).toEqual([
        {
          path: 'channel',
          message:
            'must be one of: job_board, networking, direct_outreach, recruiter, referral, other, learning',
        },
        { path: 'minutes', message: 'must be at least 1 minute' },
      ]);
      expect((await get('/api/v1/time-logs?week=2026-11-16')).json().items).toHaveLength(1);
      expect((await get('/api/v1/time-logs?week=2026-11-09')).json().items).toHaveLength(0);
      const view = (await get('/api/v1/channels?week=2026-11-18')).json();
      expect(view.planVsActual.rows.find((r: { channel: string }) => r.channel === 'networking')).toEqual({
        channel: 'networking',
        plannedHours: 2,
        actualHours: 0.75,
        differenceHours: -1.25,
      });
      expect(view.suggestion.plan).toEqual(expect.objectContaining({ networking: expect.any(Number) }));
      expect((await get('/api/v1/channels?week=next-week')).json().error.details).toEqual([
        { path: 'week', message: 'must be a real date written YYYY-MM-DD' },
      ]);
    });

    it('sets goals, writes wins and journal entries, and reports the load', async () => {
      const goal = await send('POST', '/api/v1/goals', { kind: 'networking_conversations', target: 2 });
      expect(goal.json()).toMatchObject({
        kind: 'networking_conversations',
        target: 2,
        unit: 'conversations',
      });
      const goals = (await get('/api/v1/goals')).json();
      expect(goals.items[0].progress).toMatchObject({
        done: 1,
        met: false,
        message: '1 of 2 conversations so far this week.',
      });
      const noLabel = await send('POST', '/api/v1/goals', { kind: 'custom', target: 3 });
      expect(noLabel.json().error.details).toEqual([
        { path: 'label', message: 'a custom goal needs a label, e.g. "mock interviews"' },
      ]);
      expect(
        (await send('POST', `/api/v1/goals/${goal.json().id}/progress`, { amount: 1 })).json().error.message,
      ).toContain('only custom goals take progress by hand');

      expect((await send('POST', '/api/v1/wins', { text: 'Rewrote my summary' })).statusCode).toBe(201);
      expect((await send('POST', '/api/v1/wins', { text: '' })).json().error.details).toEqual([
        { path: 'text', message: 'required' },
      ]);
      const wins = (await get('/api/v1/wins')).json().items;
      expect(wins.map((w: { kind: string }) => w.kind)).toEqual(['interview', 'manual']);

      const entry = await send('POST', '/api/v1/journal', { mood: 3, text: 'OK day', tags: ['calm'] });
      expect(entry.json()).toMatchObject({ on: '2026-11-19', mood: 3, tags: ['calm'] });
      expect((await send('POST', '/api/v1/journal', { mood: 6 })).json().error.details).toEqual([
        { path: 'mood', message: 'must be 1 to 5' },
      ]);
      expect((await get('/api/v1/journal')).json().items).toHaveLength(1);

      const brk = await send('POST', '/api/v1/breaks', { startsOn: '2026-11-22', endsOn: '2026-11-21' });
      expect(brk.json().error.details).toEqual([{ path: 'endsOn', message: 'must not be before startsOn' }]);
      await send('POST', '/api/v1/breaks', { startsOn: '2026-11-19', endsOn: '2026-11-20', note: 'rest' });
      const wellbeing = (await get('/api/v1/wellbeing')).json();
      expect(wellbeing).toMatchObject({
        load: { level: 'ok' },
        onBreakToday: true,
        plannedBreaks: [{ note: 'rest' }],
      });
    });

    it('serves the weekly review as JSON and Markdown', async () => {
      const json = (await get('/api/v1/review?week=2026-11-19')).json();
      expect(json.weekStart).toBe('2026-11-16');
      expect(json.wins.map((w: { text: string }) => w.text)).toContain('Rewrote my summary');
      const md = await get('/api/v1/review?week=2026-11-19&format=md');
      expect(md.headers['content-type']).toContain('text/markdown');
      expect(md.body).toContain('# Week of 2026-11-16 to 2026-11-22');
      expect(md.body).toContain('- [ ] Networking conversations: 1 of 2 conversations so far this week.');
    });

    it('hides closed applications from the board only when asked', async () => {
      expect((await get('/api/v1/settings')).json().hideClosedOnBoard).toBe(false);
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/v1/settings',
        headers,
        payload: { hideClosedOnBoard: true },
      });
      expect(res.json().hideClosedOnBoard).toBe(true);
    });
  });
}
