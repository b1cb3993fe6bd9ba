import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** `UPDATE_SCREENSHOTS=1` also refreshes the pictures in docs/screenshots from these same views. */
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
    : null;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png` });
};

let browser: Browser;
let server: Server;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer();
  await api(server.url, 'POST', '/api/v1/sample-data', {});
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

/** True when the page is no wider than the window: nothing to scroll sideways. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('at 1366 px', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser, 1366, 820);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('shows a visible cue for the board columns that are off-screen, and scrolls to them', async () => {
    await page.goto(server.url);
    await page.getByTestId('board-card').first().waitFor();
    const cue = page.getByRole('button', { name: 'Show more stages to the right' });
    await cue.waitFor();
    await shot(page, 'board');
    const closed = page.getByTestId('column-closed');
    const before = await closed.boundingBox();
    expect(before!.x + before!.width).toBeGreaterThan(1366);
    // One column per click, until the last one is in view and the cue goes away.
    for (let i = 0; i < 8 && (await cue.count()) > 0; i++) {
      // A DOM click: the smooth scroll it starts keeps Playwright's "stable" check waiting.
      await cue.dispatchEvent('click');
      await page.waitForTimeout(600);
    }
    await expect
      .poll(async () => {
        const box = await closed.boundingBox();
        return box!.x + box!.width <= 1366;
      })
      .toBe(true);
    await page.getByRole('button', { name: 'Show the stages to the left' }).waitFor();
  });

  it('opens an application in a side drawer over the board; the full page stays for links', async () => {
    await page.goto(server.url);
    const card = page.getByTestId('column-interviewing').getByTestId('board-card').first();
    const company = (await card.getByTestId('card-company').textContent()) ?? '';
    await card.click();
    const drawer = page.getByRole('dialog', { name: 'Application' });
    await drawer.getByRole('heading', { name: company, level: 1 }).waitFor();
    // The board is still there under it.
    expect(await page.getByTestId('board').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');
    await drawer.getByTestId('people-card').waitFor();
    await shot(page, 'drawer');
    await drawer.getByRole('link', { name: 'Open the full page' }).click();
    await page.waitForURL(/\/applications\//);
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();
    // Back returns to the board with the drawer open, then closing it leaves the board.
    await page.goBack();
    await drawer.getByRole('heading', { name: company, level: 1 }).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('on a phone, 390 px', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser, 390, 844);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('the applications table fits without sideways scrolling', async () => {
    await page.goto(`${server.url}/applications`);
    await page.getByTestId('table-row').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    const scroller = page.locator('.table-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot(page, 'phone-applications');
  });

  it('the stage picker on an application fits without sideways scrolling', async () => {
    await page.getByTestId('table-row').first().click();
    const picker = page.getByRole('radiogroup', { name: 'Stage' });
    await picker.waitFor();
    expect(await fitsWidth(page)).toBe(true);
    const box = await picker.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'phone-application');
  });

  it('the board says there is more to the right', async () => {
    await page.goto(server.url);
    await page.getByTestId('board-card').first().waitFor();
    await page.getByRole('button', { name: 'Show more stages to the right' }).waitFor();
    await shot(page, 'phone-board');
  });
});
