import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, signIn, signUp } from '../../test/support/hosted.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { formatDay } from '../core/dates.ts';
import { SESSION_IDLE_DAYS } from '../services/accounts/accounts.ts';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from '../services/accounts/rate-limit.ts';
import { fixedClock } from '../services/context.ts';
import { buildServer } from './app.ts';

// The security of hosted mode over real HTTP, on PostgreSQL first: sign-in limits, sessions and
// tokens ending, cross-site requests, private addresses, invitations, reset links, admin routes.
const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;
const DAY = 86_400_000;

for (const database of ['postgres', 'sqlite'] as const) {
  describe(`hosted security on ${database}`, () => {
    let server: TestServer;
    let now = Date.parse('2026-11-27T10:00:00Z');
    const url = () => server.url;
    /** Moves the server's clock forward (tests run in order; time only moves on). */
    const later = (ms: number) => {
      now += ms;
      server.setNow(new Date(now));
    };
    let admin: Caller;
    let seeker: Caller;
    let coach: Caller;

    /** A fresh session of someone, as a browser signing in gets one. */
    async function session(who: Caller, password = PASSWORD): Promise<Caller> {
      const res = await signIn(url(), who.email, password);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { ...who, cookie: res.cookie };
    }
    /** A sign-in attempt from a given client address (the server trusts its proxy's X-Forwarded-For). */
    const attempt = (email: string, password: string, address: string) =>
      call(url(), null, '/api/v1/auth/sign-in', {
        method: 'POST',
        body: { email, password },
        headers: { 'x-forwarded-for': address },
      });

    beforeAll(async () => {
      server = await startTestServer({
        database,
        hosted: true,
        now: new Date(now),
        server: { trustProxy: true },
      });
      admin = await signUp(url(), { email: 'ada@example.org', name: 'Ada' });
      const opened = await call(url(), admin, '/api/v1/admin/settings', {
        method: 'PATCH',
        body: { openSignup: true },
      });
      expect(opened.body.openSignup).toBe(true);
      seeker = await signUp(url(), { email: 'sam@example.org', name: 'Sam' });
      coach = await signUp(url(), { email: 'casey@example.org', name: 'Casey' });
      const made = await call(url(), admin, `/api/v1/admin/users/${coach.userId}`, {
        method: 'PATCH',
        body: { role: 'coach' },
      });
      expect(made.body.role).toBe('coach');
    });
    afterAll(async () => server.close());

    it(`refuses sign-in to an account after ${ACCOUNT_FAILURE_LIMIT} failures (429, Retry-After), in every process`, async () => {
      later(DAY);
      // Failures below the limit, then a success, start the count again.
      for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) {
        expect((await attempt('sam@example.org', 'wrong password', '198.51.100.1')).status).toBe(401);
      }
      expect((await attempt('sam@example.org', PASSWORD, '198.51.100.1')).status).toBe(200);
      for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
        expect((await attempt('sam@example.org', 'wrong password', '198.51.100.1')).status).toBe(401);
      }
      // The right password no longer helps, from this address or any other.
      for (const address of ['198.51.100.1', '198.51.100.2']) {
        const refused = await attempt('sam@example.org', PASSWORD, address);
        expect(refused.status).toBe(429);
        expect(refused.body.error.code).toBe('too_many_attempts');
        expect(refused.body.error.message).toMatch(/for this account.*15 minutes/);
        expect(refused.headers.get('retry-after')).toBe('900');
      }
      // Another account from the same address is not refused (the address is under its limit).
      expect((await attempt('casey@example.org', PASSWORD, '198.51.100.1')).status).toBe(200);

      // A second server on the same database counts the same failures.
      const clock = fixedClock(new Date(now));
      const other = await buildServer({
        context: { db: server.store.db, workspaceId: '', clock, timeZone: 'UTC' },
        hosted: true,
        webRoot: null,
      });
      try {
        const res = await other.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: 'sam@example.org', password: PASSWORD },
        });
        expect(res.statusCode).toBe(429);
        expect(res.headers['retry-after']).toBe('900');
      } finally {
        await other.close();
      }

      later(10 * MINUTE);
      expect((await attempt('sam@example.org', PASSWORD, '198.51.100.2')).headers.get('retry-after')).toBe(
        '300',
      );
      later(5 * MINUTE + 1000);
      expect((await attempt('sam@example.org', PASSWORD, '198.51.100.2')).status).toBe(200);
    });

    it(`refuses an address after ${ADDRESS_FAILURE_LIMIT} failures across accounts; a success elsewhere does not reset it`, async () => {
      later(DAY);
      const address = '203.0.113.9';
      // Guesses spread over many (unknown) accounts, each below the account limit.
      for (let i = 0; i < ADDRESS_FAILURE_LIMIT - 1; i++) {
        const res = await attempt(`guess${i % 5}@example.org`, `guess ${i}`, address);
        expect(res.status).toBe(401);
      }
      // One good sign-in from the address clears that account's count only.
      expect((await attempt('sam@example.org', PASSWORD, address)).status).toBe(200);
      expect((await attempt('guess9@example.org', 'one more', address)).status).toBe(401);
      const refused = await attempt('sam@example.org', PASSWORD, address);
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toMatch(/from your address/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // The same account from elsewhere is fine.
      expect((await attempt('sam@example.org', PASSWORD, '203.0.113.10')).status).toBe(200);
    });

    it(`ends a session unused for ${SESSION_IDLE_DAYS} days, and keeps one in use`, async () => {
      later(DAY);
      const s = await session(seeker);
      expect((await call(url(), s, '/api/v1/applications')).status).toBe(200);
      later((SESSION_IDLE_DAYS - 1) * DAY);
      expect((await call(url(), s, '/api/v1/applications')).status).toBe(200);
      later((SESSION_IDLE_DAYS - 1) * DAY);
      // Still valid: the use a day before it would have ended extended it.
      expect((await call(url(), s, '/api/v1/applications')).status).toBe(200);
      later(SESSION_IDLE_DAYS * DAY + MINUTE);
      const expired = await call(url(), s, '/api/v1/applications');
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('unauthenticated');
      expect((await call(url(), s, '/api/v1/me')).body.user).toBeNull();
      expect((await session(seeker)).cookie).toMatch(/^rebound_session=/);
    });

    it('stops a revoked token at once, and no one else can revoke yours', async () => {
      later(DAY);
      const s = await session(seeker);
      const first = (await call(url(), s, '/api/v1/tokens', { method: 'POST', body: { name: 'laptop' } }))
        .body;
      const second = (await call(url(), s, '/api/v1/tokens', { method: 'POST', body: { name: 'script' } }))
        .body;
      expect((await call(url(), s, '/api/v1/applications', { token: first.token })).status).toBe(200);

      const c = await session(coach);
      expect((await call(url(), c, `/api/v1/tokens/${first.id}`, { method: 'DELETE' })).status).toBe(404);
      expect((await call(url(), s, '/api/v1/applications', { token: first.token })).status).toBe(200);

      expect((await call(url(), s, `/api/v1/tokens/${first.id}`, { method: 'DELETE' })).status).toBe(204);
      const revoked = await call(url(), s, '/api/v1/applications', { token: first.token });
      expect(revoked.status).toBe(401);
      expect(revoked.body.error.message).toMatch(/revoked/);
      expect((await call(url(), s, '/api/v1/applications', { token: second.token })).status).toBe(200);
      const listed = (await call(url(), s, '/api/v1/tokens')).body.items;
      expect(listed.find((t: { id: string }) => t.id === first.id).revokedAt).not.toBeNull();
    });

    it('signs out everywhere: every session ends (tokens stay until revoked)', async () => {
      later(DAY);
      const a = await session(seeker);
      const b = await session(seeker);
      const token = (await call(url(), a, '/api/v1/tokens', { method: 'POST', body: { name: 'ci' } })).body
        .token;
      expect((await call(url(), b, '/api/v1/auth/sign-out-everywhere', { method: 'POST' })).status).toBe(200);
      expect((await call(url(), a, '/api/v1/applications')).status).toBe(401);
      expect((await call(url(), b, '/api/v1/applications')).status).toBe(401);
      expect((await call(url(), a, '/api/v1/applications', { token })).status).toBe(200);
    });

    it('changes a password only with the current one, ending the other sessions', async () => {
      later(DAY);
      const pat = await signUp(url(), { email: 'pat@example.org', name: 'Pat' });
      const other = await session(pat);
      const wrong = await call(url(), pat, '/api/v1/auth/password', {
        method: 'POST',
        body: { currentPassword: 'not my password', newPassword: 'a new long password' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details).toEqual([
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
      expect((await call(url(), other, '/api/v1/applications')).status).toBe(200);
      const short = await call(url(), pat, '/api/v1/auth/password', {
        method: 'POST',
        body: { currentPassword: PASSWORD, newPassword: 'short' },
      });
      expect(short.body.error.details).toEqual([
        { path: 'newPassword', message: 'must be at least 10 characters' },
      ]);

      const changed = await call(url(), pat, '/api/v1/auth/password', {
        method: 'POST',
        body: { currentPassword: PASSWORD, newPassword: 'a new long password' },
      });
      expect(changed.body).toEqual({ ok: true });
      expect((await call(url(), pat, '/api/v1/applications')).status).toBe(200);
      expect((await call(url(), other, '/api/v1/applications')).status).toBe(401);
      expect((await signIn(url(), 'pat@example.org', PASSWORD)).status).toBe(401);
      expect((await signIn(url(), 'pat@example.org', 'a new long password')).status).toBe(200);
    });

    it('refuses a cross-site change made with the session cookie, and changes nothing', async () => {
      later(DAY);
      const s = await session(seeker);
      const before = (await call(url(), s, '/api/v1/applications')).body.items.length;
      const post = (path: string, headers: Record<string, string>, body: string) =>
        fetch(url() + path, { method: 'POST', headers: { cookie: s.cookie!, ...headers }, body });
      const json = JSON.stringify({ company: 'Evil Corp', role: 'Planted' });
      const attempts = [
        post(
          '/api/v1/applications',
          { 'content-type': 'application/json', origin: 'https://evil.example' },
          json,
        ),
        post(
          '/api/v1/applications',
          { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
          json,
        ),
        post(
          '/api/v1/applications',
          { 'content-type': 'application/x-www-form-urlencoded' },
          'company=Evil+Corp&role=Planted',
        ),
        post('/api/v1/applications', { 'content-type': 'text/plain' }, json),
        post('/api/v1/auth/sign-out-everywhere', { origin: 'https://evil.example', 'x-rebound': '1' }, ''),
        post(
          '/api/v1/auth/password',
          { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
          JSON.stringify({ currentPassword: PASSWORD, newPassword: 'attacker chosen one' }),
        ),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('cross_site_request');
      }
      expect((await call(url(), s, '/api/v1/applications')).body.items).toHaveLength(before);
      expect((await call(url(), s, '/api/v1/me')).body.user.email).toBe('sam@example.org');
      expect((await signIn(url(), 'sam@example.org', PASSWORD)).status).toBe(200);
      // The same request from Rebound's own page goes through.
      const own = await post(
        '/api/v1/applications',
        { 'content-type': 'application/json', origin: url() },
        json,
      );
      expect(own.status).toBe(201);
      await call(url(), s, `/api/v1/applications/${(await own.json()).id}`, { method: 'DELETE' });
    });

    describe('fetching a job page', () => {
      let target: Server;
      let hits = 0;
      let page = '';
      beforeAll(async () => {
        target = createServer((_req, res) => {
          hits++;
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            `<html><head><title>Platform Engineer at Fabrikam</title><script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 'Platform Engineer', hiringOrganization: { name: 'Fabrikam' } })}</script></head></html>`,
          );
        });
        await new Promise<void>((done) => target.listen(0, '127.0.0.1', done));
        const address = target.address();
        page = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/job`;
      });
      afterAll(() => new Promise<void>((done) => target.close(() => done())));

      it('reaches a private address on a local server when the setting allows it', async () => {
        const local = await startTestServer({ database });
        try {
          const headers = { 'content-type': 'application/json' };
          await fetch(`${local.url}/api/v1/settings`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ fetchLocalAddresses: true }),
          });
          const res = await fetch(`${local.url}/api/v1/imports/job-page`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ url: page }),
          });
          expect(res.status).toBe(200);
          expect((await res.json()).fields.company).toBe('Fabrikam');
          expect(hits).toBe(1);
        } finally {
          await local.close();
        }
      });

      it('never reaches a private address on a hosted server, whatever the setting says', async () => {
        const s = await session(seeker);
        const setting = await call(url(), s, '/api/v1/settings', {
          method: 'PATCH',
          body: { fetchLocalAddresses: true },
        });
        expect(setting.body.fetchLocalAddresses).toBe(true);
        hits = 0;
        for (const address of [
          page,
          page.replace('127.0.0.1', 'localhost'),
          page.replace('127.0.0.1', '[::1]'),
        ]) {
          const res = await call(url(), s, '/api/v1/imports/job-page', {
            method: 'POST',
            body: { url: address },
          });
          expect(res.status, address).toBeGreaterThanOrEqual(400);
          expect(res.body.error.code).toBe('fetch_failed');
        }
        expect(hits).toBe(0);
      });
    });

    it('takes an invitation once, for the invited address, until it expires', async () => {
      later(DAY);
      const a = await session(admin);
      const made = await call(url(), a, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'Robin@Example.org', role: 'coach' },
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        email: 'robin@example.org',
        role: 'coach',
        emailed: false,
        status: 'pending',
      });
      const link = new URL(made.body.link);
      expect(link.pathname).toBe('/sign-up');
      const token = link.searchParams.get('invitation')!;

      const shown = await call(url(), null, `/api/v1/auth/invitations/${encodeURIComponent(token)}`);
      expect(shown.body).toEqual({
        email: 'robin@example.org',
        role: 'coach',
        invitedByName: 'Ada',
        expiresAt: made.body.expiresAt,
      });
      const body = { password: PASSWORD, name: 'Robin', invitation: token };
      const wrongEmail = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { ...body, email: 'someone.else@example.org' },
      });
      expect(wrongEmail.status).toBe(403);
      expect(wrongEmail.body.error.message).toMatch(/for robin@example.org/);
      const robin = await signUp(url(), { email: 'robin@example.org', name: 'Robin', invitation: token });
      expect((await call(url(), robin, '/api/v1/me')).body.user.role).toBe('coach');
      const twice = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { ...body, email: 'robin@example.org' },
      });
      expect(twice.status).toBe(403);
      expect(twice.body.error.message).toMatch(/already used/);
      expect((await call(url(), null, `/api/v1/auth/invitations/${token}`)).status).toBe(404);

      const late = await call(url(), a, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'late@example.org', role: 'seeker' },
      });
      const lateToken = new URL(late.body.link).searchParams.get('invitation')!;
      later(15 * DAY);
      const expiredLookup = await call(url(), null, `/api/v1/auth/invitations/${lateToken}`);
      expect(expiredLookup.status).toBe(404);
      expect(expiredLookup.body.error.message).toMatch(/expired/);
      const expired = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { email: 'late@example.org', password: PASSWORD, name: 'Late', invitation: lateToken },
      });
      expect(expired.status).toBe(403);
      expect(expired.body.error.message).toMatch(/expired/);

      const b = await session(admin);
      const statuses = Object.fromEntries(
        (await call(url(), b, '/api/v1/invitations')).body.items.map(
          (i: { email: string; status: string }) => [i.email, i.status],
        ),
      );
      expect(statuses).toMatchObject({ 'robin@example.org': 'accepted', 'late@example.org': 'expired' });
      const exists = await call(url(), b, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'sam@example.org', role: 'coach' },
      });
      expect(exists.status).toBe(409);
    });

    it('replaces a pending invitation for the same address, and refuses an address with an account', async () => {
      later(DAY);
      const a = await session(admin);
      const invite = async (role: string) => {
        const res = await call(url(), a, '/api/v1/invitations', {
          method: 'POST',
          body: { email: 'jo@example.org', role },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return new URL(res.body.link).searchParams.get('invitation')!;
      };
      const first = await invite('seeker');
      const second = await invite('coach');
      const pending = (await call(url(), a, '/api/v1/invitations')).body.items.filter(
        (i: { email: string }) => i.email === 'jo@example.org',
      );
      expect(pending.map((i: { role: string; status: string }) => [i.role, i.status])).toEqual([
        ['coach', 'pending'],
      ]);
      // The old link no longer works; the new one does, for the role last chosen.
      expect((await call(url(), null, `/api/v1/auth/invitations/${first}`)).status).toBe(404);
      expect((await call(url(), null, `/api/v1/auth/invitations/${second}`)).body.role).toBe('coach');
      const jo = await signUp(url(), { email: 'jo@example.org', name: 'Jo', invitation: second });
      expect((await call(url(), jo, '/api/v1/me')).body.user.role).toBe('coach');
      expect(
        (await call(url(), a, '/api/v1/invitations')).body.items
          .filter((i: { email: string }) => i.email === 'jo@example.org')
          .map((i: { status: string }) => i.status),
      ).toEqual(['accepted']);

      // Someone who joined without a link (open sign-up) leaves no pending link behind.
      const third = await call(url(), a, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'lee@example.org', role: 'coach' },
      });
      await signUp(url(), { email: 'lee@example.org', name: 'Lee' });
      const thirdToken = new URL(third.body.link).searchParams.get('invitation')!;
      expect((await call(url(), null, `/api/v1/auth/invitations/${thirdToken}`)).status).toBe(404);
      expect(
        (await call(url(), a, '/api/v1/invitations')).body.items.some(
          (i: { email: string }) => i.email === 'lee@example.org',
        ),
      ).toBe(false);

      const again = await call(url(), a, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'jo@example.org', role: 'seeker' },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/jo@example.org already has an account/);
      expect(again.body.error.details).toEqual([{ path: 'email', message: 'already has an account' }]);
    });

    it('lets a coach invite job seekers only, a seeker nobody, and withdraws an invitation', async () => {
      later(DAY);
      const c = await session(coach);
      const s = await session(seeker);
      const invited = await call(url(), c, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'client@example.org', role: 'seeker' },
      });
      expect(invited.status).toBe(201);
      for (const role of ['coach', 'admin', 'analyst']) {
        const res = await call(url(), c, '/api/v1/invitations', {
          method: 'POST',
          body: { email: 'x@example.org', role },
        });
        expect(res.status, role).toBe(403);
      }
      const bySeeker = await call(url(), s, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'x@example.org', role: 'seeker' },
      });
      expect(bySeeker.status).toBe(403);
      expect(
        (await call(url(), c, '/api/v1/invitations')).body.items.map((i: { email: string }) => i.email),
      ).toEqual(['client@example.org']);
      expect(
        (await call(url(), s, `/api/v1/invitations/${invited.body.id}`, { method: 'DELETE' })).status,
      ).toBe(404);
      expect(
        (await call(url(), c, `/api/v1/invitations/${invited.body.id}`, { method: 'DELETE' })).status,
      ).toBe(204);
      const token = new URL(invited.body.link).searchParams.get('invitation')!;
      expect((await call(url(), null, `/api/v1/auth/invitations/${token}`)).status).toBe(404);
    });

    it('resets a password with a link that works once and expires', async () => {
      later(DAY);
      const rex = await signUp(url(), { email: 'rex@example.org', name: 'Rex' });
      const before = await session(rex);
      // The same answer whether or not the address has an account.
      for (const email of ['rex@example.org', 'nobody@example.org']) {
        const res = await call(url(), null, '/api/v1/auth/password-reset', {
          method: 'POST',
          body: { email },
        });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true });
      }
      // No SMTP here: the admin makes the link and passes it on.
      const a = await session(admin);
      const made = await call(url(), a, `/api/v1/admin/users/${rex.userId}/password-reset`, {
        method: 'POST',
      });
      expect(made.body.emailed).toBe(false);
      const link = new URL(made.body.link);
      expect(link.pathname).toBe('/reset-password');
      const token = link.searchParams.get('token')!;

      const done = await call(url(), null, '/api/v1/auth/password-reset/complete', {
        method: 'POST',
        body: { token, password: 'rex has a new one' },
      });
      expect(done.status).toBe(200);
      expect(done.body.user.email).toBe('rex@example.org');
      expect(done.headers.getSetCookie().some((c) => c.startsWith('rebound_session=rbs_'))).toBe(true);
      expect((await call(url(), before, '/api/v1/applications')).status).toBe(401);
      const again = await call(url(), null, '/api/v1/auth/password-reset/complete', {
        method: 'POST',
        body: { token, password: 'attacker picks this' },
      });
      expect(again.status).toBe(400);
      expect(again.body.error.message).toMatch(/already used/);
      expect((await signIn(url(), 'rex@example.org', 'rex has a new one')).status).toBe(200);

      const second = await call(url(), a, `/api/v1/admin/users/${rex.userId}/password-reset`, {
        method: 'POST',
      });
      later(61 * MINUTE);
      const expired = await call(url(), null, '/api/v1/auth/password-reset/complete', {
        method: 'POST',
        body: { token: new URL(second.body.link).searchParams.get('token'), password: 'too late for this' },
      });
      expect(expired.status).toBe(400);
      expect(expired.body.error.message).toMatch(/expired/);
      expect((await signIn(url(), 'rex@example.org', 'rex has a new one')).status).toBe(200);
    });

    it('refuses the admin routes to everyone but an admin, and changes nothing', async () => {
      later(DAY);
      const callers = [await session(seeker), await session(coach)];
      const requests: [string, string, unknown?][] = [
        ['GET', '/api/v1/admin/settings'],
        ['PATCH', '/api/v1/admin/settings', { openSignup: false }],
        ['GET', '/api/v1/admin/users'],
        ['PATCH', `/api/v1/admin/users/${admin.userId}`, { role: 'seeker' }],
        ['POST', `/api/v1/admin/users/${admin.userId}/password-reset`],
      ];
      for (const caller of callers) {
        const self: [string, string, unknown?] = [
          'PATCH',
          `/api/v1/admin/users/${caller.userId}`,
          { role: 'admin' },
        ];
        for (const [method, path, body] of [...requests, self]) {
          const res = await call(url(), caller, path, { method, body });
          expect(res.status, `${caller.email} ${method} ${path}`).toBe(403);
          const anonymous = await call(url(), null, path, { method, body });
          expect(anonymous.status, `anonymous ${method} ${path}`).toBe(401);
        }
      }
      const a = await session(admin);
      expect((await call(url(), a, '/api/v1/admin/settings')).body.openSignup).toBe(true);
      const roles = Object.fromEntries(
        (await call(url(), a, '/api/v1/admin/users')).body.items.map((u: { email: string; role: string }) => [
          u.email,
          u.role,
        ]),
      );
      expect(roles).toMatchObject({
        'ada@example.org': 'admin',
        'sam@example.org': 'seeker',
        'casey@example.org': 'coach',
      });
      const lastAdmin = await call(url(), a, `/api/v1/admin/users/${admin.userId}`, {
        method: 'PATCH',
        body: { role: 'seeker' },
      });
      expect(lastAdmin.status).toBe(409);
      expect(lastAdmin.body.error.message).toMatch(/only admin/);
    });

    it('serves each person their own calendar at a secret address, until they replace it', async () => {
      later(DAY);
      const s = await session(seeker);
      const made = await call(url(), s, '/api/v1/applications', {
        method: 'POST',
        body: { company: 'Calendarco', role: 'Analyst' },
      });
      const day = new Date(now + 3 * DAY).toISOString().slice(0, 10);
      await call(url(), s, `/api/v1/applications/${made.body.id}/rounds`, {
        method: 'POST',
        body: { kind: 'phone', scheduledAt: day, startTime: '14:30' },
      });
      const path = (await call(url(), s, '/api/v1/me')).body.calendarPath;
      expect(path).toMatch(/^\/api\/v1\/calendar\/[\w-]{40,}\.ics$/);
      const feed = await call(url(), null, path);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      expect(feed.body).toContain('Calendarco');
      const theirs = (await call(url(), await session(coach), '/api/v1/me')).body.calendarPath;
      expect((await call(url(), null, theirs)).body).not.toContain('Calendarco');

      const rotated = await call(url(), s, '/api/v1/auth/calendar-secret', { method: 'POST' });
      expect(rotated.body.calendarPath).not.toBe(path);
      expect((await call(url(), null, path)).status).toBe(404);
      expect((await call(url(), null, rotated.body.calendarPath)).body).toContain('Calendarco');
      expect((await call(url(), null, '/api/v1/calendar/not-a-secret.ics')).status).toBe(404);
    });

    it('invites a coach who has no account when a seeker shares with them', async () => {
      later(DAY);
      const s = await session(seeker);
      const shared = await call(url(), s, '/api/v1/shares', {
        method: 'POST',
        body: { coachEmail: 'new.coach@example.org', scopes: ['applications'] },
      });
      expect(shared.status).toBe(201);
      expect(shared.body.invitationEmailed).toBe(false);
      const token = new URL(shared.body.invitationLink).searchParams.get('invitation')!;
      const known = await call(url(), s, '/api/v1/shares', {
        method: 'POST',
        body: { coachEmail: 'casey@example.org', scopes: ['goals'] },
      });
      expect(known.body.invitationLink).toBeNull();

      const shown = await call(url(), null, `/api/v1/auth/invitations/${token}`);
      expect(shown.body).toMatchObject({
        email: 'new.coach@example.org',
        role: 'coach',
        invitedByName: 'Sam',
      });
      const newCoach = await signUp(url(), {
        email: 'new.coach@example.org',
        name: 'Noor',
        invitation: token,
      });
      const me = (await call(url(), newCoach, '/api/v1/me')).body;
      expect(me.user.role).toBe('coach');
      expect(me.sharedWithMe.map((w: { name: string }) => w.name)).toEqual(['Sam']);
    });

    describe("another person's invitation", () => {
      /** The token of an invitation's sign-up link. */
      const tokenOf = (link: string) => new URL(link).searchParams.get('invitation')!;
      const invite = (who: Caller, email: string, role: string) =>
        call(url(), who, '/api/v1/invitations', { method: 'POST', body: { email, role } });
      const share = (who: Caller, coachEmail: string) =>
        call(url(), who, '/api/v1/shares', {
          method: 'POST',
          body: { coachEmail, scopes: ['applications'] },
        });
      /** What the sign-up page shows for a link: its role, or its refusal. */
      const lookup = async (token: string) => {
        const res = await call(url(), null, `/api/v1/auth/invitations/${encodeURIComponent(token)}`);
        return res.status === 200 ? res.body.role : res.status;
      };
      const pendingFor = async (who: Caller, email: string) =>
        (await call(url(), who, '/api/v1/invitations')).body.items
          .filter((i: { email: string; status: string }) => i.email === email && i.status === 'pending')
          .map((i: { role: string; invitedByName: string }) => `${i.role} from ${i.invitedByName}`);

      it('stays working when a seeker shares with the address or a coach invites it, and the coach is told why', async () => {
        later(DAY);
        const a = await session(admin);
        const c = await session(coach);
        const s = await session(seeker);
        const made = await invite(a, 'cleo@example.org', 'admin');
        expect(made.status).toBe(201);
        const adminToken = tokenOf(made.body.link);

        // The seeker's share leaves the admin's invitation alone and says one is on its way.
        const shared = await share(s, 'cleo@example.org');
        expect(shared.status, JSON.stringify(shared.body)).toBe(201);
        expect(shared.body).toMatchObject({
          invitationLink: null,
          invitationEmailed: false,
          pendingInvitation: { role: 'admin', expiresAt: made.body.expiresAt },
        });

        // The coach is refused, naming the field, the inviter and the end; no link or token leaks.
        const refused = await invite(c, 'cleo@example.org', 'seeker');
        expect(refused.status).toBe(409);
        const until = formatDay(made.body.expiresAt.slice(0, 10));
        expect(refused.body.error.code).toBe('conflict');
        expect(refused.body.error.message).toBe(
          `cleo@example.org already has an invitation from Ada (an admin), valid until ${until}.`,
        );
        expect(refused.body.error.details).toEqual([
          { path: 'email', message: `already has an invitation from Ada (an admin), valid until ${until}` },
        ]);
        expect(JSON.stringify(refused.body)).not.toMatch(/rbi_|invitation=/);
        expect(await pendingFor(c, 'cleo@example.org')).toEqual([]);

        // The admin's link still works, for the role the admin chose, and the share reaches Cleo.
        expect(await pendingFor(a, 'cleo@example.org')).toEqual(['admin from Ada']);
        expect(await lookup(adminToken)).toBe('admin');
        const cleo = await signUp(url(), { email: 'cleo@example.org', name: 'Cleo', invitation: adminToken });
        const me = (await call(url(), cleo, '/api/v1/me')).body;
        expect(me.user.role).toBe('admin');
        expect(me.sharedWithMe.map((w: { name: string }) => w.name)).toEqual(['Sam']);
      });

      it('lets the same inviter replace their own invitation, and no one else', async () => {
        later(DAY);
        const c = await session(coach);
        const s = await session(seeker);
        // The seeker's share invites Dana; the coach may not replace that, the seeker may.
        const first = await share(s, 'dana@example.org');
        const refused = await invite(c, 'dana@example.org', 'seeker');
        expect(refused.status).toBe(409);
        expect(refused.body.error.message).toMatch(
          /^dana@example.org already has an invitation from someone else on this server, valid until \d+ \w{3} \d{4}\.$/,
        );
        expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['email']);
        // Who shares with whom is the seeker's to tell: the coach is not told it was Sam.
        expect(JSON.stringify(refused.body)).not.toContain('Sam');
        expect(await lookup(tokenOf(first.body.invitationLink))).toBe('coach');
        const again = await share(s, 'dana@example.org');
        expect(again.body.pendingInvitation).toBeNull();
        expect(await lookup(tokenOf(first.body.invitationLink))).toBe(404);
        expect(await lookup(tokenOf(again.body.invitationLink))).toBe('coach');

        // The coach invites Eli; a seeker's share then leaves it, and the coach's second replaces it.
        const mine = await invite(c, 'eli@example.org', 'seeker');
        const told = await share(s, 'eli@example.org');
        expect(told.body).toMatchObject({ invitationLink: null, pendingInvitation: { role: 'seeker' } });
        expect(await lookup(tokenOf(mine.body.link))).toBe('seeker');
        const mineAgain = await invite(c, 'eli@example.org', 'seeker');
        expect(mineAgain.status, JSON.stringify(mineAgain.body)).toBe(201);
        expect(await lookup(tokenOf(mine.body.link))).toBe(404);
        expect(await lookup(tokenOf(mineAgain.body.link))).toBe('seeker');
        expect(await pendingFor(c, 'eli@example.org')).toEqual(['seeker from Casey']);
      });

      it("lets an admin replace anyone's invitation, and the admin's then stands", async () => {
        later(DAY);
        const a = await session(admin);
        const c = await session(coach);
        const s = await session(seeker);
        const byCoach = await invite(c, 'fay@example.org', 'seeker');
        const bySeeker = await share(s, 'gus@example.org');
        for (const [email, old] of [
          ['fay@example.org', byCoach.body.link],
          ['gus@example.org', bySeeker.body.invitationLink],
        ] as const) {
          const replaced = await invite(a, email, 'coach');
          expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
          expect(await lookup(tokenOf(old))).toBe(404);
          expect(await pendingFor(a, email)).toEqual(['coach from Ada']);
          // Neither the coach nor the seeker can take it back by inviting again.
          expect((await invite(c, email, 'seeker')).status).toBe(409);
          expect((await share(s, email)).body.pendingInvitation).toMatchObject({ role: 'coach' });
          expect(await lookup(tokenOf(replaced.body.link))).toBe('coach');
        }
        expect(await pendingFor(c, 'fay@example.org')).toEqual([]);
      });

      it('lets a seeker-role invitation stand: the person joins as a seeker and still reads the share', async () => {
        later(DAY);
        const c = await session(coach);
        const s = await session(seeker);
        const made = await invite(c, 'hana@example.org', 'seeker');
        const shared = await share(s, 'hana@example.org');
        expect(shared.body).toMatchObject({
          invitationLink: null,
          pendingInvitation: { role: 'seeker', expiresAt: made.body.expiresAt },
        });
        const hana = await signUp(url(), {
          email: 'hana@example.org',
          name: 'Hana',
          invitation: tokenOf(made.body.link),
        });
        const me = (await call(url(), hana, '/api/v1/me')).body;
        expect(me.user.role).toBe('seeker');
        expect(me.sharedWithMe.map((w: { name: string }) => w.name)).toEqual(['Sam']);
        const read = await call(url(), hana, '/api/v1/applications', { workspace: seeker.workspaceId });
        expect(read.status, JSON.stringify(read.body)).toBe(200);

        // An analyst's invitation stands too, and the seeker is told its role: an analyst reads
        // nothing shared with them (the share form says so and suggests asking the admin).
        const a = await session(admin);
        const asAnalyst = await invite(a, 'ana@example.org', 'analyst');
        const toAnalyst = await share(s, 'ana@example.org');
        expect(toAnalyst.body).toMatchObject({
          invitationLink: null,
          pendingInvitation: { role: 'analyst' },
        });
        const ana = await signUp(url(), {
          email: 'ana@example.org',
          name: 'Ana',
          invitation: tokenOf(asAnalyst.body.link),
        });
        expect(
          (await call(url(), ana, '/api/v1/applications', { workspace: seeker.workspaceId })).status,
        ).toBe(403);

        // Someone else's invitation that has expired no longer stands in the way.
        const old = await invite(c, 'ivo@example.org', 'seeker');
        later(15 * DAY);
        const s2 = await session(seeker);
        const fresh = await share(s2, 'ivo@example.org');
        expect(fresh.body.pendingInvitation).toBeNull();
        expect(await lookup(tokenOf(fresh.body.invitationLink))).toBe('coach');
        expect(await lookup(tokenOf(old.body.link))).toBe(404);
      });
    });
  });
}
