import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { writeSettings } from '../store/workspace-repository.ts';
import { SECURITY_HEADERS } from './request-guard.ts';

// The failures of issue 11 that a request can cause, each reproduced over HTTP on both databases.
for (const database of databases) {
  describe(`hardening on ${database.name}`, () => {
    let opened: TestContext;
    let app: TestApp;
    const headers = { host: 'localhost:4477' };
    const send = (
      method: 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: string | object,
      extra: Record<string, string> = {},
    ) =>
      app.inject({
        method,
        url,
        headers: { ...headers, ...extra },
        ...(payload === undefined ? {} : { payload }),
      });
    const count = async () =>
      (await app.inject({ url: '/api/v1/applications', headers })).json().total as number;
    const newApplication = async () =>
      (await send('POST', '/api/v1/applications', { company: 'Acme', role: 'Dev', stage: 'applied' })).json()
        .id as string;

    beforeAll(async () => {
      opened = await openTestContext(database, new Date('2026-11-20T10:00:00Z'));
      app = await buildTestApp(opened.ctx, opened.store);
    });
    afterAll(async () => {
      await app.close();
      await opened.close();
    });

    it('answers only to an exact local Host (item 11)', async () => {
      for (const host of [
        'localhost:1@evil.com',
        '[::1].evil.com',
        'localhost.evil.com',
        'localhost:99999',
        'localhost/x',
      ]) {
        const res = await app.inject({ url: '/api/health', headers: { host } });
        expect(res.statusCode, host).toBe(403);
      }
      for (const host of ['localhost', 'localhost:4477', '127.0.0.1:1', '[::1]:4477', 'app.localhost'])
        expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
    });

    it('refuses changes a page on another site could send, and headers forbid framing (item 4)', async () => {
      const before = await count();
      // A form post, a no-cors fetch and a beacon can only send simple content types and no custom header.
      const attempts = [
        send('POST', '/api/v1/sample-data'),
        send('POST', '/api/v1/sample-data', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }),
        send('POST', '/api/v1/sample-data', 'x', {
          'content-type': 'text/plain',
          origin: 'http://evil.example',
        }),
        send('POST', '/api/v1/sample-data', {}, { origin: 'http://localhost:5000', 'x-rebound': '1' }),
        send('POST', '/api/v1/sample-data', {}, { 'sec-fetch-site': 'same-site', 'x-rebound': '1' }),
        send('POST', '/api/v1/sample-data', {}, { 'sec-fetch-site': 'cross-site' }),
        send('POST', '/api/v1/sample-data', undefined, { origin: 'null', 'x-rebound': '1' }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('cross_site_request');
      }
      expect(await count()).toBe(before);
      const own = await send(
        'POST',
        '/api/v1/applications',
        { company: 'A', role: 'B' },
        {
          origin: 'http://localhost:4477',
          'sec-fetch-site': 'same-origin',
        },
      );
      expect(own.statusCode).toBe(201);
      const id = own.json().id;
      expect(
        (await send('DELETE', `/api/v1/applications/${id}`, undefined, { 'x-rebound': '1' })).statusCode,
      ).toBe(204);
      const res = await app.inject({ url: '/api/health', headers });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name]).toBe(value);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('refuses a NUL character anywhere with 400 naming the field, the same on both databases (item 7)', async () => {
      const before = await count();
      const body = await send('POST', '/api/v1/applications', { company: 'A\u0000', role: 'B' });
      expect(body.statusCode).toBe(400);
      expect(body.json().error.details).toEqual([
        { path: 'company', message: 'must not contain a NUL character' },
      ]);
      const nested = await send('POST', '/api/v1/applications', {
        company: 'A',
        role: 'B',
        tags: ['x', 'y\u0000'],
      });
      expect(nested.json().error.details[0].path).toBe('tags.1');
      const id = await app.inject({ url: '/api/v1/applications/abc%00def', headers });
      expect(id.statusCode).toBe(400);
      expect(id.json().error.details[0].path).toBe('params.id');
      const query = await app.inject({ url: '/api/v1/applications?q=a%00b', headers });
      expect(query.json().error.details[0].path).toBe('query.q');
      expect(await count()).toBe(before);
    });

    it('gives every event its own sequence number when 50 arrive at once (item 6)', async () => {
      const id = await newApplication();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          send('POST', `/api/v1/applications/${id}/events`, { type: 'note', text: `note ${i}` }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
      const rows = await opened.store.db
        .selectFrom('application_events')
        .select('seq')
        .where('application_id', '=', id)
        .execute();
      const seqs = rows.map((r) => Number(r.seq));
      expect(seqs).toHaveLength(51);
      expect(new Set(seqs).size).toBe(51);
    });

    it('answers events racing a delete with 201, 404 or 409, never 500 (item 6)', async () => {
      const id = await newApplication();
      const results = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) =>
          send('POST', `/api/v1/applications/${id}/events`, { type: 'note', text: `before ${i}` }),
        ),
        send('DELETE', `/api/v1/applications/${id}`, undefined, { 'x-rebound': '1' }),
        ...Array.from({ length: 10 }, (_, i) =>
          send('POST', `/api/v1/applications/${id}/events`, { type: 'note', text: `after ${i}` }),
        ),
      ]);
      for (const r of results) expect([201, 204, 404, 409], r.body).toContain(r.statusCode);
    });

    it('imports resumes in parallel without a 500, each a version of its own (item 6)', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          send('POST', '/api/v1/resume/import', { text: `Skills: Python, SQL, Kubernetes ${i}` }),
        ),
      );
      for (const r of results) expect(r.statusCode, r.body).toBeLessThan(300);
      const versions = results.map((r) => r.json().number ?? r.json().version?.number);
      expect(new Set(versions).size).toBe(12);
    });

    it('keeps every page answering when a stored time zone is unknown (item 2)', async () => {
      const other = await openTestContext(database, new Date('2026-11-20T10:00:00Z'));
      try {
        await writeSettings(other.store.db, other.ctx.workspaceId, { timeZone: 'Mars/Olympus_Mons' });
        const broken = await buildTestApp(other.ctx, other.store);
        const doc = (await broken.inject({ url: '/api/openapi.json', headers })).json();
        const reads = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
          .filter(([path, ops]) => 'get' in ops && !path.includes('{'))
          .map(([path]) => path);
        expect(reads.length).toBeGreaterThan(10);
        for (const path of reads) {
          const res = await broken.inject({ url: path, headers });
          expect(res.statusCode, path).toBeLessThan(500);
        }
        await broken.close();
      } finally {
        await other.close();
      }
    });
  });
}
