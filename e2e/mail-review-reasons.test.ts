import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { describeInBrowser, ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const SHOTS = process.env.REBOUND_SHOTS_DIR;

async function api<T>(server: Server, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const unsure = Buffer.from(
  'From: Northwind Analytics <no-reply@us.greenhouse-mail.io>\nSubject: Thank you from Northwind Analytics\nMessage-ID: <why1@test>\n\nHi Sam,\n\nUnfortunately we will not be moving forward with your application.\n\nNorthwind Analytics\n',
);

describeInBrowser('why a mail waits for review', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchBrowser();
    server = await startTestServer({ now: new Date('2026-07-15T10:00:00Z') });
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.close();
  });

  it('shows the phrases and the signals, and the choice the mail could not make', async () => {
    const analyst = await api<{ id: string }>(server, 'POST', '/api/v1/applications', {
      company: 'Northwind Analytics',
      role: 'Data Analyst',
      appliedOn: '2026-07-01',
    });
    await api(server, 'POST', '/api/v1/applications', {
      company: 'Northwind Analytics',
      role: 'Analytics Engineer',
      appliedOn: '2026-07-02',
    });
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      page = await newPage(browser, width, height);
      await page.goto(`${server.url}/import/email`);
      await page.getByRole('heading', { name: 'From mail files' }).waitFor();
      if (width === 1280)
        await page
          .locator('input[type=file]:not([webkitdirectory])')
          .setInputFiles({ name: 'unsure.eml', mimeType: 'message/rfc822', buffer: unsure });
      const queued = page
        .getByTestId('queued-mail')
        .filter({ hasText: 'Thank you from Northwind Analytics' });
      await queued.getByText(/“will not be moving forward”/).waitFor();
      await queued
        .getByTestId('match-reasons')
        .getByText(
          "Matched because: sender's name says Northwind Analytics; subject names Northwind Analytics; you have 2 applications there and the mail does not say which role",
        )
        .waitFor();
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/review-reasons-${width}.png`, fullPage: true });
      }
      if (width === 1280) await page.context().close();
    }

    // The person chooses; the application is recorded and the queue empties.
    const queued = page.getByTestId('queued-mail');
    await queued.getByLabel('Application').click();
    await page.getByRole('option', { name: 'Northwind Analytics · Data Analyst' }).click();
    await queued.getByRole('button', { name: 'Record it' }).click();
    await page.getByText('Nothing waiting.').waitFor();
    const after = (await (await fetch(`${server.url}/api/v1/applications/${analyst.id}`)).json()) as {
      outcome: string | null;
    };
    expect(after.outcome).toBe('rejected');
  });
});
