import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_SCOPES } from '../../src/core/accounts/scopes.ts';
import { SHARED_READS } from '../../src/server/access.ts';
import { writeInstanceSetting } from '../../src/store/accounts-repository.ts';
import { type Caller, call, signUp } from '../support/hosted.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Generated over every route a coach may read (SHARED_READS): the seeker writes private things
 * (a pause journal entry on a rejection, a day's journal entry with a mood, writing after a no),
 * shares every scope with a coach, and the coach reads each route. Every read must succeed, and
 * none may carry the private text, tags or ids, nor anything read from the moods. The seeker's own reads carry them, so the check is
 * not empty. On PostgreSQL (PGlite when no server answers locally).
 */
const NOW = new Date('2026-11-27T10:00:00Z');
const run = Math.random().toString(36).slice(2, 10);
const PAUSE = `pause-journal-${run}`;
const DAY = `day-journal-${run}`;
const WRITING = `writing-after-a-no-${run}`;
const TAG = `privatetag${run}`;

describe('the private journal in what a coach can read, on postgres', () => {
  let server: TestServer;
  let seeker: Caller;
  let coach: Caller;
  const ids: Record<string, string> = {};
  const privateIds: string[] = [];
  const url = () => server.url;

  async function post(path: string, body: unknown, method = 'POST') {
    const res = await call(url(), seeker, path, { method, body });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  }

  beforeAll(async () => {
    server = await startTestServer({ database: 'postgres', hosted: true, now: NOW });
    await signUp(url(), { email: 'admin@example.org', name: 'Ada' });
    await writeInstanceSetting(server.store.db, 'openSignup', true);
    seeker = await signUp(url(), { email: 'sam@example.org', name: 'Sam' });
    coach = await signUp(url(), { email: 'casey@example.org', name: 'Casey' });
    expect((await call(url(), seeker, '/api/v1/sample-data', { method: 'POST' })).status).toBe(201);

    const app = await post('/api/v1/applications', {
      company: 'Fabrikam',
      role: 'Analyst',
      stage: 'applied',
      appliedOn: '2026-11-10',
    });
    ids.application = app.id;
    const rejection = await post('/api/v1/rejections', {
      applicationId: app.id,
      reasonGiven: 'Went with an internal candidate',
    });
    ids.rejection = rejection.id;
    const pause = await post(`/api/v1/rejections/${rejection.id}/journal`, {
      text: `I felt gutted: ${PAUSE}`,
      mood: 1,
      tags: [TAG],
    });
    const day = await post('/api/v1/journal', { text: DAY, mood: 2, tags: [TAG], rejectionId: rejection.id });
    const writing = await post(`/api/v1/writing/${app.id}`, { text: WRITING });
    privateIds.push(pause.id, day.id, ...(writing.sessions ?? []).map((s: { id: string }) => s.id));
    ids.informationalInterview = (
      await post('/api/v1/informational-interviews', { contactName: 'Robin', heldOn: '2026-11-20' })
    ).id;
    const lists: [string, string][] = [
      ['contact', '/api/v1/contacts'],
      ['feedbackRequest', '/api/v1/feedback-requests'],
    ];
    for (const [key, path] of lists) {
      const first = (await call(url(), seeker, path)).body.items?.[0];
      if (first?.id) ids[key] = first.id;
    }

    const share = await call(url(), seeker, '/api/v1/shares', {
      method: 'POST',
      body: { coachEmail: coach.email, scopes: [...SHARE_SCOPES] },
    });
    expect(share.status).toBe(201);
  }, 120_000);
  afterAll(async () => server?.close());

  /** The route with the seeker's ids in it; a route with a parameter not known here fails. */
  function pathFor(route: string): string {
    return route.replace(/:(\w+)/g, (_, name: string) => {
      const key =
        name !== 'id'
          ? name
          : route.startsWith('/api/v1/applications/')
            ? 'application'
            : route.startsWith('/api/v1/rejections/')
              ? 'rejection'
              : route.startsWith('/api/v1/contacts/')
                ? 'contact'
                : route.startsWith('/api/v1/feedback-requests/')
                  ? 'feedbackRequest'
                  : route.startsWith('/api/v1/informational-interviews/')
                    ? 'informationalInterview'
                    : name;
      const id = ids[key];
      if (!id) throw new Error(`No id of the seeker's for :${name} in ${route}; add one to this test.`);
      return encodeURIComponent(id);
    });
  }

  function leaks(body: unknown): string[] {
    const text = JSON.stringify(body);
    return [PAUSE, DAY, WRITING, TAG, ...privateIds].filter((s) => text.includes(s));
  }

  it('the seeker reads their own journal where the coach will not', async () => {
    const own = await call(url(), seeker, `/api/v1/rejections/${ids.rejection}`);
    expect(own.body.journal.map((j: { text: string }) => j.text).join(' ')).toContain(PAUSE);
    expect(leaks(own.body)).toContain(PAUSE);
  });

  const routes = Object.keys(SHARED_READS);
  it(`covers every shared read (${routes.length} routes)`, () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  for (const route of routes) {
    it(`GET ${route} as the coach carries nothing private`, async () => {
      const res = await call(url(), coach, pathFor(route), { workspace: seeker.workspaceId });
      expect(res.status, `${route}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
      expect(leaks(res.body), route).toEqual([]);
    });
  }

  it('keeps the moods out of the weekly review a coach reads with the insights scope', async () => {
    const own = await call(url(), seeker, '/api/v1/review');
    expect(own.body.load).toMatchObject({ recentMood: 1.5 });
    const res = await call(url(), coach, '/api/v1/review', { workspace: seeker.workspaceId });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('load');
    expect(JSON.stringify(res.body)).not.toMatch(/mood/i);
    const markdown = await call(url(), coach, '/api/v1/review?format=md', { workspace: seeker.workspaceId });
    expect(markdown.status).toBe(200);
    expect(markdown.body).toContain('# Week of');
    expect(markdown.body).not.toMatch(/mood/i);
  });

  it('shows the coach the rejection itself, without its journal', async () => {
    const res = await call(url(), coach, `/api/v1/rejections/${ids.rejection}`, {
      workspace: seeker.workspaceId,
    });
    expect(res.body).toMatchObject({ reasonGiven: 'Went with an internal candidate', journal: [] });
  });
});
