import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessages, startDovecot, type TestImapServer } from '../support/dovecot.ts';
import { hasTool } from '../support/tools.ts';
import { addArgs, rebound } from './run.ts';

const user = { name: 'robin', password: 'app-password-1' };
const rejection = (company: string, n: number) =>
  [
    `From: "${company} Recruiting" <careers@${company.toLowerCase()}.com>`,
    'To: robin@example.com',
    `Subject: Update on your application to ${company}`,
    'Date: Tue, 10 Nov 2026 08:30:00 +0000',
    `Message-ID: <cli-${company}-${n}@mail.example>`,
    '',
    `Thank you for your interest in ${company}. Unfortunately we have decided not to move forward with your application.`,
    '',
  ].join('\r\n');

describe('rebound mail sync', () => {
  it('refuses plain imap:// to another computer, naming --imap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebound-cli-mail-'));
    const r = await rebound([
      'mail',
      'sync',
      '--db',
      join(dir, 'r.db'),
      '--imap',
      'imap://robin@mail.example.com',
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --imap: plain imap:\/\/ sends your password unencrypted/);
    expect(r.stderr).toContain('imaps://mail.example.com');
  });
});

describe.skipIf(!hasTool('dovecot'))('rebound mail sync against a real Dovecot', () => {
  let server: TestImapServer;
  let dir: string;
  let db: string;
  beforeAll(async () => {
    server = await startDovecot({ [user.name]: user.password });
    dir = mkdtempSync(join(tmpdir(), 'rebound-cli-mail-'));
    db = join(dir, 'rebound.db');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so when the password is wrong, and saves nothing', async () => {
    const r = await rebound(['mail', 'sync', '--db', db, '--imap', server.url(user.name)], {
      REBOUND_IMAP_PASSWORD: 'wrong',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${server.url(user.name)} refused the user name or password`);
    expect(r.stderr).not.toContain('wrong');
    expect((await rebound(['mail', 'account', '--db', db, '--json'])).json()).toEqual({ account: null });
  });

  it('imports new mail once with progress; the saved account runs again and finds nothing new', async () => {
    expect((await rebound(addArgs(db, 'Tailspin', 'Analyst'))).code).toBe(0);
    await appendMessages(server, user, 'INBOX', [rejection('Tailspin', 1), rejection('Tailspin', 2)]);
    const first = await rebound(
      ['mail', 'sync', '--db', db, '--imap', server.url(user.name), '--folder', 'INBOX'],
      {
        REBOUND_IMAP_PASSWORD: user.password,
      },
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Synced ${server.url(user.name)}: 2 new message(s) (INBOX 2): 2 recorded`);
    expect(first.stdout).toContain('INBOX UID 1: rejection');
    // Why each mail was read and matched as it was.
    expect(first.stdout).toMatch(/reads as it does because it says: .*"unfortunately"/);
    expect(first.stdout).toMatch(/matched because: .*Tailspin/i);
    expect(first.stderr).toContain('INBOX: imported 2 of 2');
    expect(first.stdout + first.stderr).not.toContain(user.password);
    expect(statSync(join(dir, 'rebound-secret.key')).mode & 0o777).toBe(0o600);

    const second = await rebound(['mail', 'sync', '--db', db]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Nothing new in INBOX since the last sync (${server.url(user.name)}).`);
    expect((await rebound(['list', '--db', db, '--status', 'all'])).stdout).toMatch(/Tailspin.*rejected/);

    await appendMessages(server, user, 'INBOX', [rejection('Tailspin', 3)]);
    const third = (await rebound(['mail', 'sync', '--db', db, '--json'])).json();
    expect(third.counts).toMatchObject({ fetched: 1, alreadyImported: 0 });
    expect(third.items.map((i: { uid: number }) => i.uid)).toEqual([3]);

    const account = await rebound(['mail', 'account', '--db', db]);
    expect(account.stdout).toContain('Folders: INBOX');
    expect(account.stdout).toContain('INBOX: 3 message(s) read, up to UID 3');
  });
});
