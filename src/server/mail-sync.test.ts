import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { appendMessages, startDovecot, type TestImapServer } from '../../test/support/dovecot.ts';
import { createTestApplication } from '../../test/support/factories.ts';
import { hasTool } from '../../test/support/tools.ts';
import { keyFileSecretBox } from '../io/secret-box.ts';
import { newId } from '../services/context.ts';
import { timerScheduler } from '../services/mail-sync/scheduler.ts';
import { insertMailMessages } from '../store/imports-repository.ts';
import { buildServer } from './app.ts';

const headers = { host: 'localhost:4477', 'x-rebound': '1' };
const interview = (company: string, n: number) =>
  [
    `From: "${company} Recruiting" <talent@${company.toLowerCase()}.com>`,
    'To: kim@example.com',
    `Subject: Interview invitation from ${company}`,
    `Message-ID: <http-${company}-${n}@mail.example>`,
    'Date: Wed, 11 Nov 2026 10:00:00 +0000',
    '',
    `We would like to invite you to an interview for the role at ${company}. Please share your availability for next week.`,
    '',
  ].join('\r\n');

/** A queued e-mail as an import leaves it when it is not sure enough to act (the real storage). */
async function queue(t: TestContext, applicationId: string | null, subject: string): Promise<string> {
  const id = newId();
  const now = t.ctx.clock.now().toISOString();
  await insertMailMessages(t.ctx.db, t.ctx.workspaceId, [
    {
      id,
      messageKey: `key-${id}`,
      fromAddress: 'talent@example.com',
      fromName: null,
      subject,
      sentAt: now,
      excerpt: subject,
      kind: 'rejection',
      confidence: 0.6,
      evidence: [],
      matchReasons: [],
      applicationId,
      matchScore: applicationId ? 0.5 : null,
      status: 'pending',
      action: 'not sure which application (match 0.50)',
      createdAt: now,
      updatedAt: now,
    },
  ]);
  return id;
}

describe('the review queue in batches', () => {
  for (const database of databases) {
    it(`records several e-mails at once and says which could not be, on ${database.name}`, async () => {
      const t = await openTestContext(database, new Date('2026-11-12T10:00:00Z'));
      const app = await buildServer({ context: t.ctx, webRoot: null });
      const batch = (ids: string[], action: string) =>
        app.inject({ method: 'POST', url: '/api/v1/mail/review/batch', headers, payload: { ids, action } });
      try {
        const a = await createTestApplication(t.ctx, { company: 'Adatum', role: 'Engineer' });
        const b = await createTestApplication(t.ctx, { company: 'Litware', role: 'Analyst' });
        const ids = [
          await queue(t, a.id, 'Your application to Adatum'),
          await queue(t, b.id, 'Your application to Litware'),
          await queue(t, null, 'An update on your application'),
        ];
        const res = await batch(ids, 'apply');
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.done.map((m: { subject: string; status: string }) => [m.subject, m.status])).toEqual([
          ['Your application to Adatum', 'applied'],
          ['Your application to Litware', 'applied'],
        ]);
        expect(body.failed).toEqual([
          { id: ids[2], message: expect.stringContaining('applicationId: required') },
        ]);
        for (const id of [a.id, b.id]) {
          const shown = (await app.inject({ url: `/api/v1/applications/${id}`, headers })).json();
          expect(shown.outcome).toBe('rejected');
        }

        const dismissed = await batch([ids[2]!, 'nope'], 'dismiss');
        expect(dismissed.json().done).toHaveLength(1);
        expect(dismissed.json().failed).toEqual([
          { id: 'nope', message: 'No e-mail with id nope in the review queue.' },
        ]);
        expect((await app.inject({ url: '/api/v1/mail/review', headers })).json().items).toEqual([]);
        expect((await batch([], 'apply')).json().error.message).toContain('ids: choose at least one e-mail');
      } finally {
        await app.close();
        await t.close();
      }
    });
  }
});

