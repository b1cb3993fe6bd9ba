import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import type { Store } from '../store/connect.ts';

const database = databases.find((d) => d.name === 'sqlite')!;

describe('HTTP: correcting rounds and notes, sample data, search', () => {
  let store: Store;
  let app: TestApp;
  const headers = { host: 'localhost:4477', 'x-rebound': '1' };
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    const opened = await openTestContext(database, new Date('2026-11-10T10:00:00Z'));
    store = opened.store;
    app = await buildTestApp(opened.ctx, store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('edits and deletes a timed round and a note; bad input names the field', async () => {
    const created = (
      await call('POST', '/api/v1/applications', { company: 'Acme', role: 'Eng', kind: 'internship' })
    ).json();
    expect(created.kind).toBe('internship');
    const base = `/api/v1/applications/${created.id}`;
    const bad = await call('POST', `${base}/rounds`, {
      kind: 'phone',
      startTime: '9am',
      scheduledAt: '2026-11-12',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('startTime');
    const withRound = (
      await call('POST', `${base}/rounds`, {
        kind: 'phone',
        scheduledAt: '2026-11-12',
        startTime: '09:30',
        durationMinutes: 30,
      })
    ).json();
    const round = withRound.rounds[0];
    expect(round).toMatchObject({ startTime: '09:30', durationMinutes: 30 });
    const edited = await call('PATCH', `${base}/rounds/${round.id}`, { durationMinutes: 45 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().rounds[0].durationMinutes).toBe(45);
    expect((await call('DELETE', `${base}/rounds/nope`)).statusCode).toBe(404);
    const gone = await call('DELETE', `${base}/rounds/${round.id}`);
    expect(gone.json().rounds).toEqual([]);

    const noted = (await call('POST', `${base}/events`, { type: 'note', text: 'Ask about on-call' })).json();
    const note = noted.events.find((e: { type: string }) => e.type === 'note');
    expect((await call('PATCH', `${base}/notes/${note.id}`, { text: '' })).statusCode).toBe(400);
    const changed = (
      await call('PATCH', `${base}/notes/${note.id}`, { text: 'Ask about the on-call rota' })
    ).json();
    expect(changed.events.find((e: { id: string }) => e.id === note.id).current).toMatchObject({
      edited: true,
    });
    const found = (await call('GET', '/api/v1/applications?q=rota')).json();
    expect(found.items.map((a: { id: string }) => a.id)).toEqual([created.id]);
    expect((await call('DELETE', `${base}/notes/${note.id}`)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/applications?q=rota')).json().total).toBe(0);
  });

  it('removes sample data with one call', async () => {
    const loaded = (await call('POST', '/api/v1/sample-data')).json();
    expect((await call('GET', '/api/v1/sample-data')).json()).toEqual({ applications: loaded.created });
    expect((await call('DELETE', '/api/v1/sample-data')).json()).toEqual({ removed: loaded.created });
    expect((await call('GET', '/api/v1/applications')).json().total).toBe(1);
  });

  it('documents the new routes with real response schemas', async () => {
    const doc = (await call('GET', '/api/openapi.json')).json();
    const patchRound = doc.paths['/api/v1/applications/{id}/rounds/{roundId}'].patch.responses['200'];
    const schema = patchRound.content['application/json'].schema;
    expect(schema.properties.rounds.items.properties).toHaveProperty('startTime');
    expect(
      doc.paths['/api/v1/sample-data'].delete.responses['200'].content['application/json'].schema.properties,
    ).toHaveProperty('removed');
  });
});
