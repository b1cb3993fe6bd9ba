import { expect, it } from 'vitest';
import { appPageForFile, pick } from './support/app-page.ts';
import { browserForFile, describeInBrowser } from './support/browser.ts';

// Tuesday 24 November 2026: the week runs Monday 23 to Sunday 29. Server and page share the clock.
const NOW = new Date('2026-11-24T08:00:00Z');
const SHOTS = process.env.REBOUND_SHOTS_DIR;

const browser = browserForFile();

describeInBrowser('a weekly plan of if-then steps', () => {
  const ui = appPageForFile(browser, { now: NOW });

  it('plans a week, marks a step done, moves one, and reads the plan in the review and on Today', async () => {
    await ui.page.goto(`${ui.server.url}/week`);
    const plan = ui.page.getByTestId('week-plan');
    await plan.getByText('No steps planned').or(plan.getByTestId('plan-message')).first().waitFor();

    // A step without a place is refused, in words, before anything is sent.
    await plan.getByRole('button', { name: 'Add a step' }).click();
    const form = ui.page.getByRole('form', { name: 'New step' });
    await form.getByLabel('What', { exact: true }).fill('2 tailored applications to fintech roles');
    await form.getByLabel('Minutes', { exact: true }).fill('90');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.getByText('Please add the place.').waitFor();

    await form.getByLabel('Where', { exact: true }).fill('library');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.waitFor({ state: 'detached' });
    const first = plan
      .getByTestId('week-step')
      .filter({ hasText: '2 tailored applications to fintech roles' });
    await expect
      .poll(() => first.innerText())
      .toContain('09:00, library, 2 tailored applications to fintech roles, 90 min');

    // A second step on Thursday, for networking.
    await plan.getByRole('button', { name: 'Add a step' }).click();
    await pick(ui.page, form, 'Day', 'Thursday 26 Nov');
    await form.getByLabel('Time', { exact: true }).fill('14:00');
    await form.getByLabel('Where', { exact: true }).fill('café on the corner');
    await form.getByLabel('What', { exact: true }).fill('coffee chat with a former colleague');
    await form.getByLabel('Minutes', { exact: true }).fill('45');
    await pick(ui.page, form, 'Channel', 'Networking');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.waitFor({ state: 'detached' });

    // Suggestions come from the channel split; one is added as it is.
    await plan.getByRole('button', { name: 'Suggest steps' }).click();
    const suggestion = ui.page.getByTestId('step-suggestion').first();
    await suggestion.waitFor();
    const suggested = await suggestion.locator('p').first().innerText();
    await suggestion.getByRole('button', { name: /^Add / }).click();
    await expect.poll(() => plan.getByTestId('week-step').count()).toBe(3);
    await plan.getByRole('button', { name: 'Hide suggestions' }).click();

    // Done today; the coffee chat moves to Friday; the suggested one is let go.
    await first.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => first.getAttribute('data-status')).toBe('done');
    const coffee = plan.getByTestId('week-step').filter({ hasText: 'coffee chat' });
    await coffee.getByRole('button', { name: 'Options for coffee chat with a former colleague' }).click();
    await ui.page.getByRole('menuitem', { name: 'Move to another day' }).click();
    await pick(ui.page, coffee, 'To', 'Friday 27 Nov');
    await coffee.getByRole('button', { name: 'Move', exact: true }).click();
    await coffee.getByText('moved from Thu 26 Nov').waitFor();
    const other = plan.getByTestId('week-step').filter({ hasText: suggested.split(', ')[2]! });
    await other.getByRole('button', { name: /^Options for / }).click();
    await ui.page.getByRole('menuitem', { name: 'Let it go this week' }).click();
    await expect.poll(() => other.getAttribute('data-status')).toBe('dropped');

    await expect
      .poll(() => plan.getByTestId('plan-message').innerText())
      .toBe('1 of 3 steps done, 1 moved, 1 let go. The week is still running.');

    // The weekly review sets the plan against what came back.
    const review = ui.page.getByTestId('review-plan');
    await expect.poll(() => review.innerText()).toContain('1 of 3 steps done, 1 moved, 1 let go.');
    const jobBoard = review.getByRole('row').filter({ hasText: 'Job board' });
    expect(await jobBoard.getByRole('cell').allInnerTexts()).toEqual([
      'Job board',
      '1 of 1',
      '90 of 90',
      '0',
      '0',
      '0',
    ]);
    if (SHOTS) await ui.page.screenshot({ path: `${SHOTS}/week-plan-desktop.png`, fullPage: true });

    // Today shows today's steps (done or let go, as they are), none from other days.
    await ui.page.getByRole('link', { name: 'Today' }).click();
    const today = ui.page.getByTestId('today-plan');
    await today.waitFor();
    const todays = await today.innerText();
    expect(todays).toContain('09:00, library, 2 tailored applications to fintech roles, 90 min');
    expect(todays).not.toContain('coffee chat');

    // The link from the plan explains why, at its anchor.
    await ui.page.goto(`${ui.server.url}/week`);
    await ui.page.getByRole('link', { name: 'Why a written plan?' }).click();
    await ui.page.getByTestId('evidence-plan').getByText('Abel, Burger, Carranza & Piraino').waitFor();
    expect(new URL(ui.page.url()).hash).toBe('#plan');

    await ui.page.setViewportSize({ width: 390, height: 844 });
    await ui.page.goto(`${ui.server.url}/week`);
    await ui.page.getByTestId('plan-message').waitFor();
    if (SHOTS) await ui.page.screenshot({ path: `${SHOTS}/week-plan-phone.png`, fullPage: true });
  });
});
