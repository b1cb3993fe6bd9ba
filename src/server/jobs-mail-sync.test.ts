import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, openPostgresServer, PG_URL } from '../../test/support/databases.ts';
import { appendMessages, startDovecot, type TestImapServer } from '../../test/support/dovecot.ts';
import { createTestApplication } from '../../test/support/factories.ts';
import { hasTool } from '../../test/support/tools.ts';
import { mailAccountInputSchema } from '../core/mail-sync/input.ts';
import { connectImap } from '../io/imap-client.ts';
import { keyFileSecretBox, SECRET_KEY_FILE } from '../io/secret-box.ts';
import { signUp } from '../services/accounts/accounts.ts';
import { getApplicationOrThrow } from '../services/applications.ts';
import { fixedClock, type ServiceContext } from '../services/context.ts';
import { listMailReview } from '../services/imports/mail-import.ts';
import { type Connect, mailAccountView, saveMailAccount } from '../services/mail-sync/account.ts';
import { writeInstanceSetting } from '../store/accounts-repository.ts';
import type { Store } from '../store/connect.ts';
import { type JobRunner, startJobs } from './jobs.ts';

/**
 * Scheduled mail sync on a hosted server, as PostgreSQL jobs: two runners (as two server
 * processes would have) on one database, a real Dovecot with one mailbox per person. Each
 * person's saved account syncs into their own workspace when its interval is up, once however
 * often the sweep runs; an account without a schedule never syncs by itself.
 * Needs PostgreSQL (pg-boss does not run on PGlite) and Dovecot; CI requires both.
 */

