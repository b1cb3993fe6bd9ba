import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { describeInBrowser, ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const CONNECTIONS = readFileSync(new URL('../test/fixtures/connections/Connections.csv', import.meta.url));
const SHOTS = process.env.REBOUND_SHOTS ?? '/tmp/shots-referrals';

let browser: Browser;
let server: Server;
let page: Page;
let acmeId: string;
let quietId: string;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer({ now: new Date('2026-11-28T10:00:00Z') });
  acmeId = (
    await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Acme, Inc.',
      role: 'Backend Engineer',
      stage: 'saved',
    })
  ).id;
  // Three employers that answered within 4–9 days, and one that has been quiet since 1 November.
  for (const [company, replied] of [
    ['Northwind Labs', '2026-10-05'],
    ['Contoso', '2026-10-08'],
    ['Litware', '2026-10-10'],
  ] as const) {
    const { id } = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company,
      role: 'Data Engineer',
      appliedOn: '2026-10-01',
    });
    await api(server.url, 'POST', `/api/v1/applications/${id}/events`, {
      type: 'response',
      occurredOn: replied,
    });
  }
  quietId = (
    await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Woodgrove Bank',
      role: 'Platform Engineer',
      appliedOn: '2026-11-01',
    })
  ).id;
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

const card = (company: string) =>
  page
    .getByTestId('board-card')
    .filter({ has: page.getByTestId('card-company').getByText(company, { exact: true }) });

/**
 * Clicks "Copy the ask" once and waits until the clipboard holds `wanted`. (The ask used to open
 * in an animated Collapse; a click during the animation could land beside the button, because
 * scrolling the button into view scrolled the Collapse's own overflow-hidden box.)
 */
async function copyAsk(target: Page, person: Locator, wanted: string): Promise<void> {
  await person.getByRole('button', { name: 'Copy the ask' }).click();
  await expect.poll(() => target.evaluate(() => navigator.clipboard.readText())).toContain(wanted);
}

