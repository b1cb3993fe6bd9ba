import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { browserForFile, describeInBrowser } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

// A Wednesday, so "this week" has days behind and ahead; the server and the page share it.
const NOW = new Date('2026-03-18T10:00:00Z');

const browser = browserForFile();

async function pick(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeInBrowser('insights, channels and this week', () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: NOW });
    context = await browser().newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });
    page = await context.newPage();
    await page.clock.setFixedTime(NOW);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('shows the funnel from sample data and a finding with its numbers', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByTestId('board').waitFor();

    await page.getByRole('link', { name: 'Insights' }).click();
    const applied = page.getByTestId('funnel-row-applied');
    await applied.waitFor();
    const cells = await applied.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('Applied');
    expect(Number(cells[1])).toBeGreaterThan(0);
    // Conversion to screening comes with its likely range and the count it rests on.
    await expect
      .poll(() => page.getByTestId('funnel-row-screening').innerText())
      .toMatch(/\d+% \(likely \d+%–\d+%, \d+ of \d+\)/);

    const finding = page.getByTestId('finding').first();
    await finding.waitFor();
    expect((await finding.innerText()).length).toBeGreaterThan(20);
    await finding.getByRole('button', { name: 'Show the numbers' }).click();
    await finding.getByRole('button', { name: 'Hide the numbers' }).waitFor();
  });

  it('narrows the funnel to one channel', async () => {
    const before = Number(
      (await page.getByTestId('funnel-row-applied').getByRole('cell').nth(1).innerText()).trim(),
    );
    await pick(page, page.locator('main'), 'Channel', 'Recruiter');
    await expect
      .poll(async () =>
        Number(await page.getByTestId('funnel-row-applied').getByRole('cell').nth(1).innerText()),
      )
      .toBeLessThan(before);
  });

  it('logs 45 minutes of networking and shows it against the plan', async () => {
    await page.getByRole('tab', { name: 'Channels and time' }).click();
    const networking = page.getByTestId('pva-networking');
    await networking.waitFor();
    expect(await networking.getByRole('cell').nth(2).innerText()).toBe('0 h');

    const form = page.getByRole('form', { name: 'Log time' });
    await form.getByLabel('How long').fill('an hour-ish');
    await form.getByRole('button', { name: 'Log time' }).click();
    await form.getByText('is not a duration Rebound can read').waitFor();

    await form.getByLabel('How long').fill('45m');
    await pick(page, form, 'On', 'Networking');
    await form.getByRole('button', { name: 'Log time' }).click();
    await expect.poll(() => networking.getByRole('cell').nth(2).innerText()).toBe('0.75 h');
    await page.getByText('Logged this week').waitFor();
  });

  it('adds a weekly goal that counts the networking already logged', async () => {
    await page.getByRole('link', { name: 'This week' }).click();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    const form = page.getByRole('form', { name: 'New weekly goal' });
    await pick(page, form, 'Goal', 'Networking conversations');
    // Too many is said in words under the field, not quietly cut to the limit.
    await form.getByLabel('How many conversations').fill('999999');
    await form.getByRole('button', { name: 'Add goal' }).click();
    await form.getByText('must be at most 1000').waitFor();
    expect(await page.getByTestId('goal').filter({ hasText: 'Networking conversations' }).count()).toBe(0);
    await form.getByLabel('How many conversations').fill('3');
    await form.getByRole('button', { name: 'Add goal' }).click();

    const goal = page.getByTestId('goal').filter({ hasText: 'Networking conversations' });
    await goal.getByTestId('goal-count').getByText('1 of 3').waitFor();
    await goal.getByText('1 of 3 conversations so far this week.').waitFor();
    // The weekly review reads the same goal, named beside its progress.
    await page
      .getByTestId('weekly-review')
      .getByTestId('review-goal')
      .filter({ hasText: 'Networking conversations: 1 of 3 conversations so far this week.' })
      .waitFor();
  });
});
