import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fixedClock } from '../services/context.ts';
import type { Store } from '../store/connect.ts';

for (const database of databases) {
  describe(`recovery API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));
    const headers = { host: 'localhost:4477', 'x-rebound': '1' };
    const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    const get = (url: string) => app.inject({ url, headers });

    beforeAll(async () => {
      const opened = await openTestContext(database, clock);
      store = opened.store;
      app = await buildTestApp(opened.ctx);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('runs the loop over HTTP: reject, feedback, look back, Today and the calendar', async () => {
      const appId = (
        await send('POST', '/api/v1/applications', { company: 'Acme', role: 'Engineer', stage: 'screening' })
      ).json().id;
      const contact = await send('POST', '/api/v1/contacts', {
        name: 'Dana Reyes',
        email: 'dana@acme.example',
        role: 'Recruiter',
      });
      expect(contact.statusCode).toBe(201);
      const contactId = contact.json().id;
      expect(
        (
          await send('POST', `/api/v1/contacts/${contactId}/links`, {
            applicationId: appId,
            role: 'recruiter',
          })
        ).statusCode,
      ).toBe(201);

      const rejected = await send('POST', '/api/v1/rejections', {
        applicationId: appId,
        channel: 'call',
        reasonTags: ['position_filled'],
      });
      expect(rejected.statusCode).toBe(201);
      const rejection = rejected.json();
      expect(rejection).toMatchObject({
        stageReached: 'screening',
        channel: 'call',
        coolOff: { hours: 48, endsAt: '2026-11-12T10:00:00.000Z' },
        feedbackState: 'drafted',
      });
      expect((await get(`/api/v1/applications/${appId}/rejection`)).json().id).toBe(rejection.id);
      expect(
        (
          await send('POST', `/api/v1/rejections/${rejection.id}/journal`, {
            text: 'A quiet evening.',
            mood: 2,
          })
        ).statusCode,
      ).toBe(201);

      const fb = (await get(`/api/v1/feedback-requests/${rejection.feedbackRequestId}`)).json();
      expect(fb.draft.body).toContain('Hello Dana Reyes,');
      expect(fb.mailto).toContain('mailto:dana@acme.example?subject=');
      const eml = await get(fb.emlUrl);
      expect(eml.headers['content-type']).toContain('message/rfc822');
      expect(eml.body).toContain('To: "Dana Reyes" <dana@acme.example>');

      const today = (await get('/api/v1/today')).json();
      expect(today.coolingOff).toBe(true);
      const sendItem = today.upcoming.find((e: { kind: string }) => e.kind === 'feedback_send');
      expect(sendItem.complete).toEqual({
        method: 'PATCH',
        url: `/api/v1/feedback-requests/${fb.id}`,
        body: { state: 'sent' },
        label: 'I sent it',
      });
      const done = await send(sendItem.complete.method, sendItem.complete.url, sendItem.complete.body);
      expect(done.json()).toMatchObject({ state: 'sent', followUpDueAt: '2026-11-17T10:00:00.000Z' });

      const pm = await send('PUT', `/api/v1/applications/${appId}/post-mortem`, {
        items: [{ key: 'screening_call', rating: 'weak' }],
      });
      expect(pm.statusCode).toBe(200);
      const actionId = pm.json().actionItems[0].id;
      expect((await get('/api/v1/action-items')).json().items.map((a: { id: string }) => a.id)).toContain(
        actionId,
      );
      expect(
        (await send('PATCH', `/api/v1/action-items/${actionId}`, { status: 'done' })).json().status,
      ).toBe('done');

      const ics = await get('/api/v1/calendar.ics');
      expect(ics.headers['content-type']).toContain('text/calendar');
      const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent');
      expect(events.map((e) => e.getFirstPropertyValue('summary'))).toContain(
        'A gentle check-in on your feedback request to Acme',
      );

      const vcf = await get('/api/v1/contacts.vcf');
      expect(vcf.body).toContain('FN:Dana Reyes');
    });

    it('chooses who a drafted feedback request goes to, and refuses with exact messages', async () => {
      const appId = (
        await send('POST', '/api/v1/applications', {
          company: 'Globex',
          role: 'Designer',
          stage: 'screening',
        })
      ).json().id;
      const id = (await send('POST', '/api/v1/rejections', { applicationId: appId })).json()
        .feedbackRequestId;
      const url = `/api/v1/feedback-requests/${id}`;
      const kim = (
        await send('POST', '/api/v1/contacts', { name: 'Kim Ode', email: 'kim@globex.example' })
      ).json().id;

      const chosen = await send('PATCH', url, { contactId: kim });
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json()).toMatchObject({ state: 'drafted', contactId: kim });
      const shown = (await get(url)).json();
      expect(shown.draft).toMatchObject({ to: 'kim@globex.example', toName: 'Kim Ode' });
      expect(shown.draft.body).toContain('Hello Kim Ode,');
      expect(shown.mailto).toMatch(/^mailto:kim@globex\.example\?subject=/);
      expect((await get(shown.emlUrl)).body).toContain('To: "Kim Ode" <kim@globex.example>');

      const unknown = await send('PATCH', url, { contactId: 'nobody' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toEqual({
        code: 'contact_not_found',
        message: 'contactId: no contact with id nobody.',
        details: [{ path: 'contactId', message: 'not found' }],
      });
      const empty = await send('PATCH', url, {});
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toBe('Invalid body: contactId: required');

      expect((await send('PATCH', url, { state: 'sent' })).json()).toMatchObject({ contactId: kim });
      const late = await send('PATCH', url, { contactId: null });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toEqual({
        code: 'invalid_transition',
        message: 'contactId: this request is already sent, so who it went to stays as it was.',
        details: [{ path: 'contactId', message: 'cannot change once sent' }],
      });
      expect((await get(url)).json().contactId).toBe(kim);
    });

    it('lists every quiet application page by page, most silent first', async () => {
      for (const [company, appliedOn] of [
        ['Quiet One', '2026-09-01'],
        ['Quiet Two', '2026-08-01'],
      ] as const) {
        await send('POST', '/api/v1/applications', { company, role: 'Dev', appliedOn });
      }
      const page = (await get('/api/v1/today/quiet?limit=1')).json();
      expect(page.total).toBeGreaterThanOrEqual(2);
      expect(page.items).toHaveLength(1);
      expect(page.items[0].title).toContain('Quiet Two');
      expect((await get('/api/v1/today')).json().quiet.total).toBe(page.total);
      expect((await get('/api/v1/today/quiet?limit=0')).statusCode).toBe(400);
    });

    it('names the field for bad input, with exact messages, and writes nothing', async () => {
      const noReach = await send('POST', '/api/v1/contacts', { name: 'Sam' });
      expect(noReach.statusCode).toBe(400);
      expect(noReach.json().error).toMatchObject({
        code: 'invalid_input',
        message: 'email: add an email, a LinkedIn URL or a phone number so you can reach them',
      });
      expect((await get('/api/v1/contacts')).json().items.map((c: { name: string }) => c.name)).not.toContain(
        'Sam',
      );

      const appId = (await send('POST', '/api/v1/applications', { company: 'Beta', role: 'Analyst' })).json()
        .id;
      const coolOff = await send('POST', '/api/v1/rejections', { applicationId: appId, coolOffHours: 100 });
      expect(coolOff.statusCode).toBe(400);
      expect(coolOff.json().error.details[0].path).toBe('coolOffHours');
      const unreached = await send('PUT', `/api/v1/applications/${appId}/post-mortem`, {
        items: [{ key: 'round_1', rating: 'weak' }],
      });
      expect(unreached.statusCode).toBe(400);
      expect(unreached.json().error.message).toBe(
        'items.0.key: "round_1" belongs to interviewing, which this application did not reach',
      );
      const badRating = await send('PUT', `/api/v1/applications/${appId}/post-mortem`, {
        items: [{ key: 'resume', rating: 'meh' }],
      });
      expect(badRating.json().error.details[0]).toEqual({
        path: 'items.0.rating',
        message: 'must be one of: well, so_so, weak',
      });
      expect((await get(`/api/v1/applications/${appId}`)).json().outcome).toBeNull();
      const missing = await send('POST', '/api/v1/contacts/nope/cadence', {});
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error).toMatchObject({
        code: 'contact_not_found',
        message: 'No contact with id nope. It may have been deleted.',
      });
      expect((await get('/api/v1/rejections/nope')).json().error.code).toBe('rejection_not_found');
      const badState = await send('PATCH', '/api/v1/feedback-requests/x', { state: 'lost' });
      expect(badState.statusCode).toBe(400);
    });
  });
}