describe.skipIf(!hasTool('dovecot'))('mail sync over HTTP', () => {
  let imap: TestImapServer;
  let t: TestContext;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let keyDir: string;
  const user = { name: 'kim', password: 'kims-app-password' };
  beforeAll(async () => {
    imap = await startDovecot({ [user.name]: user.password });
    t = await openTestContext(databases[0]!, new Date('2026-11-12T10:00:00Z'));
    keyDir = mkdtempSync(join(tmpdir(), 'rebound-key-'));
    app = await buildServer({
      context: t.ctx,
      webRoot: null,
      secrets: keyFileSecretBox(join(keyDir, 'rebound-secret.key')),
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
    await imap?.close();
    rmSync(keyDir, { recursive: true, force: true });
  });
  const account = (secret: string) => ({
    host: '127.0.0.1',
    port: imap.port,
    security: 'plain',
    username: user.name,
    secret,
    folders: ['INBOX'],
  });

  it('says plainly when there is no account, a plain connection leaves this computer, or the password is wrong', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/v1/mail/sync', headers });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toMatch(/^No mail account is saved yet/);

    const plain = await app.inject({
      method: 'PUT',
      url: '/api/v1/mail/account',
      headers,
      payload: { ...account('x'), host: 'imap.example.com' },
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.details).toEqual([
      { path: 'security', message: expect.stringContaining('use imaps://imap.example.com') },
    ]);

    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/v1/mail/account',
      headers,
      payload: account('nope'),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('refused the user name or password');
    expect((await app.inject({ url: '/api/v1/mail/account', headers })).json().account).toBeNull();
  });

  it('saves the account, syncs with progress, and shows the last sync; the secret never comes back', async () => {
    await createTestApplication(t.ctx, { company: 'Wingtip', role: 'Designer' });
    await appendMessages(imap, user, 'INBOX', [interview('Wingtip', 1)]);
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/v1/mail/account',
      headers,
      payload: account(user.password),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(user.password);
    const sync = await app.inject({
      method: 'POST',
      url: '/api/v1/mail/sync',
      headers: { ...headers, 'x-progress-id': 'sync-http-1' },
    });
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json().counts).toMatchObject({ fetched: 1, alreadyImported: 0 });
    expect((await app.inject({ url: '/api/v1/imports/progress/sync-http-1', headers })).json()).toEqual({
      phase: 'done',
      done: 1,
      total: 1,
    });
    const again = await app.inject({ method: 'POST', url: '/api/v1/mail/sync', headers });
    expect(again.json().nothingNew).toBe(true);
    const shown = (await app.inject({ url: '/api/v1/mail/account', headers })).json();
    expect(shown.account).toMatchObject({
      address: `imap://kim@127.0.0.1:${imap.port}`,
      hasSecret: true,
      lastSync: { status: 'ok', error: null, counts: { fetched: 0 } },
      folderStates: [{ folder: 'INBOX', lastUid: 1, messages: 1 }],
    });
    expect(JSON.stringify(shown)).not.toContain(user.password);

    // Saving again without the password keeps the saved one; a folder that is not there is named.
    const kept = await app.inject({
      method: 'PUT',
      url: '/api/v1/mail/account',
      headers,
      payload: { ...account(user.password), secret: undefined, folders: ['INBOX', 'Jobs'] },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const missing = (await app.inject({ method: 'POST', url: '/api/v1/mail/sync', headers })).json();
    expect(missing.errors).toEqual([
      { folder: 'Jobs', message: expect.stringContaining('folder "Jobs" is not on') },
    ]);
  });

  it('syncs by itself on the schedule the account asks for, and stops when it is turned off', async () => {
    let tick: (() => void) | null = null;
    let every: number | null = null;
    const scheduled = await buildServer({
      context: t.ctx,
      webRoot: null,
      secrets: keyFileSecretBox(join(keyDir, 'rebound-secret.key')),
      mailScheduler: timerScheduler({
        setInterval: (fn, ms) => {
          tick = fn;
          every = ms;
          return 1;
        },
        clearInterval: () => {
          tick = null;
          every = null;
        },
      }),
    });
    try {
      // The server plans the saved account's schedule when it starts: off until asked.
      expect(tick).toBeNull();
      const on = await scheduled.inject({
        method: 'PATCH',
        url: '/api/v1/mail/account',
        headers,
        payload: { folders: ['INBOX'], scheduleMinutes: 15 },
      });
      expect(on.json().account.scheduleMinutes).toBe(15);
      expect(every).toBe(15 * 60_000);
      await appendMessages(imap, user, 'INBOX', [interview('Wingtip', 2)]);
      tick!();
      await expect
        .poll(
          async () =>
            (await scheduled.inject({ url: '/api/v1/mail/account', headers })).json().account.folderStates[0]
              .lastUid,
        )
        .toBe(2);
      await scheduled.inject({
        method: 'PATCH',
        url: '/api/v1/mail/account',
        headers,
        payload: { scheduleMinutes: null },
      });
      expect(tick).toBeNull();
    } finally {
      await scheduled.close();
    }
  });
});