let counter = 0;
function message(from: string, subject: string, body: string): string {
  counter += 1;
  return [
    `From: ${from}`,
    'To: me@example.com',
    `Subject: ${subject}`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0000',
    `Message-ID: <scheduled-${counter}.${Date.now()}@mail.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}
const rejection = (company: string) =>
  message(
    `"${company} Talent" <jobs@${company.toLowerCase()}.com>`,
    `Your application to ${company}`,
    `Thank you for applying to ${company}. Unfortunately we have decided not to move forward with your application at this time.`,
  );

describe.skipIf(!hasTool('dovecot'))('scheduled mail sync as PostgreSQL jobs', () => {
  let store: Store | undefined;
  let server: TestImapServer;
  let keyDir: string;
  const runners: JobRunner[] = [];
  const bossSchema = `pgboss_mail_${process.pid}_${Date.now().toString(36)}`;
  const clock = fixedClock(new Date('2026-11-23T10:00:00Z'));
  const mailboxes = {
    ana: { name: 'ana', password: 'ana-app-pass' },
    ben: { name: 'ben', password: 'ben-app-pass' },
    cai: { name: 'cai', password: 'cai-app-pass' },
  };
  // The Dovecot of the test listens on 127.0.0.1; a real hosted server refuses private addresses.
  const connect: Connect = (target) => connectImap(target, { allowPrivate: true });

  beforeAll(async () => {
    store = await openPostgresServer();
    if (!store) return;
    server = await startDovecot(
      Object.fromEntries(Object.values(mailboxes).map((m) => [m.name, m.password])),
    );
    keyDir = mkdtempSync(join(tmpdir(), 'rebound-key-'));
  }, 120_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await server?.close();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
    if (store) {
      await dropSchema(bossSchema);
      await store.close();
    }
  }, 60_000);

  it("syncs each person's account into their own workspace every N minutes, once per interval", async (ctx) => {
    if (!store) return ctx.skip();
    const db = store.db;
    const box = keyFileSecretBox(join(keyDir, SECRET_KEY_FILE));
    const accounts = { db, clock };
    await signUp(accounts, { email: 'admin@example.org', password: 'correct horse battery', name: 'Admin' });
    await writeInstanceSetting(db, 'openSignup', true);
    const person = async (mailbox: { name: string; password: string }, scheduleMinutes: number | null) => {
      const user = await signUp(accounts, {
        email: `${mailbox.name}@example.org`,
        password: 'correct horse battery',
        name: mailbox.name,
      });
      const wctx: ServiceContext = { db, clock, workspaceId: user.workspace_id, timeZone: 'UTC' };
      const { session } = await saveMailAccount(
        wctx,
        box,
        mailAccountInputSchema.parse({
          host: '127.0.0.1',
          port: server.port,
          security: 'plain',
          username: mailbox.name,
          secret: mailbox.password,
          folders: ['INBOX'],
          scheduleMinutes,
        }),
        connect,
      );
      await session.close();
      return wctx;
    };
    const ana = await person(mailboxes.ana, 15);
    const ben = await person(mailboxes.ben, 60);
    const cai = await person(mailboxes.cai, null);
    const anaApp = await createTestApplication(ana, { company: 'Northwind', role: 'Data Analyst' });
    const benApp = await createTestApplication(ben, { company: 'Fabrikam', role: 'SRE' });
    await appendMessages(server, mailboxes.ana, 'INBOX', [rejection('Northwind')]);
    await appendMessages(server, mailboxes.ben, 'INBOX', [rejection('Fabrikam')]);
    await appendMessages(server, mailboxes.cai, 'INBOX', [rejection('Contoso')]);

    for (let i = 0; i < 2; i++)
      runners.push(
        await startJobs({
          connectionString: PG_URL,
          schema: bossSchema,
          accounts,
          mailSync: { secrets: box, connect },
        }),
      );
    const sweepAndWait = async () => {
      // Both runners sweep twice, as overlapping schedules or restarts might.
      for (const r of runners) {
        await r.mailSweepNow();
        await r.mailSweepNow();
      }
      await expect.poll(async () => runners[0]!.pending(), { timeout: 60_000, interval: 250 }).toBe(0);
    };

    // Never synced: both scheduled accounts are due, each into its own workspace, once.
    await sweepAndWait();
    expect((await getApplicationOrThrow(ana, anaApp.id)).outcome).toBe('rejected');
    expect((await getApplicationOrThrow(ben, benApp.id)).outcome).toBe('rejected');
    expect((await listMailReview(ana, 'all')).map((m) => m.subject)).toEqual([
      'Your application to Northwind',
    ]);
    expect((await listMailReview(ben, 'all')).map((m) => m.subject)).toEqual([
      'Your application to Fabrikam',
    ]);
    // No schedule: nothing synced by itself.
    expect(await listMailReview(cai, 'all')).toEqual([]);
    expect((await mailAccountView(cai))!.lastSync).toBeNull();
    expect((await mailAccountView(ana))!.lastSync).toMatchObject({
      at: '2026-11-23T10:00:00.000Z',
      status: 'ok',
      counts: { fetched: 1, applied: 1 },
    });

    // New mail, 15 minutes later: Ana's account is due again, Ben's (hourly) is not.
    await appendMessages(server, mailboxes.ana, 'INBOX', [rejection('Globex')]);
    await appendMessages(server, mailboxes.ben, 'INBOX', [rejection('Initech')]);
    clock.set(new Date('2026-11-23T10:15:00Z'));
    await sweepAndWait();
    expect((await listMailReview(ana, 'all')).map((m) => m.subject).sort()).toEqual([
      'Your application to Globex',
      'Your application to Northwind',
    ]);
    expect(await listMailReview(ben, 'all')).toHaveLength(1);
    expect((await mailAccountView(ana))!.lastSync).toMatchObject({ at: '2026-11-23T10:15:00.000Z' });
    expect((await mailAccountView(ben))!.lastSync).toMatchObject({ at: '2026-11-23T10:00:00.000Z' });

    // An hour after Ben's last sync, his turn comes; Ana's nothing-new sync imports nothing twice.
    clock.set(new Date('2026-11-23T11:00:00Z'));
    await sweepAndWait();
    expect(await listMailReview(ben, 'all')).toHaveLength(2);
    expect(await listMailReview(ana, 'all')).toHaveLength(2);
    expect((await mailAccountView(ana))!.lastSync).toMatchObject({
      at: '2026-11-23T11:00:00.000Z',
      counts: { fetched: 0 },
    });
  }, 180_000);
});
