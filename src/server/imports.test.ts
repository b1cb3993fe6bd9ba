import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { fetchFailedMessage } from '../services/imports/job-page-import.ts';
import { startPageServer } from '../services/imports/test-page-server.ts';
import type { Store } from '../store/connect.ts';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const sampleMail = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/mail/email-agent/${name}`, import.meta.url));

// The routes are thin (validate → service → present); the services run on both databases in
// src/services/imports. Here: the wire shapes and bad input, on SQLite.
const database = databases[0]!;

describe('getting data in over HTTP', () => {
  let store: Store;
  let app: TestApp;
  let pages: { base: string; server: Server };
  const headers = { host: 'localhost:4477', 'x-rebound': '1' };
  const post = (url: string, payload?: unknown, on: TestApp = app) =>
    on.inject({
      method: 'POST',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    const opened = await openTestContext(database, new Date('2026-07-20T10:00:00Z'));
    store = opened.store;
    app = await buildTestApp(opened.ctx);
    pages = await startPageServer();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await new Promise<void>((resolve) => pages.server.close(() => resolve()));
  });

  const file =
    'Employer,Position,Date Applied,Stage\nExample Corp,Software Engineer,2026-06-20,Interview\nTailspin,QA Lead,2026-06-21,Interveiw\n';

  /** A workspace of its own holding the one valid row of `file` (Example Corp, interviewing). */
  async function appWithExampleCorp(): Promise<{ app: TestApp; close: () => Promise<void> }> {
    const opened = await openTestContext(database, new Date('2026-07-20T10:00:00Z'));
    const own = await buildTestApp(opened.ctx);
    const done = await post(
      '/api/v1/imports/commit',
      { filename: 'mine.csv', contentBase64: b64(file), mapping: { status: 'Stage' }, skipInvalid: true },
      own,
    );
    expect(done.json()).toMatchObject({ created: 1 });
    return {
      app: own,
      close: async () => {
        await own.close();
        await opened.close();
      },
    };
  }

  it('previews with a corrected mapping, then commits all or nothing / skipping invalid rows', async () => {
    const preview = await post('/api/v1/imports/preview', {
      filename: 'mine.csv',
      contentBase64: b64(file),
      mapping: { status: 'Stage' },
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.mapping.fields.company).toMatchObject({ column: 'Employer', index: 0 });
    expect(p.counts).toEqual({
      rows: 2,
      toCreate: 1,
      toMerge: 0,
      duplicates: 0,
      alreadyInRebound: 0,
      invalid: 1,
    });
    expect(p.invalid).toEqual([{ line: 3, message: 'line 3: unknown stage "Interveiw" (column "Stage")' }]);
    expect(p.stageLabels).toContainEqual({
      label: 'Interview',
      stage: 'interviewing',
      outcome: null,
      rows: 1,
    });

    const refused = await post('/api/v1/imports/commit', {
      filename: 'mine.csv',
      contentBase64: b64(file),
      mapping: { status: 'Stage' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'invalid_input',
      details: [{ path: 'line 3', message: 'unknown stage "Interveiw" (column "Stage")' }],
    });

    const done = await post('/api/v1/imports/commit', {
      filename: 'mine.csv',
      contentBase64: b64(file),
      mapping: { status: 'Stage' },
      skipInvalid: true,
    });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ created: 1, skippedDuplicates: [], skippedInvalid: [{ line: 3 }] });
    const again = await post('/api/v1/imports/commit', {
      filename: 'mine.csv',
      contentBase64: b64(file),
      mapping: { status: 'Stage' },
      skipInvalid: true,
    });
    expect(again.json()).toMatchObject({
      created: 0,
      skippedDuplicates: [{ line: 2, reason: 'already in Rebound' }],
    });
  });

  it('names the bad field of a malformed request', async () => {
    const res = await post('/api/v1/imports/preview', {
      filename: 'x.csv',
      contentBase64: b64(file),
      mapping: { compnay: 'Employer' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect(res.json().error.message).toMatch(/^Invalid body: mapping/);
    const missing = await post('/api/v1/imports/commit', { contentBase64: b64(file) });
    expect(missing.json().error.message).toBe('Invalid body: filename: required');
    const page = await post('/api/v1/imports/job-page', { url: 'ftp://example.com/job' });
    expect(page.json().error.message).toBe('Invalid body: url: must be an http(s) URL');
    const nothing = await post('/api/v1/imports/job-page', {});
    expect(nothing.json().error.message).toBe('Invalid body: url: give a url or the page html');
  });

  it('reads status labels through the stageMap of a preview, and names a bad stage in it', async () => {
    const body = { filename: 'mine.csv', contentBase64: b64(file), mapping: { status: 'Stage' } };
    const ok = await post('/api/v1/imports/preview', {
      ...body,
      stageMap: { Interveiw: { stage: 'interviewing' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().invalid).toEqual([]);
    expect(ok.json().stageLabels).toContainEqual({
      label: 'Interveiw',
      stage: 'interviewing',
      outcome: null,
      rows: 1,
    });
    const bad = await post('/api/v1/imports/commit', {
      ...body,
      stageMap: { Interveiw: { stage: 'chatting' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      {
        path: 'stageMap.Interveiw.stage',
        message: 'must be one of: saved, applied, screening, interviewing, offer, accepted',
      },
    ]);
  });

  it('reads a job page from a local server, and says so when there is no job or the page is gone', async () => {
    const off = await post('/api/v1/imports/job-page', { url: `${pages.base}/ats-graph.html` });
    expect(off.json().error.message).toBe(fetchFailedMessage(`${pages.base}/ats-graph.html`));
    const allowed = await app.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers,
      payload: { fetchLocalAddresses: true },
    });
    expect(allowed.json().fetchLocalAddresses).toBe(true);
    const ok = await post('/api/v1/imports/job-page', { url: `${pages.base}/ats-graph.html` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      source: 'json-ld',
      fields: { company: 'Quillfeather Labs', role: 'Senior Platform Engineer' },
    });
    const gone = await post('/api/v1/imports/job-page', { url: `${pages.base}/gone.html` });
    expect(gone.statusCode).toBe(502);
    expect(gone.json().error).toMatchObject({
      code: 'fetch_failed',
      message: fetchFailedMessage(`${pages.base}/gone.html`),
    });
    const blog = await post('/api/v1/imports/job-page', {
      html: '<html><body><h1>My holiday</h1><p>We went to the sea.</p></body></html>',
    });
    expect(blog.statusCode).toBe(422);
    expect(blog.json().error.code).toBe('no_job_posting');
  });

  it('on a hosted server, refuses to fetch pages on this machine or a private network', async () => {
    const { buildServer } = await import('./app.ts');
    const opened = await openTestContext(database, new Date());
    const hosted = await buildServer({
      context: opened.ctx,
      webRoot: null,
      hosted: true,
    });
    // Signed in (hosted mode answers nobody else), with the local-address setting even switched on.
    const signUp = await hosted.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      headers,
      payload: { email: 'ada@example.org', password: 'correct horse battery', name: 'Ada' },
    });
    const session = signUp.cookies.find((c) => c.name === 'rebound_session')!;
    const signedIn = { ...headers, cookie: `rebound_session=${session.value}` };
    await hosted.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers: signedIn,
      payload: { fetchLocalAddresses: true },
    });
    const res = await hosted.inject({
      method: 'POST',
      url: '/api/v1/imports/job-page',
      headers: signedIn,
      payload: { url: `${pages.base}/ats-graph.html` },
    });
    expect(res.json().error.message).toBe(fetchFailedMessage(`${pages.base}/ats-graph.html`));
    await hosted.close();
    await opened.close();
  });

  it('imports mail, lists the review queue, applies and dismisses', async () => {
    const own = await appWithExampleCorp();
    const app = own.app;
    const post = (url: string, payload?: unknown) =>
      app.inject({
        method: 'POST',
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const rejection = await post('/api/v1/mail/import', {
      filename: 'rejection.eml',
      contentBase64: b64(sampleMail('rejection.eml')),
    });
    expect(rejection.statusCode).toBe(201);
    expect(rejection.json()).toMatchObject({
      messages: 1,
      applied: 1,
      items: [{ kind: 'rejection', status: 'applied' }],
    });
    const offer = await post('/api/v1/mail/import', {
      filename: 'offer.eml',
      contentBase64: b64(sampleMail('offer.eml')),
    });
    expect(offer.json().items[0].status).toBe('pending');
    const queue = (await app.inject({ url: '/api/v1/mail/review', headers })).json();
    expect(queue.items.map((m: { subject: string }) => m.subject)).toEqual([
      'Offer of Employment - Software Engineer',
    ]);
    const id = queue.items[0].id;
    const noApp = await post(`/api/v1/mail/review/${id}/apply`, { applicationId: 'nope' });
    expect(noApp.statusCode).toBe(404);
    expect(noApp.json().error.message).toBe('No application with id nope.');
    const dismissed = await post(`/api/v1/mail/review/${id}/dismiss`);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
    expect((await app.inject({ url: '/api/v1/mail/review', headers })).json().items).toEqual([]);
    const missing = await post('/api/v1/mail/review/zzz/dismiss');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({
      code: 'mail_message_not_found',
      message: 'No e-mail with id zzz in the review queue.',
    });
    const broken = await post('/api/v1/mail/import', {
      filename: 'x.eml',
      contentBase64: b64('just some words\n'),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/^x\.eml: no mail headers found/);
    await own.close();
  });

  it('exports applications as CSV', async () => {
    const own = await appWithExampleCorp();
    const rejection = await post(
      '/api/v1/mail/import',
      { filename: 'rejection.eml', contentBase64: b64(sampleMail('rejection.eml')) },
      own.app,
    );
    expect(rejection.json()).toMatchObject({ applied: 1 });
    const res = await own.app.inject({ url: '/api/v1/export/applications.csv', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body).toContain('Example Corp,Software Engineer,');
    expect(res.body).toMatch(
      /Example Corp,Software Engineer,\w+,job,2026-06-20,interviewing,interviewing,rejected,2026-07-09/,
    );
    await own.close();
  });
});
