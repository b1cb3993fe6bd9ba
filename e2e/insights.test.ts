import { expect, it } from 'vitest';
import { appPageForFile, pick } from './support/app-page.ts';
import { browserForFile, describeInBrowser } from './support/browser.ts';

// A Wednesday, so "this week" has days behind and ahead; the server and the page share it.
const NOW = new Date('2026-03-18T10:00:00Z');

const browser = browserForFile();

describeInBrowser('insights, channels and this week', () => {
  const ui = appPageForFile(browser, { now: NOW, viewport: { width: 1440, height: 900 } });

  it('shows the funnel from sample data and a finding with its numbers', async () => {
    await ui.page.goto(ui.server.url);
    await ui.page.getByRole('button', { name: 'Load sample data' }).click();
    await ui.page.getByTestId('board').waitFor();

    await ui.page.getByRole('link', { name: 'Insights' }).click();
    const applied = ui.page.getByTestId('funnel-row-applied');
    await applied.waitFor();
    const cells = await applied.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('Applied');
    expect(Number(cells[1])).toBeGreaterThan(0);
    // Conversion to screening comes with its likely range and the count it rests on.
    await expect
      .poll(() => ui.page.getByTestId('funnel-row-screening').innerText())
      .toMatch(/\d+% \(likely \d+%–\d+%, \d+ of \d+\)/);

    const finding = ui.page.getByTestId('finding').first();
    await finding.waitFor();
    expect((await finding.innerText()).length).toBeGreaterThan(20);
    await finding.getByRole('button', { name: 'Show the numbers' }).click();
    await finding.getByRole('button', { name: 'Hide the numbers' }).waitFor();
  });

  it('narrows the funnel to one channel', async () => {
    const before = Number(
      (await ui.page.getByTestId('funnel-row-applied').getByRole('cell').nth(1).innerText()).trim(),
    );
    await pick(ui.page, ui.page.locator('main'), 'Channel', 'Recruiter');
    await expect
      .poll(async () =>
        Number(await ui.page.getByTestId('funnel-row-applied').getByRole('cell').nth(1).innerText()),
      )
      .toBeLessThan(before);
  });

  it('logs 45 minutes of networking and shows it against the plan', async () => {
    await ui.page.getByRole('tab', { name: 'Channels and time' }).click();
    const networking = ui.page.getByTestId('pva-networking');
    await networking.waitFor();
    expect(await networking.getByRole('cell').nth(2).innerText()).toBe('0 h');

    const form = ui.page.getByRole('form', { name: 'Log time' });
    await form.getByLabel('How long').fill('an hour-ish');
    await form.getByRole('button', { name: 'Log time' }).click();
    await form.getByText('is not a duration Rebound can read').waitFor();

    await form.getByLabel('How long').fill('45m');
    await pick(ui.page, form, 'On', 'Networking');
    await form.getByRole('button', { name: 'Log time' }).click();
    await expect.poll(() => networking.getByRole('cell').nth(2).innerText()).toBe('0.75 h');
    await ui.page.getByText('Logged this week').waitFor();
  });

  it('adds a weekly goal that counts the networking already logged', async () => {
    await ui.page.getByRole('link', { name: 'This week' }).click();
    await ui.page.getByRole('button', { name: 'Add a goal' }).click();
    const form = ui.page.getByRole('form', { name: 'New weekly goal' });
    await pick(ui.page, form, 'Goal', 'Networking conversations');
    // Too many is said in words under the field, not quietly cut to the limit.
    await form.getByLabel('How many conversations').fill('999999');
    await form.getByRole('button', { name: 'Add goal' }).click();
    await form.getByText('must be at most 1000').waitFor();
    expect(await ui.page.getByTestId('goal').filter({ hasText: 'Networking conversations' }).count()).toBe(0);
    await form.getByLabel('How many conversations').fill('3');
    await form.getByRole('button', { name: 'Add goal' }).click();

    const goal = ui.page.getByTestId('goal').filter({ hasText: 'Networking conversations' });
    await goal.getByTestId('goal-count').getByText('1 of 3').waitFor();
    await goal.getByText('1 of 3 conversations so far this week.').waitFor();
    // The weekly review reads the same goal, named beside its progress.
    await ui.page
      .getByTestId('weekly-review')
      .getByTestId('review-goal')
      .filter({ hasText: 'Networking conversations: 1 of 3 conversations so far this week.' })
      .waitFor();
  });
});
