import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fixedClock } from '../services/context.ts';
import { openWorkspace } from '../services/workspace.ts';
import type { Store } from '../store/connect.ts';
import { buildServer } from './app.ts';

for (const database of databases) {
  describe(`HTTP API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));
    const headers = { host: 'localhost:4477', 'x-rebound': '1' };

    beforeAll(async () => {
      const opened = await openTestContext(database, clock);
      store = opened.store;
      app = await buildTestApp(opened.ctx, store);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    const post = (url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers, payload: payload as object });

    it('answers health', async () => {
      const res = await app.inject({ url: '/api/health', headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    });

    it('refuses a request whose Host is not local (DNS rebinding)', async () => {
      const res = await app.inject({ url: '/api/health', headers: { host: 'evil.example:4477' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden_host');
      for (const host of ['127.0.0.1:4477', '[::1]:4477', 'localhost', 'app.localhost:1']) {
        expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode).toBe(200);
      }
    });

    it('adds, moves, rejects, and keeps how far it got', async () => {
      const created = await post('/api/v1/applications', {
        company: 'Acme',
        role: 'Engineer',
        channel: 'referral',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect(
        (await post(`/api/v1/applications/${id}/events`, { type: 'stage_changed', stage: 'interviewing' }))
          .statusCode,
      ).toBe(201);
      const rejected = await post(`/api/v1/applications/${id}/events`, {
        type: 'outcome_set',
        outcome: 'rejected',
        reason: 'Timing',
      });
      expect(rejected.json()).toMatchObject({
        stage: 'interviewing',
        furthestStage: 'interviewing',
        outcome: 'rejected',
      });
      const shown = await app.inject({ url: `/api/v1/applications/${id}`, headers });
      expect(shown.json().events.map((e: { type: string }) => e.type)).toEqual([
        'created',
        'stage_changed',
        'outcome_set',
      ]);
      const list = await app.inject({ url: '/api/v1/applications?status=closed', headers });
      expect(list.json().items.map((a: { id: string }) => a.id)).toContain(id);
    });

    it('names the field for bad input and writes nothing', async () => {
      const before = (await app.inject({ url: '/api/v1/applications', headers })).json().total;
      const empty = await post('/api/v1/applications', { company: '  ', role: 'X' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error).toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'company', message: 'required' }],
      });
      const badDate = await post('/api/v1/applications', {
        company: 'A',
        role: 'B',
        appliedOn: '2026-02-30',
      });
      expect(badDate.json().error.details[0]).toEqual({
        path: 'appliedOn',
        message: 'must be a real date written YYYY-MM-DD',
      });
      const badChannel = await post('/api/v1/applications', {
        company: 'A',
        role: 'B',
        channel: 'carrier pigeon',
      });
      expect(badChannel.json().error.details[0].path).toBe('channel');
      const after = (await app.inject({ url: '/api/v1/applications', headers })).json().total;
      expect(after).toBe(before);
    });

    it('rejects an unknown stage, a missing id, and malformed JSON clearly', async () => {
      const id = (await post('/api/v1/applications', { company: 'B', role: 'C' })).json().id;
      const badStage = await post(`/api/v1/applications/${id}/events`, {
        type: 'stage_changed',
        stage: 'interveiw',
      });
      expect(badStage.statusCode).toBe(400);
      expect(badStage.json().error.details[0].path).toBe('stage');
      const missing = await app.inject({ url: '/api/v1/applications/nope', headers });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('application_not_found');
      const malformed = await app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{"company": "A", ',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('invalid_input');
    });

    it('refuses to move a closed application with 409', async () => {
      const id = (await post('/api/v1/applications', { company: 'D', role: 'E' })).json().id;
      await post(`/api/v1/applications/${id}/events`, { type: 'outcome_set', outcome: 'ghosted' });
      const res = await post(`/api/v1/applications/${id}/events`, { type: 'stage_changed', stage: 'offer' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('application_closed');
    });

    it('flags likely ghosting after the configured silence', async () => {
      const id = (
        await post('/api/v1/applications', { company: 'Quiet Co', role: 'Dev', appliedOn: '2026-10-01' })
      ).json().id;
      const shown = (await app.inject({ url: `/api/v1/applications/${id}`, headers })).json();
      expect(shown).toMatchObject({ likelyGhosted: true, daysSilent: 40 });
      const patched = await app.inject({
        method: 'PATCH',
        url: '/api/v1/settings',
        headers,
        payload: { ghostAfterDays: 60 },
      });
      expect(patched.json().ghostAfterDays).toBe(60);
      expect((await app.inject({ url: `/api/v1/applications/${id}`, headers })).json().likelyGhosted).toBe(
        false,
      );
      await app.inject({
        method: 'PATCH',
        url: '/api/v1/settings',
        headers,
        payload: { ghostAfterDays: 21 },
      });
    });

    it('serves an OpenAPI document and a reference page', async () => {
      const doc = (await app.inject({ url: '/api/openapi.json', headers })).json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toContain('/api/v1/applications/{id}/events');
      const page = await app.inject({ url: '/api/docs/', headers });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/html/);
    });
  });
}

describe('list cache', () => {
  it('sees writes made by another connection to the same SQLite file (the CLI while the server runs)', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openStore } = await import('../store/connect.ts');
    const { createApplication } = await import('../services/applications.ts');
    const dir = mkdtempSync(join(tmpdir(), 'rebound-cache-'));
    const file = join(dir, 'shared.db');
    const serverStore = await openStore({ kind: 'sqlite', file });
    const cliStore = await openStore({ kind: 'sqlite', file });
    try {
      const app = await buildServer({
        context: await openWorkspace(serverStore),
        externalVersion: serverStore.externalVersion,
        webRoot: null,
      });
      const list = async () =>
        (await app.inject({ url: '/api/v1/applications', headers: { host: 'localhost' } })).json().total;
      expect(await list()).toBe(0);
      expect(await list()).toBe(0);
      await createApplication(await openWorkspace(cliStore), { company: 'From the CLI', role: 'Dev' });
      expect(await list()).toBe(1);
      await app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { host: 'localhost' },
        payload: { company: 'Web', role: 'Dev' },
      });
      expect(await list()).toBe(2);
      await app.close();
    } finally {
      await serverStore.close();
      await cliStore.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('API reference page', () => {
  it('serves swagger UI assets next to the page', async () => {
    const { openStore } = await import('../store/connect.ts');
    const store = await openStore({ kind: 'sqlite', file: ':memory:' });
    const app = await buildServer({ context: await openWorkspace(store), webRoot: null });
    const page = await app.inject({ url: '/api/docs', headers: { host: 'localhost' } });
    expect(page.body).toContain('/api/docs/static/start.js');
    const start = await app.inject({ url: '/api/docs/static/start.js', headers: { host: 'localhost' } });
    expect(start.body).toContain('/api/openapi.json');
    const js = await app.inject({
      url: '/api/docs/static/swagger-ui-bundle.js',
      headers: { host: 'localhost' },
    });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(
      (await app.inject({ url: '/api/docs/static/..%2Fpackage.json', headers: { host: 'localhost' } }))
        .statusCode,
    ).toBe(404);
    await app.close();
    await store.close();
  });
});
