import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendMessages, startDovecot, type TestImapServer } from '../test/support/dovecot.ts';
import { startTestServer } from '../test/support/server.ts';
import { hasTool } from '../test/support/tools.ts';
import { api } from './support/api.ts';
import { describeInBrowser, ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Screenshots for a person to look at, outside the repository. */
const SHOTS = process.env.REBOUND_SHOTS_DIR ?? '/tmp/shots-mail';
const user = { name: 'jordan', password: 'jordans-app-password' };

const mail = (id: string, from: string, subject: string, body: string) =>
  [
    `From: ${from}`,
    'To: jordan@example.com',
    `Subject: ${subject}`,
    `Message-ID: <${id}@e2e.example>`,
    'Date: Tue, 24 Nov 2026 09:00:00 +0000',
    '',
    body,
    '',
  ].join('\r\n');

const rejection = (id: string, company: string) =>
  mail(
    id,
    `"${company} Careers" <careers@${company.toLowerCase()}.com>`,
    `Your application to ${company}`,
    `Thank you for applying to ${company}. Unfortunately we have decided not to move forward with your application.`,
  );
/** Mail that reads as job mail but names no application: it waits in the review queue. */
const unmatched = (id: string) =>
  mail(
    id,
    '"Talent Team" <talent@hire.example>',
    `An update on your application (${id})`,
    'Thank you for applying. After careful review we have decided to pursue other candidates whose experience more closely matches our needs.',
  );

let browser: Browser;
let imap: TestImapServer | undefined;
let server: Server;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describeInBrowser('mail sync and the review queue', () => {
  let page: Page;
  beforeAll(async () => {
    if (hasTool('dovecot')) imap = await startDovecot({ [user.name]: user.password });
    server = await startTestServer({ now: new Date('2026-11-25T10:00:00Z') });
    page = await newPage(browser, 1280, 800);
  }, 60_000);
  afterAll(async () => {
    await page?.context().close();
    await server?.close();
    await imap?.close();
  });

  it.skipIf(!hasTool('dovecot'))('signs in, syncs with one button, and shows the last sync', async () => {
    await api(server.url, 'POST', '/api/v1/applications', { company: 'Northwind', role: 'Data Analyst' });
    await appendMessages(imap!, user, 'INBOX', [rejection('e2e-1', 'Northwind'), unmatched('e2e-2')]);
    await page.goto(`${server.url}/import/email`);
    const card = page.getByTestId('mail-sync');
    await card.getByLabel('Server').fill('imap.example.com');
    await card.getByText('Plain (this computer)').click();
    await card.getByLabel('User name').fill(user.name);
    await card.getByLabel('Password', { exact: true }).fill('whatever');
    await card.getByRole('button', { name: 'Sign in and save' }).click();
    await card.getByText(/sends your password unencrypted/).waitFor();

    await card.getByLabel('Server').fill('127.0.0.1');
    await card.getByLabel('Port').fill(String(imap!.port));
    await card.getByRole('button', { name: 'Sign in and save' }).click();
    await card
      .getByRole('alert')
      .getByText(/refused the user name or password/)
      .waitFor();

    await card.getByLabel('Password', { exact: true }).fill(user.password);
    await card.getByRole('button', { name: 'Sign in and save' }).click();
    await card.getByText(`${user.name} on 127.0.0.1`).waitFor();
    await card.getByText('Not synced yet.').waitFor();
    await card.getByRole('button', { name: 'Sync now' }).click();
    await card
      .getByTestId('sync-report')
      .getByText(/^2 new: 1 recorded, 1 waiting for you/)
      .waitFor();
    await card
      .getByTestId('last-sync')
      .getByText(/2 new, 1 recorded, 1 waiting for you/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/sync-desktop.png`, fullPage: true });

    await card.getByRole('button', { name: 'Sync now' }).click();
    await card.getByTestId('sync-report').getByText('Nothing new since the last sync.').waitFor();
    const shown = await api<{ account: { lastSync: { counts: { fetched: number } } } }>(
      server.url,
      'GET',
      '/api/v1/mail/account',
    );
    expect(shown.account.lastSync.counts.fetched).toBe(0);
  });

  it('imports several .eml files at once and sets queued mail aside in one go', async () => {
    await page.goto(`${server.url}/import/email`);
    await page.getByRole('heading', { name: 'From mail files' }).waitFor();
    await page.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles([
      { name: 'b.eml', mimeType: 'message/rfc822', buffer: Buffer.from(unmatched('e2e-file-b')) },
      { name: 'a.eml', mimeType: 'message/rfc822', buffer: Buffer.from(unmatched('e2e-file-a')) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not mail') },
    ]);
    const report = page.getByTestId('mail-report');
    await report.getByText('2 messages read from 2 files').waitFor();
    await report.getByText(/· a\.eml$/).waitFor();

    const queued = page.getByTestId('queued-mail');
    await expect.poll(() => queued.count()).toBeGreaterThanOrEqual(2);
    const waiting = await queued.count();
    await page.getByLabel('Select all').check();
    await page.getByTestId('batch-bar').getByText(`${waiting} selected`).waitFor();
    await page.screenshot({ path: `${SHOTS}/batch-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/batch-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // "Record selected" records what can be; mail matched to no application stays, selected.
    await page.getByRole('button', { name: 'Record selected' }).click();
    await page.getByText(/could not be: applicationId: required/).waitFor();
    await page.getByRole('button', { name: 'Set selected aside' }).click();
    await page.getByText('Nothing waiting.').waitFor();
    const review = await api<{ items: unknown[] }>(server.url, 'GET', '/api/v1/mail/review');
    expect(review.items).toEqual([]);
  });
});
