import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fixedClock } from '../services/context.ts';
import type { Store } from '../store/connect.ts';

for (const database of databases) {
  describe(`people API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const headers = { host: 'localhost:4477', 'x-rebound': '1' };
    const send = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const get = (url: string) => app.inject({ url, headers });

    beforeAll(async () => {
      const opened = await openTestContext(database, fixedClock(new Date('2026-11-10T10:00:00Z')));
      store = opened.store;
      app = await buildTestApp(opened.ctx);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('links, lists and unlinks the people of an application', async () => {
      const appId = (await send('POST', '/api/v1/applications', { company: 'Acme', role: 'Engineer' })).json()
        .id;
      const contactId = (
        await send('POST', '/api/v1/contacts', { name: 'Dana Reyes', email: 'dana@acme.example' })
      ).json().id;

      const linked = await send('POST', `/api/v1/applications/${appId}/people`, {
        contactId,
        role: 'recruiter',
      });
      expect(linked.statusCode).toBe(201);
      expect(linked.json()).toMatchObject({
        contactId,
        applicationId: appId,
        role: 'recruiter',
        roundId: null,
      });

      const again = await send('POST', `/api/v1/applications/${appId}/people`, {
        contactId,
        role: 'recruiter',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details).toEqual([{ path: 'role', message: 'already linked in this role' }]);

      const people = await get(`/api/v1/applications/${appId}/people`);
      expect(people.statusCode).toBe(200);
      expect(people.json().items).toEqual([
        expect.objectContaining({
          linkId: linked.json().id,
          role: 'recruiter',
          contact: expect.objectContaining({ id: contactId, name: 'Dana Reyes', email: 'dana@acme.example' }),
        }),
      ]);

      expect((await send('DELETE', `/api/v1/contact-links/${linked.json().id}`)).statusCode).toBe(204);
      expect((await get(`/api/v1/applications/${appId}/people`)).json().items).toEqual([]);
      expect((await send('DELETE', `/api/v1/contact-links/${linked.json().id}`)).statusCode).toBe(404);
      // The contact itself stays.
      expect((await get(`/api/v1/contacts/${contactId}`)).statusCode).toBe(200);
    });

    it('names the field at fault for a bad part or a missing contact', async () => {
      const appId = (
        await send('POST', '/api/v1/applications', { company: 'Globex', role: 'Designer' })
      ).json().id;
      const bad = await send('POST', `/api/v1/applications/${appId}/people`, {
        contactId: 'x',
        role: 'boss',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('role');
      const missing = await send('POST', `/api/v1/applications/${appId}/people`, { contactId: 'nobody' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('contact_not_found');
      expect((await get('/api/v1/applications/nope/people')).statusCode).toBe(404);
    });

    it('describes the people routes in the OpenAPI document', async () => {
      const doc = (await get('/api/openapi.json')).json();
      const schema =
        doc.paths['/api/v1/applications/{id}/people'].get.responses['200'].content['application/json'].schema;
      expect(JSON.stringify(schema)).toContain('hiring_manager');
    });
  });
}
