import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';

const EXTENSION = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const OTHER_EXTENSION = `chrome-extension://${'ponmlkjihgfedcba'.repeat(2)}`;
const FIREFOX = 'moz-extension://0b6f7a3e-2c1d-4e5f-8a9b-1c2d3e4f5a6b';
const LEVER = readFileSync(new URL('../../test/fixtures/job-boards/lever.html', import.meta.url), 'utf8');

// The clipper's way in: a browser extension the user paired, on the clipper's routes only; web pages never.
for (const database of databases) {
  describe(`browser clipper pairing on ${database.name}`, () => {
    let opened: TestContext;
    let app: TestApp;
    const send = (
      method: 'POST' | 'PATCH',
      url: string,
      payload: object,
      extra: Record<string, string> = {},
    ) => app.inject({ method, url, headers: { host: 'localhost:4477', ...extra }, payload });
    // What Chromium sends on an extension's fetch: its own origin, and "cross-site" or "none".
    const fromExtension = (origin: string) => ({ origin, 'sec-fetch-site': 'cross-site' });
    const count = async () =>
      (await app.inject({ url: '/api/v1/applications', headers: { host: 'localhost:4477' } })).json().total;

    beforeAll(async () => {
      opened = await openTestContext(database, new Date('2026-11-20T10:00:00Z'));
      app = await buildTestApp(opened.ctx, opened.store);
    });
    afterAll(async () => {
      await app.close();
      await opened.close();
    });

    it('refuses an extension that is not paired, saying how to pair it', async () => {
      const res = await send(
        'POST',
        '/api/v1/applications',
        { company: 'A', role: 'B' },
        fromExtension(EXTENSION),
      );
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'cross_site_request' });
      expect(res.json().error.message).toContain('not paired with this Rebound');
      expect(await count()).toBe(0);
    });

    it('pairs from Rebound itself, never from a web page or the extension', async () => {
      const web = await send(
        'PATCH',
        '/api/v1/settings',
        { clipperOrigins: [EXTENSION] },
        { origin: 'https://jobs.example', 'sec-fetch-site': 'cross-site' },
      );
      expect(web.statusCode).toBe(403);
      const self = await send(
        'PATCH',
        '/api/v1/settings',
        { clipperOrigins: [EXTENSION] },
        fromExtension(EXTENSION),
      );
      expect(self.statusCode).toBe(403);
      const bad = await send('PATCH', '/api/v1/settings', { clipperOrigins: ['https://jobs.example'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('clipperOrigins.0: must be a browser extension address');

      const ok = await send('PATCH', '/api/v1/settings', { clipperOrigins: [EXTENSION, FIREFOX, EXTENSION] });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().clipperOrigins).toEqual([EXTENSION, FIREFOX]);
      // A pairing belongs to this machine's browsers: a backup does not carry it elsewhere.
      const backup = await app.inject({ url: '/api/v1/backup', headers: { host: 'localhost:4477' } });
      expect(backup.json().settings.userName).toBeDefined();
      expect(backup.json().settings.clipperOrigins).toBeUndefined();
    });

    it('lets the paired extension read a job page, save it and mark it applied', async () => {
      const read = await send(
        'POST',
        '/api/v1/imports/job-page',
        { html: LEVER, url: 'https://jobs.lever.co/harbor-health/9f1c' },
        fromExtension(EXTENSION),
      );
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        source: 'board',
        board: 'lever',
        fields: { company: 'Harbor Health', role: 'Product Designer', channel: 'job_board' },
      });
      const saved = await send(
        'POST',
        '/api/v1/applications',
        { ...read.json().fields, stage: 'saved' },
        { origin: FIREFOX },
      );
      expect(saved.statusCode).toBe(201);
      const applied = await send(
        'POST',
        `/api/v1/applications/${saved.json().id}/events`,
        { type: 'stage_changed', stage: 'applied' },
        fromExtension(EXTENSION),
      );
      expect(applied.statusCode).toBe(201);
      expect(applied.json().stage).toBe('applied');
    });

    it('keeps a paired extension to the clipper routes, and web pages out', async () => {
      const before = await count();
      const attempts = [
        send('POST', '/api/v1/sample-data', {}, fromExtension(EXTENSION)),
        send('PATCH', '/api/v1/settings', { userName: 'x' }, fromExtension(EXTENSION)),
        send('POST', '/api/v1/applications', { company: 'A', role: 'B' }, fromExtension(OTHER_EXTENSION)),
        // A web page, even on this machine, with an extension paired.
        send(
          'POST',
          '/api/v1/applications',
          { company: 'A', role: 'B' },
          { origin: 'http://localhost:5000' },
        ),
        send('POST', '/api/v1/applications', { company: 'A', role: 'B' }, { 'sec-fetch-site': 'cross-site' }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('cross_site_request');
      }
      expect(await count()).toBe(before);
    });

    it('unpairs', async () => {
      await send('PATCH', '/api/v1/settings', { clipperOrigins: [] });
      const res = await send(
        'POST',
        '/api/v1/applications',
        { company: 'A', role: 'B' },
        fromExtension(EXTENSION),
      );
      expect(res.statusCode).toBe(403);
    });
  });
}
