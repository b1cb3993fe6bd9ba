import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
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

/** One very long word, as a user may paste it: it must wrap, never widen the page. */
const LONG_WORD = `Senior${'Supercalifragilisticexpialidocious'.repeat(4)}Engineer`;

/** The right edge of the element `inner`, and of the box it should stay inside. */
const rightEdges = async (inner: Locator, outer: Locator) => ({
  inner: Math.round((await inner.boundingBox())!.x + (await inner.boundingBox())!.width),
  outer: Math.round((await outer.boundingBox())!.x + (await outer.boundingBox())!.width),
});

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

describe('at 1440 px', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser, 1440, 900);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('a win that is one very long word wraps inside the weekly review and the wins wall', async () => {
    await api(server.url, 'POST', '/api/v1/wins', { text: LONG_WORD });
    await page.goto(`${server.url}/week`);
    const review = page.getByTestId('weekly-review');
    const line = review.getByRole('listitem').filter({ hasText: LONG_WORD });
    await line.waitFor();
    const inReview = await rightEdges(line, review);
    expect(inReview.inner).toBeLessThanOrEqual(inReview.outer);
    // The text itself, not just its list item, stays inside the card.
    expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const win = page.getByTestId('win').filter({ hasText: LONG_WORD });
    const text = win.getByText(LONG_WORD);
    expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const inWall = await rightEdges(text, win);
    expect(inWall.inner).toBeLessThanOrEqual(inWall.outer);
    expect(await fitsWidth(page)).toBe(true);
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

  it('the applications table shows whole stage badges and whole company names', async () => {
    await page.goto(`${server.url}/applications`);
    await page.getByTestId('table-row').first().waitFor();
    // Nothing cut short: no badge label and no company name (the sample's fit two lines) is clipped.
    const cut = await page.evaluate(() => {
      const clipped = (el: Element) =>
        el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      const rows = [...document.querySelectorAll('[data-testid="table-row"]')];
      return rows.flatMap((row) => {
        const badges = [...row.querySelectorAll('.mantine-Badge-label')].filter(clipped);
        const company = row.querySelector('td p');
        return [...badges, ...(company && clipped(company) ? [company] : [])].map((el) => el.textContent);
      });
    });
    expect(cut).toEqual([]);
    // Rows that wrap are taller; the rows after them still follow without overlapping.
    const boxes = await page
      .getByTestId('table-row')
      .evaluateAll((rows) => rows.slice(0, 15).map((r) => r.getBoundingClientRect()));
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
    expect(await fitsWidth(page)).toBe(true);
  });

  it('Tab from the top skips the closed menu, and reaches its links once it is open', async () => {
    await page.goto(server.url);
    await page.getByTestId('board-card').first().waitFor();
    const focused: { inNav: boolean; left: number; right: number; name: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const box = el.getBoundingClientRect();
          return {
            inNav: el.closest('nav') !== null,
            left: Math.round(box.left),
            right: Math.round(box.right),
            name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '',
          };
        }),
      );
    }
    expect(focused.filter((f) => f.inNav || f.right <= 0)).toEqual([]);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    const board = page.locator('nav').getByRole('link', { name: 'Board' });
    await board.focus();
    expect(await board.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
  });

  it('Insights fits the screen: the funnel table scrolls sideways to its last column', async () => {
    await page.goto(`${server.url}/insights`);
    const table = page.getByRole('table', { name: 'Funnel in numbers' });
    await table.waitFor();
    expect(await fitsWidth(page)).toBe(true);
    const last = table.getByRole('columnheader', { name: 'Rejected here' });
    const card = page.getByTestId('funnel');
    // Scrolled sideways by a finger (a wheel here), the last column comes fully into the card.
    await table.hover();
    for (let i = 0; i < 5; i++) await page.mouse.wheel(200, 0);
    await expect
      .poll(async () => {
        const edges = await rightEdges(last, card);
        return edges.inner <= edges.outer;
      })
      .toBe(true);
  });

  it('the legend of "Where rejections happen" stays clear of the line under the chart', async () => {
    await page.goto(`${server.url}/insights`);
    const card = page.locator('.mantine-Card-root', {
      has: page.getByRole('heading', { name: 'Where rejections happen' }),
    });
    const legend = card.getByText('Withdrawn or declined');
    const summary = card.getByText(/ after applied/);
    await summary.waitFor();
    const a = (await legend.boundingBox())!;
    const b = (await summary.boundingBox())!;
    expect(a.y + a.height).toBeLessThanOrEqual(b.y);
  });

  it('each skill gap keeps its name readable and its plan button inside its row', async () => {
    await page.goto(`${server.url}/skills/gaps`);
    const row = page.getByTestId('gap-item').first();
    await row.waitFor();
    const button = row.getByRole('button', { name: /to learning plan$/ });
    const edges = await rightEdges(button, row);
    expect(edges.inner).toBeLessThanOrEqual(edges.outer);
    // The skill's name gets most of the row, not a sliver beside a long button.
    const name = (await row.locator('.mantine-Accordion-control').boundingBox())!;
    expect(name.width).toBeGreaterThan((await row.boundingBox())!.width / 2);
  });

  it('a role title that is one very long word wraps on the Recovery page', async () => {
    const app = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Longword Labs',
      role: LONG_WORD,
      stage: 'applied',
    });
    await api(server.url, 'POST', '/api/v1/rejections', { applicationId: app.id });
    await page.goto(`${server.url}/today/recovery/${app.id}?step=feedback`);
    await page.getByRole('heading', { name: 'After Longword Labs' }).waitFor();
    await page.getByTestId('feedback-draft').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const draft = page.getByTestId('feedback-draft');
    const subject = draft.getByText(LONG_WORD).first();
    const edges = await rightEdges(subject, draft);
    expect(edges.inner).toBeLessThanOrEqual(edges.outer);
  });
});

describe('in hosted mode, the header', () => {
  let hosted: Server;
  let page: Page;
  beforeAll(async () => {
    hosted = await startTestServer({ hosted: true });
    page = await newPage(browser, 1440, 900);
  });
  afterAll(async () => {
    await page?.context().close();
    await hosted?.close();
  });

  it('shows whole characters as initials, an emoji included', async () => {
    const name = 'Zoë Quinn 🦄';
    await page.goto(`${hosted.url}/sign-up`);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('E-mail').fill('zoe@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    const avatar = page.getByRole('button', { name: `Account of ${name}` });
    await avatar.waitFor();
    expect(await avatar.textContent()).toBe('Z🦄');
  });
});
