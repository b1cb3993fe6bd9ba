import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, openPostgresServer, PG_URL } from '../../test/support/databases.ts';
import { signUp } from '../services/accounts/accounts.ts';
import { createMailer } from '../services/accounts/mail.ts';
import { fixedClock, type ServiceContext } from '../services/context.ts';
import { sendReminder } from '../services/reminders.ts';
import { loadSampleData } from '../services/sample-data.ts';
import { updateSettings } from '../services/settings.ts';
import { writeInstanceSetting } from '../store/accounts-repository.ts';
import type { Store } from '../store/connect.ts';
import { type JobRunner, startJobs } from './jobs.ts';

/**
 * Reminder e-mails as jobs in PostgreSQL, with two runners (as two server processes would have)
 * on one database and a real SMTP server: each person due gets exactly one e-mail.
 * Needs a PostgreSQL server (pg-boss does not run on PGlite); CI requires one.
 */

interface Received {
  to: string;
  body: string;
}

describe('reminder e-mails as PostgreSQL jobs', () => {
  let store: Store | undefined;
  let smtp: SMTPServer;
  let port = 0;
  const received: Received[] = [];
  const runners: JobRunner[] = [];
  const bossSchema = `pgboss_${process.pid}_${Date.now().toString(36)}`;
  // 08:20 UTC: the reminder hour in London and UTC, not in Paris (09:20) or New York (03:20).
  const clock = fixedClock(new Date('2026-11-27T08:20:00Z'));

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let body = '';
        stream.on('data', (c) => {
          body += c;
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          done();
        });
      },
    });
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
    port = (smtp.server.address() as { port: number }).port;
    store = await openPostgresServer();
  }, 120_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await new Promise<void>((done) => smtp.close(() => done()));
    if (store) {
      await dropSchema(bossSchema);
      await store.close();
    }
  }, 60_000);

  it('sends each person due one e-mail, whichever process runs the job and however often', async (ctx) => {
    if (!store) return ctx.skip();
    const accounts = { db: store.db, clock };
    const person = async (email: string, zone: string, options: { reminders: boolean; sample: boolean }) => {
      const user = await signUp(accounts, {
        email,
        password: 'correct horse battery',
        name: email.split('@')[0]!,
      });
      const wctx: ServiceContext = { db: store!.db, clock, workspaceId: user.workspace_id, timeZone: zone };
      await updateSettings(wctx, { timeZone: zone, reminderEmails: options.reminders });
      if (options.sample) await loadSampleData(wctx);
      return user;
    };
    await person('admin@example.org', 'UTC', { reminders: false, sample: false });
    await writeInstanceSetting(store.db, 'openSignup', true);
    await person('utc@example.org', 'UTC', { reminders: true, sample: true });
    await person('london@example.org', 'Europe/London', { reminders: true, sample: true });
    await person('paris@example.org', 'Europe/Paris', { reminders: true, sample: true });
    await person('off@example.org', 'UTC', { reminders: false, sample: true });
    await person('empty@example.org', 'UTC', { reminders: true, sample: false });

    const send = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Rebound <rebound@example.org>',
      publicUrl: 'https://rebound.example.org',
    })!;
    for (let i = 0; i < 2; i++) {
      // The first argument's search_path does not matter to pg-boss: it keeps its own schema.
      runners.push(
        await startJobs({
          connectionString: PG_URL,
          schema: bossSchema,
          accounts,
          send,
          appUrl: 'https://rebound.example.org/',
        }),
      );
    }
    // Each runner queues two sweeps, as overlapping schedules or restarts might.
    for (const r of runners) {
      await r.sweepNow();
      await r.sweepNow();
    }
    await expect.poll(async () => runners[0]!.pending(), { timeout: 60_000, interval: 250 }).toBe(0);

    expect(received.map((r) => r.to).sort()).toEqual(['london@example.org', 'utc@example.org']);
    const { default: PostalMime } = await import('postal-mime');
    const mail = await PostalMime.parse(received.find((r) => r.to === 'utc@example.org')!.body);
    expect(mail.subject).toMatch(/^Rebound: \d+ things? for today$/);
    expect(mail.text).toContain('Good morning utc,');
    expect(mail.text).toContain('Open Today: https://rebound.example.org/');

    // Run again by hand for the same day: recorded, so nothing more is sent.
    const utc = await store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'utc@example.org')
      .executeTakeFirstOrThrow();
    expect(await sendReminder(accounts, { userId: utc.id, day: '2026-11-27' }, send, 'x')).toBe(
      'already_sent',
    );
    expect(received).toHaveLength(2);
  }, 180_000);
});
