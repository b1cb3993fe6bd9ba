import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, signIn, signUp } from '../../test/support/hosted.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { writeInstanceSetting } from '../store/accounts-repository.ts';

// Hosted mode end to end over real HTTP: accounts, one workspace each, a share, its end.
for (const database of ['postgres', 'sqlite'] as const) {
  describe(`hosted accounts and sharing on ${database}`, () => {
    let server: TestServer;
    let admin: Caller;
    let seeker: Caller;
    let coach: Caller;
    const url = () => server.url;

    beforeAll(async () => {
      server = await startTestServer({ database, hosted: true, now: new Date('2026-11-27T10:00:00Z') });
    });
    afterAll(async () => server.close());

    it('answers nothing of a workspace without an account', async () => {
      for (const path of ['/api/v1/applications', '/api/v1/backup', '/api/v1/settings', '/api/v1/nope']) {
        const res = await call(url(), null, path);
        expect(res.status, path).toBe(401);
        expect(res.body.error.code).toBe('unauthenticated');
      }
      const del = await call(url(), null, '/api/v1/applications', { method: 'DELETE' });
      expect(del.status).toBe(401);
      expect((await call(url(), null, '/api/health')).status).toBe(200);
      expect((await call(url(), null, '/api/v1/me')).body).toEqual({
        mode: 'hosted',
        user: null,
        sharedWithMe: [],
        calendarPath: null,
      });
    });

    it('makes the first sign-up the admin, then takes sign-ups by invitation only', async () => {
      admin = await signUp(url(), { email: 'Ada@Example.org', name: 'Ada' });
      const me = await call(url(), admin, '/api/v1/me');
      expect(me.body.user).toMatchObject({ email: 'ada@example.org', role: 'admin', name: 'Ada' });
      expect(admin.cookie).toMatch(/^rebound_session=rbs_/);

      const refused = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { email: 'sam@example.org', password: 'correct horse battery', name: 'Sam' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/invitation/);

      await writeInstanceSetting(server.store.db, 'openSignup', true);
      seeker = await signUp(url(), { email: 'sam@example.org', name: 'Sam' });
      coach = await signUp(url(), { email: 'casey@example.org', name: 'Casey' });
      expect((await call(url(), seeker, '/api/v1/me')).body.user.role).toBe('seeker');

      const twice = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { email: 'SAM@example.org', password: 'another long one', name: 'Sam again' },
      });
      expect(twice.status).toBe(409);
      const short = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { email: 'x@example.org', password: 'short', name: 'X' },
      });
      expect(short.status).toBe(400);
      expect(short.body.error.details).toEqual([
        { path: 'password', message: 'must be at least 10 characters' },
      ]);
    });

    it('keeps each person in their own workspace', async () => {
      const made = await call(url(), seeker, '/api/v1/applications', {
        method: 'POST',
        body: { company: 'Northwind', role: 'Data analyst' },
      });
      expect(made.status).toBe(201);
      await call(url(), admin, '/api/v1/applications', {
        method: 'POST',
        body: { company: 'Admin Co', role: 'Ops' },
      });

      const mine = await call(url(), seeker, '/api/v1/applications');
      expect(mine.body.items.map((a: { company: string }) => a.company)).toEqual(['Northwind']);
      const theirs = await call(url(), coach, '/api/v1/applications');
      expect(theirs.body.items).toEqual([]);
      // Naming someone else's workspace without a share is refused, and so is their application by id.
      const peek = await call(url(), coach, '/api/v1/applications', { workspace: seeker.workspaceId });
      expect(peek.status).toBe(403);
      expect((await call(url(), coach, `/api/v1/applications/${made.body.id}`)).status).toBe(404);
      const backup = await call(url(), coach, '/api/v1/backup');
      expect(JSON.stringify(backup.body)).not.toContain('Northwind');
    });

    it('lets a coach read exactly what was shared, logged, until the share ends', async () => {
      const journal = await call(url(), seeker, '/api/v1/journal', {
        method: 'POST',
        body: { text: 'Private thoughts', mood: 2 },
      });
      expect([200, 201]).toContain(journal.status);

      const share = await call(url(), seeker, '/api/v1/shares', {
        method: 'POST',
        body: { coachEmail: 'Casey@example.org', scopes: ['applications'] },
      });
      expect(share.status).toBe(201);
      expect(share.body).toMatchObject({
        coachEmail: 'casey@example.org',
        scopes: ['applications'],
        active: true,
      });

      const me = await call(url(), coach, '/api/v1/me');
      expect(me.body.sharedWithMe).toEqual([
        expect.objectContaining({ workspaceId: seeker.workspaceId, name: 'Sam', scopes: ['applications'] }),
      ]);
      const list = await call(url(), coach, '/api/v1/applications', { workspace: seeker.workspaceId });
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { company: string }) => a.company)).toEqual(['Northwind']);

      for (const path of [
        '/api/v1/insights',
        '/api/v1/journal',
        '/api/v1/backup',
        '/api/v1/contacts',
        '/api/v1/settings',
      ]) {
        const res = await call(url(), coach, path, { workspace: seeker.workspaceId });
        expect(res.status, path).toBe(403);
      }
      const write = await call(url(), coach, '/api/v1/applications', {
        method: 'POST',
        workspace: seeker.workspaceId,
        body: { company: 'Planted', role: 'x' },
      });
      expect(write.status).toBe(403);
      expect((await call(url(), seeker, '/api/v1/applications')).body.items).toHaveLength(1);

      const ended = await call(url(), seeker, `/api/v1/shares/${share.body.id}`, { method: 'DELETE' });
      expect(ended.status).toBe(200);
      expect(ended.body.active).toBe(false);
      const after = await call(url(), coach, '/api/v1/applications', { workspace: seeker.workspaceId });
      expect(after.status).toBe(403);
      expect((await call(url(), seeker, '/api/v1/applications')).body.items).toHaveLength(1);
    });

    it('signs in, signs out and accepts revocable personal access tokens', async () => {
      const wrong = await signIn(url(), 'sam@example.org', 'not the password');
      expect(wrong.status).toBe(401);
      const unknown = await signIn(url(), 'nobody@example.org', 'not the password');
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.message).toBe(wrong.body.error.message);

      const ok = await signIn(url(), 'SAM@example.org');
      expect(ok.status).toBe(200);
      const session: Caller = { ...seeker, cookie: ok.cookie };
      expect((await call(url(), session, '/api/v1/applications')).status).toBe(200);
      expect((await call(url(), session, '/api/v1/auth/sign-out', { method: 'POST' })).status).toBe(200);
      expect((await call(url(), session, '/api/v1/applications')).status).toBe(401);

      const created = await call(url(), seeker, '/api/v1/tokens', {
        method: 'POST',
        body: { name: 'laptop CLI' },
      });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^rbt_/);
      const viaToken = await call(url(), seeker, '/api/v1/applications', { token: created.body.token });
      expect(viaToken.body.items).toHaveLength(1);
      // A clipper or integration on another origin writes with its token (no pairing on a hosted
      // server); the same request with only the cookie is refused as cross-site.
      const clip = { method: 'POST', body: { company: 'Clipped Co', role: 'Analyst' } };
      const withToken = await call(url(), seeker, '/api/v1/applications', {
        ...clip,
        token: created.body.token,
        headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      });
      expect(withToken.status).toBe(201);
      const withCookie = await call(url(), seeker, '/api/v1/applications', {
        ...clip,
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(withCookie.status).toBe(403);
      await call(url(), seeker, `/api/v1/applications/${withToken.body.id}`, { method: 'DELETE' });
      const listed = await call(url(), seeker, '/api/v1/tokens');
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
      await call(url(), seeker, `/api/v1/tokens/${created.body.id}`, { method: 'DELETE' });
      const revoked = await call(url(), seeker, '/api/v1/applications', { token: created.body.token });
      expect(revoked.status).toBe(401);
    });

    it('shows when a token was last used, to the minute, without writing on every call', async () => {
      const start = new Date('2026-11-27T12:00:00Z');
      server.setNow(start);
      const created = await call(url(), seeker, '/api/v1/tokens', { method: 'POST', body: { name: 'sync' } });
      const lastUsed = async () =>
        (await call(url(), seeker, '/api/v1/tokens')).body.items.find(
          (t: { id: string }) => t.id === created.body.id,
        ).lastUsedAt;
      expect(await lastUsed()).toBeNull();
      await call(url(), seeker, '/api/v1/today', { token: created.body.token });
      expect(await lastUsed()).toBe(start.toISOString());
      server.setNow(new Date(start.getTime() + 30_000));
      await call(url(), seeker, '/api/v1/today', { token: created.body.token });
      expect(await lastUsed()).toBe(start.toISOString());
      const later = new Date(start.getTime() + 61_000);
      server.setNow(later);
      await call(url(), seeker, '/api/v1/today', { token: created.body.token });
      expect(await lastUsed()).toBe(later.toISOString());
      await call(url(), seeker, `/api/v1/tokens/${created.body.id}`, { method: 'DELETE' });
    });
  });
}