describeInBrowser('referral paths', () => {
  it('imports a connections file and shows the people on the application card', async () => {
    page = await newPage(browser, 1280, 800);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/import/connections`);
    await page.getByRole('heading', { name: 'Your connections' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: CONNECTIONS,
    });
    const report = page.getByTestId('connections-report');
    await report.getByText('6 connections added from Connections.csv').waitFor();
    await report.getByText('You know someone at 2 of your saved or open applications.').waitFor();
    await page.screenshot({ path: `${SHOTS}/import-desktop.png` });

    await report.getByRole('link', { name: 'Open the board' }).click();
    await card('Acme, Inc.').getByTestId('card-people').getByText('You know 2 people here').waitFor();
    await card('Contoso').getByTestId('card-people').getByText('You know Élodie Marchetti').waitFor();
    expect(await card('Woodgrove Bank').getByTestId('card-people').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/board-desktop.png` });
  });

  it('drafts a referral ask to copy, and keeps where it stands', async () => {
    await card('Acme, Inc.').getByTestId('card-company').click();
    const drawer = page.getByTestId('application-drawer');
    const known = drawer.getByTestId('people-you-know');
    await known.waitFor();
    const tobias = known.getByTestId('person-you-know').filter({ hasText: 'Tobias Lindqvist' });
    await tobias.getByText('Not asked yet').waitFor();
    await tobias.getByRole('button', { name: 'Draft a referral ask' }).click();
    const draft = tobias.getByLabel('Referral ask to Tobias Lindqvist');
    await expect.poll(() => draft.inputValue()).toContain('Hello Tobias,');
    expect(await draft.inputValue()).toContain(
      'Subject: Would you refer me for the Backend Engineer role at Acme, Inc.?',
    );
    // What lands on the clipboard, not the two-second "Copied" label a loaded machine can miss.
    await copyAsk(page, tobias, 'Hello Tobias,');

    await tobias.getByRole('button', { name: 'Asked', exact: true }).click();
    await tobias.getByText('Asked, waiting for an answer').waitFor();
    await expect
      .poll(() => tobias.getByRole('button', { name: 'Asked', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await known.getByRole('link', { name: 'Why ask for a referral?' }).getAttribute('href')).toBe(
      '/evidence#referrals',
    );
    await page.screenshot({ path: `${SHOTS}/drawer-desktop.png` });

    // Saved, not only drawn.
    await page.reload();
    await known
      .getByTestId('person-you-know')
      .filter({ hasText: 'Tobias Lindqvist' })
      .getByText('Asked, waiting for an answer')
      .waitFor();
  });

  it('says how long this silence is against the user’s own replies, and shows response times', async () => {
    await page.goto(`${server.url}/applications/${quietId}`);
    const line = page.getByTestId('waiting-line');
    await line
      .getByText('Most replies you got came within 8 days; this one has been quiet for 27 days.', {
        exact: false,
      })
      .waitFor();
    expect(await line.getByRole('link', { name: 'Why Rebound says this' }).getAttribute('href')).toBe(
      '/evidence#silence',
    );
    await page.goto(`${server.url}/insights`);
    const times = page.getByTestId('response-times');
    await times.getByText('From 3 replies: a median of 7 days to a first answer').waitFor();
    await page.getByTestId('yield-by-channel').getByText('1 asked · 1 waiting · 0 could not').waitFor();
    await times.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/insights-desktop.png`, fullPage: true });
  });

  it('names the bad lines of a file and imports the rest only when asked', async () => {
    await page.goto(`${server.url}/import/connections`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'more.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(
        new URL('../test/fixtures/connections/connections-bad-lines.csv', import.meta.url),
      ),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported yet' });
    await alert.getByText('line 5: email: "not-an-email" does not look like an email address').waitFor();
    await page.screenshot({ path: `${SHOTS}/bad-lines-desktop.png` });
    await alert.getByRole('button', { name: 'Import the readable lines, skip these' }).click();
    const report = page.getByTestId('connections-report');
    await report.getByText('1 connection added from more.csv').waitFor();
    await report.getByText('3 lines skipped as you asked.').waitFor();
  });

  it('copies the ask even where the browser refuses the Clipboard API', async () => {
    const refused = await newPage(browser, 1280, 800);
    try {
      await refused.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      // As on a hosted server reached over plain http, or a page without focus.
      await refused.addInitScript(() => {
        const clipboard = navigator.clipboard;
        const write = clipboard.writeText.bind(clipboard);
        Object.assign(window, { emptyClipboard: () => write('nothing copied yet') });
        clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      });
      await refused.goto(`${server.url}/?app=${acmeId}`);
      // The earlier test left the ask on this browser's clipboard.
      await refused.evaluate(() =>
        (window as unknown as { emptyClipboard: () => Promise<void> }).emptyClipboard(),
      );
      expect(await refused.evaluate(() => navigator.clipboard.readText())).toBe('nothing copied yet');
      const tobias = refused
        .getByTestId('people-you-know')
        .getByTestId('person-you-know')
        .filter({ hasText: 'Tobias Lindqvist' });
      await tobias.getByRole('button', { name: 'Draft a referral ask' }).click();
      await copyAsk(
        refused,
        tobias,
        'Subject: Would you refer me for the Backend Engineer role at Acme, Inc.?',
      );
      expect(await refused.getByText('Could not copy').count()).toBe(0);
    } finally {
      await refused.context().close();
    }
  });

  it('fits a phone', async () => {
    const phone = await newPage(browser, 390, 844);
    try {
      await phone.goto(`${server.url}/?app=${acmeId}`);
      const known = phone.getByTestId('people-you-know');
      await known.waitFor();
      await known.scrollIntoViewIfNeeded();
      await phone.screenshot({ path: `${SHOTS}/drawer-phone.png` });
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await phone.goto(`${server.url}/insights`);
      await phone.getByTestId('response-times').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: `${SHOTS}/insights-phone.png` });
    } finally {
      await phone.context().close();
    }
  });
});
