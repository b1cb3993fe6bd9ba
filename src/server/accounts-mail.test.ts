import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, signIn, signUp } from '../../test/support/hosted.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { startTestSmtp, type TestSmtp } from '../../test/support/smtp.ts';
import { RESETS_PER_HOUR } from '../services/accounts/password-reset.ts';
import { fixedClock } from '../services/context.ts';
import { buildServer } from './app.ts';

// Invitations and reset links by e-mail, through a real SMTP server started here (smtp-server),
// with a login: each message arrives, and its link works on the server.
const PUBLIC_URL = 'https://rebound.example.org';
const FROM = 'Rebound <team@rebound.example.org>';

/** The one link of a message that starts with the public address. */
function linkIn(text: string, path: string): URL {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}\\S+`).exec(text);
  expect(match, text).not.toBeNull();
  return new URL(match![0]);
}

for (const database of ['postgres', 'sqlite'] as const) {
  describe(`e-mailed invitations and reset links on ${database}`, () => {
    let smtp: TestSmtp;
    let server: TestServer;
    let admin: Caller;
    const url = () => server.url;

    beforeAll(async () => {
      smtp = await startTestSmtp();
      server = await startTestServer({
        database,
        hosted: true,
        now: new Date('2026-11-27T10:00:00Z'),
        server: { mail: { publicUrl: PUBLIC_URL, smtpUrl: smtp.url, from: FROM } },
      });
      admin = await signUp(url(), { email: 'ada@example.org', name: 'Ada Admin' });
    });
    afterAll(async () => {
      await server.close();
      await smtp.close();
    });

    it('says mail is set up, and e-mails an invitation whose link signs the person up', async () => {
      expect((await call(url(), admin, '/api/v1/admin/settings')).body).toMatchObject({
        mailConfigured: true,
        publicUrl: PUBLIC_URL,
      });
      const made = await call(url(), admin, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'casey@example.org', role: 'coach' },
      });
      expect(made.status).toBe(201);
      expect(made.body.emailed).toBe(true);
      expect(made.body.link).toMatch(/^https:\/\/rebound\.example\.org\/sign-up\?invitation=rbi_/);

      const mail = await smtp.next('casey@example.org');
      expect(mail).toMatchObject({ from: 'team@rebound.example.org', user: 'rebound' });
      expect(mail.subject).toBe('Ada Admin invited you to Rebound');
      expect(mail.text).toContain(
        'Ada Admin (ada@example.org) invited you to Rebound, a job-search tracker, as a coach.',
      );
      const link = linkIn(mail.text, '/sign-up');
      expect(link.href).toBe(made.body.link);
      const coach = await signUp(url(), {
        email: 'casey@example.org',
        name: 'Casey',
        invitation: link.searchParams.get('invitation')!,
      });
      expect((await call(url(), coach, '/api/v1/me')).body.user.role).toBe('coach');
    });

    it('e-mails a reset link to an address with an account only, and the link sets the password', async () => {
      const sam = await signUp(url(), {
        email: 'sam@example.org',
        name: 'Sam',
        invitation: new URL(
          (
            await call(url(), admin, '/api/v1/invitations', {
              method: 'POST',
              body: { email: 'sam@example.org', role: 'seeker' },
            })
          ).body.link,
        ).searchParams.get('invitation')!,
      });
      await smtp.next('sam@example.org'); // the invitation
      for (const email of ['nobody@example.org', 'sam@example.org']) {
        const res = await call(url(), null, '/api/v1/auth/password-reset', {
          method: 'POST',
          body: { email },
        });
        expect(res.body).toEqual({ ok: true });
      }
      const mail = await smtp.next('sam@example.org');
      expect(mail.subject).toBe('Reset your Rebound password');
      const link = linkIn(mail.text, '/reset-password');
      const done = await call(url(), null, '/api/v1/auth/password-reset/complete', {
        method: 'POST',
        body: { token: link.searchParams.get('token'), password: 'sam chose a new one' },
      });
      expect(done.status).toBe(200);
      expect((await call(url(), sam, '/api/v1/applications')).status).toBe(401);
      expect((await signIn(url(), 'sam@example.org', 'sam chose a new one')).status).toBe(200);
      expect(smtp.received.some((m) => m.to.includes('nobody@example.org'))).toBe(false);

      // Asking again and again makes at most RESETS_PER_HOUR links an hour.
      for (let i = 0; i < RESETS_PER_HOUR + 2; i++) {
        await call(url(), null, '/api/v1/auth/password-reset', {
          method: 'POST',
          body: { email: 'sam@example.org' },
        });
      }
      const links = await server.store.db
        .selectFrom('password_resets')
        .select('token_hash')
        .where('user_id', '=', sam.userId)
        .execute();
      expect(links).toHaveLength(RESETS_PER_HOUR);
      for (let i = 0; i < RESETS_PER_HOUR - 1; i++) await smtp.next('sam@example.org');
    });

    it("e-mails a coach with no account the seeker's invitation, and shows the link to no one", async () => {
      const res = await call(url(), null, '/api/v1/auth/sign-up', {
        method: 'POST',
        body: { email: 'x@example.org', password: 'correct horse battery', name: 'X' },
      });
      expect(res.status).toBe(403); // sign-up is by invitation here
      const seeker = await signIn(url(), 'sam@example.org', 'sam chose a new one');
      const shared = await call(
        url(),
        { email: 'sam@example.org', cookie: seeker.cookie, workspaceId: '', userId: '' },
        '/api/v1/shares',
        {
          method: 'POST',
          body: { coachEmail: 'noor@example.org', scopes: ['applications', 'goals'] },
        },
      );
      expect(shared.status).toBe(201);
      expect(shared.body).toMatchObject({ invitationEmailed: true, invitationLink: null });
      const mail = await smtp.next('noor@example.org');
      expect(mail.subject).toBe('Sam invited you to Rebound');
      expect(mail.text).toContain('Sam (sam@example.org) invited you to Rebound');
      expect(mail.text).toContain('as their coach: they chose to share parts of their job search with you');
      const noor = await signUp(url(), {
        email: 'noor@example.org',
        name: 'Noor',
        invitation: linkIn(mail.text, '/sign-up').searchParams.get('invitation')!,
      });
      const me = (await call(url(), noor, '/api/v1/me')).body;
      expect(me.user.role).toBe('coach');
      expect(me.sharedWithMe).toEqual([
        expect.objectContaining({ name: 'Sam', scopes: ['applications', 'goals'] }),
      ]);
    });

    it("e-mails an admin's reset link to the person, never to the admin", async () => {
      const users = (await call(url(), admin, '/api/v1/admin/users')).body.items;
      const casey = users.find((u: { email: string }) => u.email === 'casey@example.org');
      const made = await call(url(), admin, `/api/v1/admin/users/${casey.id}/password-reset`, {
        method: 'POST',
      });
      expect(made.body).toMatchObject({ emailed: true, link: null });
      const mail = await smtp.next('casey@example.org');
      expect(linkIn(mail.text, '/reset-password').searchParams.get('token')).toMatch(/^rbr_/);
    });

    it('falls back to a link to copy when the SMTP server cannot be reached', async () => {
      const dead = await startTestSmtp();
      const deadUrl = dead.url;
      await dead.close();
      const other = await buildServer({
        context: {
          db: server.store.db,
          workspaceId: '',
          clock: fixedClock(new Date('2026-11-27T10:00:00Z')),
          timeZone: 'UTC',
        },
        hosted: true,
        webRoot: null,
        mail: { publicUrl: PUBLIC_URL, smtpUrl: deadUrl, from: FROM },
      });
      try {
        const res = await other.inject({
          method: 'POST',
          url: '/api/v1/invitations',
          headers: { cookie: admin.cookie! },
          payload: { email: 'unreached@example.org', role: 'seeker' },
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ emailed: false, email: 'unreached@example.org' });
        expect(res.json().link).toMatch(/^https:\/\/rebound\.example\.org\/sign-up\?invitation=rbi_/);
      } finally {
        await other.close();
      }
    });
  });
}

describe('mail settings', () => {
  it('refuses SMTP without a public address, and a malformed one, naming the variable', async () => {
    const { checkMailSettings } = await import('../services/accounts/mail.ts');
    expect(() => checkMailSettings({ publicUrl: null, smtpUrl: 'smtp://h:25', from: null })).toThrow(
      /REBOUND_PUBLIC_URL: needed with REBOUND_SMTP_URL/,
    );
    expect(() => checkMailSettings({ publicUrl: 'rebound.example.org', smtpUrl: null, from: null })).toThrow(
      /REBOUND_PUBLIC_URL: must be the http\(s\) address/,
    );
    expect(() =>
      checkMailSettings({ publicUrl: 'https://x.example', smtpUrl: 'mail.example:25', from: null }),
    ).toThrow(/REBOUND_SMTP_URL/);
    expect(checkMailSettings({ publicUrl: 'https://x.example/', smtpUrl: null, from: null }).publicUrl).toBe(
      'https://x.example',
    );
  });
});
