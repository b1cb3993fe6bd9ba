import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { browserForFile, describeInBrowser } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const NOW = new Date('2026-11-10T09:00:00Z');
const TWO_DAYS_LATER = new Date('2026-11-12T09:00:00Z');
const SHOTS = process.env.REBOUND_SHOTS_DIR;

const browser = browserForFile();

describeInBrowser('writing after a no', () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;

  async function setClock(at: Date) {
    server.setNow(at);
    await page.clock.setFixedTime(at);
  }

  beforeAll(async () => {
    server = await startTestServer({ now: NOW });
    context = await browser().newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    await page.clock.install({ time: NOW });
    server.setNow(NOW);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('offers the writing and the reframe card after a rejection, writes a session with a quiet timer, and another on a later day', async () => {
    const res = await fetch(`${server.url}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Northwind Labs', role: 'Platform Engineer', stage: 'interviewing' }),
    });
    const app = (await res.json()) as { id: string };

    await page.goto(`${server.url}/applications/${app.id}`);
    await page.getByRole('button', { name: 'Mark rejected…' }).click();
    await page
      .getByRole('dialog', { name: 'Log a rejection' })
      .getByRole('button', { name: 'Log rejection' })
      .click();
    await page.getByRole('heading', { name: 'After Northwind Labs' }).waitFor();

    // The offer is there, opt-in; the reframe card speaks of thoughts and points to settings for a helpline.
    const offer = page.getByTestId('writing-offer');
    await offer.getByText('Private: only you can read it.').waitFor();
    const reframe = page.getByTestId('reframe-card');
    await reframe.getByText('Taking it personally').waitFor();
    await reframe.getByText('One no means always no').waitFor();
    await reframe.getByRole('link', { name: 'Settings' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/writing-offer-desktop.png`, fullPage: true });

    await offer.getByRole('link', { name: 'Start writing' }).click();
    const session = page.getByTestId('writing-session');
    await session
      .getByRole('heading', { name: 'What happened, and how did it feel when the news came?' })
      .waitFor();
    const timer = page.getByTestId('quiet-timer');
    expect(await timer.innerText()).toBe('About 20 minutes; the timer starts when you do.');
    const save = session.getByRole('button', { name: 'Save this session' });
    expect(await save.isDisabled()).toBe(true);

    await session
      .getByLabel('Your writing')
      .fill('The email came on a Tuesday. I had pictured myself on that team.');
    await page.clock.runFor(61_000);
    await expect.poll(() => timer.innerText()).toMatch(/^18:\d\d left$/);
    // No word count anywhere: only the words themselves.
    expect(await session.innerText()).not.toMatch(/\d+ words?/);
    await save.click();
    await page.getByText('Session 1 saved. Only you can read it.').waitFor();
    const written = page.getByTestId('writing-sessions');
    await written
      .getByText('Session 1, 10 Nov 2026: What happened, and how did it feel when the news came?')
      .waitFor();
    // Writing again today adds to today's session.
    await session.getByText('Session 1 of 5, continuing today’s').waitFor();

    // Two days later, the second prompt.
    await setClock(TWO_DAYS_LATER);
    await page.reload();
    await session
      .getByRole('heading', { name: 'What did this job mean to you, beyond the job itself?' })
      .waitFor();
    await session.getByText('Session 2 of 5').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/writing-desktop.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await session.getByLabel('Your writing').fill('Stability, mostly. And a team that laughed a lot.');
    await session.getByRole('button', { name: 'Save this session' }).click();
    await page.getByText('Session 2 saved. Only you can read it.').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/writing-phone.png`, fullPage: true });

    // Deletable: everything, after a second thought.
    await page.getByRole('button', { name: 'Delete everything written here' }).click();
    await page.getByText('Delete all 2 sessions for good?').waitFor();
    await page.getByRole('button', { name: 'Delete all' }).click();
    await written.waitFor({ state: 'detached' });
    const left = await fetch(`${server.url}/api/v1/writing/${app.id}`);
    expect(((await left.json()) as { sessions: unknown[] }).sessions).toEqual([]);
  });
});
