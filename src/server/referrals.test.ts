import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fixedClock } from '../services/context.ts';
import type { Store } from '../store/connect.ts';

const upload = (name: string, extra: object = {}) => ({
  filename: name,
  contentBase64: readFileSync(new URL(`../../test/fixtures/connections/${name}`, import.meta.url)).toString(
    'base64',
  ),
  ...extra,
});

for (const database of databases) {
  describe(`referrals API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const headers = { host: 'localhost:4477', 'x-rebound': '1' };
    const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
      app.inject({ method, url, headers, payload });
    const get = (url: string) => app.inject({ url, headers });

    beforeAll(async () => {
      const opened = await openTestContext(database, fixedClock(new Date('2026-11-28T10:00:00Z')));
      store = opened.store;
      app = await buildTestApp(opened.ctx, store);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('refuses a connections file with bad lines, naming them, and imports nothing', async () => {
      const res = await send('POST', '/api/v1/imports/connections', upload('connections-bad-lines.csv'));
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual([
        { path: 'line 4', message: 'no name (the name columns are empty)' },
        { path: 'line 5', message: 'email: "not-an-email" does not look like an email address' },
        { path: 'line 6', message: 'connected on "sometime last spring" is not a date' },
      ]);
      expect((await get('/api/v1/contacts')).json().items).toEqual([]);
    });

    it('imports connections and shows them on the application, with the drafted ask and its state', async () => {
      const appId = (
        await send('POST', '/api/v1/applications', {
          company: 'Fabrikam Ltd.',
          role: 'Data Engineer',
          stage: 'saved',
        })
      ).json().id as string;
      const imported = await send('POST', '/api/v1/imports/connections', upload('Connections.csv'));
      expect(imported.statusCode).toBe(201);
      expect(imported.json()).toMatchObject({ created: 6, merged: 0, applicationsWithPeople: 1 });

      const detail = (await get(`/api/v1/applications/${appId}`)).json();
      expect(detail.peopleYouKnow).toHaveLength(1);
      const priyanka = detail.peopleYouKnow[0];
      expect(priyanka).toMatchObject({
        name: 'Priyanka Venkataraman',
        company: 'Fabrikam, Ltd',
        role: 'Talent Partner',
        connection: { source: 'linkedin', connectedOn: '2025-11-27' },
        ask: null,
      });
      expect(priyanka.draft.body).toContain('the Data Engineer role at Fabrikam Ltd.');

      const bad = await send('PUT', `/api/v1/applications/${appId}/referral-ask`, {
        contactId: priyanka.contactId,
        status: 'maybe',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('status');

      const asked = await send('PUT', `/api/v1/applications/${appId}/referral-ask`, {
        contactId: priyanka.contactId,
        status: 'asked',
      });
      expect(asked.json().items[0]).toMatchObject({
        askState: 'Asked, waiting for an answer',
        ask: { status: 'asked' },
      });
      const board = (await get('/api/v1/referrals/people')).json();
      expect(board.items).toEqual([
        { applicationId: appId, people: [{ contactId: priyanka.contactId, name: 'Priyanka Venkataraman' }] },
      ]);
      const insights = (await get('/api/v1/insights')).json();
      expect(insights.referrals.asks.asks).toBe(1);
      expect(insights.responseTimes.summary).toBe('No applications sent yet, so there is nothing to time.');
    });

    it('checks the notice rule setting', async () => {
      const bad = await send('PATCH', '/api/v1/settings', { noticeDays: 0 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('noticeDays: must be at least 1 day');
      const ok = await send('PATCH', '/api/v1/settings', { noticeDays: 10 });
      expect(ok.json().noticeDays).toBe(10);
      expect((await get('/api/v1/insights')).json().responseTimes.noticeDays).toBe(10);
    });
  });
}
