import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import {
  appendMessages,
  recreateFolder,
  startDovecot,
  type TestImapServer,
} from '../../../test/support/dovecot.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import { hasTool } from '../../../test/support/tools.ts';
import { ReboundError } from '../../core/errors.ts';
import { mailAccountInputSchema } from '../../core/mail-sync/input.ts';
import { connectImap } from '../../io/imap-client.ts';
import { keyFileSecretBox, SECRET_KEY_FILE } from '../../io/secret-box.ts';
import { getApplicationOrThrow } from '../applications.ts';
import { listMailReview } from '../imports/mail-import.ts';
import { type Connect, mailAccountView } from './account.ts';
import { syncMail } from './sync.ts';

let counter = 0;
/** A realistic message; each gets its own Message-ID. */
export function mail(o: { from: string; subject: string; body: string; id?: string }): string {
  counter += 1;
  return [
    `From: ${o.from}`,
    'To: sam@example.com',
    `Subject: ${o.subject}`,
    'Date: Mon, 09 Nov 2026 09:00:00 +0000',
    `Message-ID: <${o.id ?? `m${counter}.${Date.now()}`}@mail.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    '',
  ].join('\r\n');
}

const rejection = (company: string, id?: string) =>
  mail({
    id,
    from: `"${company} Talent" <jobs@${company.toLowerCase()}.com>`,
    subject: `Your application to ${company}`,
    body: `Thank you for applying to ${company}. Unfortunately we have decided not to move forward with your application at this time. We wish you the best in your search.`,
  });
const newsletter = () =>
  mail({
    from: 'news@coffee.example',
    subject: 'This week: new blends',
    body: 'Our autumn blends are here. Order before Friday for free shipping.',
  });

describe.skipIf(!hasTool('dovecot'))('mail sync against a real IMAP server', () => {
  let server: TestImapServer;
  const users = Object.fromEntries(databases.map((d) => [`sam-${d.name}`, `app-pass-${d.name}`]));
  beforeAll(async () => {
    server = await startDovecot(users);
  }, 60_000);
  afterAll(async () => server?.close());

  for (const database of databases) {
    describe(`on ${database.name}`, () => {
      const user = { name: `sam-${database.name}`, password: `app-pass-${database.name}` };
      let t: TestContext;
      let keyDir: string;
      const box = () => keyFileSecretBox(join(keyDir, SECRET_KEY_FILE));
      const account = (overrides: Record<string, unknown> = {}) =>
        mailAccountInputSchema.parse({
          host: '127.0.0.1',
          port: server.port,
          security: 'plain',
          username: user.name,
          secret: user.password,
          folders: ['INBOX', 'Jobs'],
          ...overrides,
        });
      beforeAll(async () => {
        t = await openTestContext(database, new Date('2026-11-10T10:00:00Z'));
        keyDir = mkdtempSync(join(tmpdir(), 'rebound-key-'));
      });
      afterAll(async () => {
        await t.close();
        rmSync(keyDir, { recursive: true, force: true });
      });

      it('refuses a wrong password in plain words and writes nothing', async () => {
        await expect(
          syncMail(t.ctx, box(), { account: account({ secret: 'not-it' }) }),
        ).rejects.toMatchObject({
          code: 'mail_login_failed',
          message: expect.stringContaining('refused the user name or password'),
        });
        expect(await mailAccountView(t.ctx)).toBeNull();
        expect(await listMailReview(t.ctx, 'all')).toEqual([]);
      });

      it('imports new mail once: the first sync records it, the second does nothing', async () => {
        const northwind = await createTestApplication(t.ctx, { company: 'Northwind', role: 'Data Analyst' });
        await appendMessages(server, user, 'INBOX', [rejection('Northwind'), newsletter()]);
        await appendMessages(server, user, 'Jobs', []);
        const progress: string[] = [];
        const first = await syncMail(t.ctx, box(), {
          account: account(),
          onProgress: (p) => progress.push(`${p.folder} ${p.phase} ${p.done}/${p.total}`),
        });
        expect(first.counts).toMatchObject({ fetched: 2, applied: 1, dismissed: 1, alreadyImported: 0 });
        expect(first.nothingNew).toBe(false);
        expect(progress).toContain('INBOX importing 2/2');
        expect((await getApplicationOrThrow(t.ctx, northwind.id)).outcome).toBe('rejected');

        const second = await syncMail(t.ctx, box());
        expect(second.nothingNew).toBe(true);
        expect(second.counts.fetched).toBe(0);
        expect(await listMailReview(t.ctx, 'all')).toHaveLength(2);

        const view = (await mailAccountView(t.ctx))!;
        expect(view).toMatchObject({ hasSecret: true, folders: ['INBOX', 'Jobs'] });
        expect(view.lastSync).toMatchObject({ status: 'ok', counts: { fetched: 0 } });
        expect(view.folderStates.find((f) => f.folder === 'INBOX')).toMatchObject({
          lastUid: 2,
          messages: 2,
        });
      });

      it('keeps the password only encrypted, under a key file only its owner can read', async () => {
        const row = await t.store.db.selectFrom('mail_accounts').select('secret').executeTakeFirstOrThrow();
        expect(row.secret).toMatch(/^v1\./);
        expect(row.secret).not.toContain(user.password);
        expect(box().open(row.secret!, (await mailAccountView(t.ctx))!.id)).toBe(user.password);
        if (process.platform !== 'win32')
          expect(statSync(join(keyDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
        // Another data folder's key cannot read it.
        const other = mkdtempSync(join(tmpdir(), 'rebound-key-'));
        expect(() => keyFileSecretBox(join(other, SECRET_KEY_FILE)).open(row.secret!, 'x')).toThrow(
          /cannot be read/,
        );
        rmSync(other, { recursive: true, force: true });
      });

      it('imports only the message that arrived since the last sync', async () => {
        await createTestApplication(t.ctx, { company: 'Fabrikam', role: 'SRE' });
        await appendMessages(server, user, 'INBOX', [rejection('Fabrikam')]);
        const report = await syncMail(t.ctx, box());
        expect(report.counts).toMatchObject({ fetched: 1, applied: 1 });
        expect(report.items.map((i) => [i.folder, i.uid, i.status])).toEqual([['INBOX', 3, 'applied']]);
      });

      it('reads a renumbered folder (new UIDVALIDITY) again without acting twice', async () => {
        const contoso = await createTestApplication(t.ctx, { company: 'Contoso', role: 'Engineer' });
        const seen = rejection('Contoso', `contoso-1.${database.name}`);
        await appendMessages(server, user, 'Jobs', [seen]);
        expect((await syncMail(t.ctx, box())).counts).toMatchObject({ fetched: 1, applied: 1 });
        const before = (await mailAccountView(t.ctx))!.folderStates.find((f) => f.folder === 'Jobs')!;

        await recreateFolder(server, user, 'Jobs');
        await appendMessages(server, user, 'Jobs', [seen, newsletter()]);
        const report = await syncMail(t.ctx, box());
        const jobs = report.folders.find((f) => f.folder === 'Jobs')!;
        expect(jobs.restarted).toBe(true);
        expect(jobs.uidValidity).not.toBe(before.uidValidity);
        expect(report.counts).toMatchObject({ fetched: 2, alreadyImported: 1, dismissed: 1, applied: 0 });
        const events = (await getApplicationOrThrow(t.ctx, contoso.id)).outcome;
        expect(events).toBe('rejected');
        expect((await syncMail(t.ctx, box())).nothingNew).toBe(true);
      });

      it('resumes where a cut-off sync stopped, and nothing acts twice', async () => {
        await appendMessages(server, user, 'INBOX', [newsletter(), newsletter(), newsletter()]);
        let fetches = 0;
        // The real server, with the connection lost after the first batch of two.
        const cutOff: Connect = async (target) => {
          const session = await connectImap(target);
          return {
            ...session,
            fetch: (uids) => {
              fetches++;
              if (fetches > 1) throw new ReboundError('mail_server_failed', 'the connection was lost');
              return session.fetch(uids);
            },
          };
        };
        await expect(syncMail(t.ctx, box(), { connect: cutOff, batchSize: 2 })).rejects.toThrow(
          'connection was lost',
        );
        const stopped = (await mailAccountView(t.ctx))!;
        expect(stopped.lastSync).toMatchObject({ status: 'failed', error: 'the connection was lost' });
        const inbox = stopped.folderStates.find((f) => f.folder === 'INBOX')!;
        const resumed = await syncMail(t.ctx, box(), { batchSize: 2 });
        expect(resumed.folders.find((f) => f.folder === 'INBOX')).toMatchObject({
          fromUid: inbox.lastUid + 1,
          fetched: 1,
        });
        expect(resumed.counts).toMatchObject({ fetched: 1, alreadyImported: 0 });
      });

      it('notes a refused login on the saved account and leaves its folders as they were', async () => {
        const before = (await mailAccountView(t.ctx))!;
        const wrong = keyFileSecretBox(join(keyDir, SECRET_KEY_FILE));
        // The saved password still works; a different one saved for the same account does not.
        await t.store.db
          .updateTable('mail_accounts')
          .set({ secret: wrong.seal('changed-on-the-server', before.id) })
          .execute();
        await expect(syncMail(t.ctx, box())).rejects.toMatchObject({ code: 'mail_login_failed' });
        const after = (await mailAccountView(t.ctx))!;
        expect(after.lastSync).toMatchObject({ status: 'failed', error: expect.stringContaining('refused') });
        expect(after.folderStates).toEqual(before.folderStates);
      });

      it('says which folder is missing and still reads the others', async () => {
        const report = await syncMail(t.ctx, box(), { account: account({ folders: ['INBOX', 'Nope'] }) });
        expect(report.errors).toEqual([
          { folder: 'Nope', message: expect.stringMatching(/folder "Nope" is not on 127\.0\.0\.1.*INBOX/) },
        ]);
        expect((await mailAccountView(t.ctx))!.lastSync).toMatchObject({ status: 'failed' });
      });
    });
  }
});
