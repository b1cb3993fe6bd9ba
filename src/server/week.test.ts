import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fixedClock } from '../services/context.ts';
import type { Store } from '../store/connect.ts';

for (const database of databases) {
  describe(`week plan and writing HTTP API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    // Tuesday 2026-11-24.
    const clock = fixedClock(new Date('2026-11-24T08:00:00Z'));
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
    const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    const step = {
      day: '2026-11-24',
      time: '09:00',
      where: 'library',
      what: '2 tailored applications to fintech roles',
      minutes: 90,
      channel: 'job_board',
    };

    it('plans a step, marks it done, moves and lets go of others, and shows the week', async () => {
      const created = await send('POST', '/api/v1/week/steps', step);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        text: 'Tuesday 09:00, library, 2 tailored applications to fintech roles, 90 min',
        status: 'planned',
      });
      const other = (
        await send('POST', '/api/v1/week/steps', { ...step, what: 'coffee chat', channel: 'networking' })
      ).json();
      const third = (
        await send('POST', '/api/v1/week/steps', { ...step, what: 'cold email', time: null })
      ).json();

      expect((await send('POST', `/api/v1/week/steps/${created.json().id}/done`)).json().status).toBe('done');
      const moved = await send('POST', `/api/v1/week/steps/${other.id}/move`, {
        day: '2026-11-26',
        time: '15:30',
      });
      expect(moved.json()).toMatchObject({ day: '2026-11-26', time: '15:30', movedFrom: '2026-11-24' });
      expect((await send('POST', `/api/v1/week/steps/${third.id}/drop`)).json().status).toBe('dropped');

      const week = (await get('/api/v1/week')).json();
      expect(week.weekStart).toBe('2026-11-23');
      expect(week.steps.map((s: { what: string }) => s.what)).toEqual([
        '2 tailored applications to fintech roles',
        'cold email',
        'coffee chat',
      ]);
      expect(week.review.message).toBe('1 of 3 steps done, 1 moved, 1 let go. The week is still running.');

      // Today shows today's steps; the review sets the plan against what came back.
      expect((await get('/api/v1/today')).json().steps.map((s: { what: string }) => s.what)).toEqual([
        '2 tailored applications to fintech roles',
        'cold email',
      ]);
      expect((await get('/api/v1/review')).json().plan).toMatchObject({ planned: 3, done: 1 });
      expect((await get('/api/v1/review?format=md')).body).toContain('## Your plan');

      const removed = await send('DELETE', `/api/v1/week/steps/${third.id}`);
      expect(removed.statusCode).toBe(204);
      expect((await send('POST', `/api/v1/week/steps/${third.id}/done`)).json().error).toMatchObject({
        code: 'not_found',
        message: `No step with id ${third.id}.`,
      });
    });

    it('refuses a step without a where, with a bad time or too long, naming each field', async () => {
      const bad = await send('POST', '/api/v1/week/steps', {
        ...step,
        where: ' ',
        time: '9am',
        minutes: 900,
        channel: 'pigeon',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual(
        expect.arrayContaining([
          { path: 'where', message: 'required' },
          { path: 'time', message: 'must be a time written HH:MM, e.g. 09:00' },
          { path: 'minutes', message: 'must be at most 600 minutes' },
          {
            path: 'channel',
            message: 'must be one of: job_board, networking, direct_outreach, recruiter, other',
          },
        ]),
      );
    });

    it('suggests steps from the channel split', async () => {
      const res = await get('/api/v1/week/suggestions?week=2026-11-30');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
      expect(res.json().items[0].text).toMatch(/^Monday \d\d:\d\d, /);
    });

    it('writes privately after a rejection, keeps it out of the plain backup and deletes it', async () => {
      const a = (
        await send('POST', '/api/v1/applications', {
          company: 'Acme',
          role: 'Engineer',
          stage: 'interviewing',
        })
      ).json();
      const notYet = await get(`/api/v1/writing/${a.id}`);
      expect(notYet.statusCode).toBe(404);
      expect(notYet.json().error.message).toBe(
        'Acme has no rejection on record; the writing is for after a no.',
      );
      await send('POST', `/api/v1/applications/${a.id}/events`, { type: 'outcome_set', outcome: 'rejected' });

      const view = (await get(`/api/v1/writing/${a.id}`)).json();
      expect(view).toMatchObject({
        private: true,
        minutes: 20,
        maxSessions: 5,
        next: { number: 1, continuing: false },
      });
      const empty = await send('POST', `/api/v1/writing/${a.id}`, { text: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details).toEqual([
        {
          path: 'text',
          message: 'required: write a few words, or close the page; nothing is saved until you do',
        },
      ]);
      const saved = await send('POST', `/api/v1/writing/${a.id}`, { text: 'Words for nobody else.' });
      expect(saved.json()).toMatchObject({ number: 1, continued: false });

      expect((await get('/api/v1/backup')).body).not.toContain('Words for nobody else.');
      expect((await get('/api/v1/backup?includePrivate=true')).body).toContain('Words for nobody else.');

      expect((await send('DELETE', `/api/v1/writing/${a.id}`)).json()).toEqual({ deleted: 1 });
      expect((await get(`/api/v1/writing/${a.id}`)).json().sessions).toEqual([]);
    });

    it('serves the reframe card with the helpline page from settings, and refuses a helpline that is not a web address', async () => {
      const bad = await send('PATCH', '/api/v1/settings', { helplineUrl: 'javascript:alert(1)' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([{ path: 'helplineUrl', message: 'must be an http(s) URL' }]);
      await send('PATCH', '/api/v1/settings', { helplineUrl: 'https://example.org/help' });
      const card = (await get('/api/v1/reframe')).json();
      expect(card.helplineUrl).toBe('https://example.org/help');
      expect(card.traps.map((t: { name: string }) => t.name)).toEqual([
        'Taking it personally',
        'One no means always no',
        'All or nothing',
      ]);
    });
  });
}
