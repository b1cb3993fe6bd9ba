import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { api } from './support/api.ts';
import { appPageForFile, pick } from './support/app-page.ts';
import { browserForFile, describeInBrowser } from './support/browser.ts';

// Tuesday 10 November 2026. A British browser: typed dates are read day first.
const NOW = new Date('2026-11-10T09:00:00Z');
const browser = browserForFile();

/**
 * The date field guards every form it is in, not only the application form (`dialogs.test.ts`):
 * a day the field refuses is never sent as the day it had before (today), by the button or by Enter
 * in another field; put right, the day typed is the one saved.
 */
describeInBrowser('date fields in the week and insights forms', () => {
  const ui = appPageForFile(browser, { now: NOW, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });

  /** Types `day` into the form's Day field key by key, over what it held. */
  async function typeDay(form: Locator, day: string) {
    await form.getByLabel('Day', { exact: true }).click();
    await ui.page.keyboard.press('Control+A');
    await ui.page.keyboard.type(day);
  }

  /** The day of each item at `path` whose text (or note) is `text`, as the ui.server has it. */
  type Item = { text?: string; note?: string | null; on?: string; loggedOn?: string };
  const days = async (path: string, text: string) =>
    (await api<{ items: Item[] }>(ui.server.url, 'GET', path)).items
      .filter((i) => (i.text ?? i.note) === text)
      .map((i) => i.on ?? i.loggedOn);

  it('a win: a day after today is refused in words and nothing is saved; the day typed is', async () => {
    await ui.page.goto(`${ui.server.url}/week`);
    const form = ui.page.getByRole('form', { name: 'Write down a win' });
    await form.getByLabel('A win of your own').fill('Finished the portfolio case study');
    await typeDay(form, '24/11/2026');
    await form.getByRole('button', { name: 'Add win' }).click();
    await form.getByText('This day cannot be after today.').waitFor();
    const wins = 'Finished the portfolio case study';
    expect(await days('/api/v1/wins?from=2026-10-01&to=2026-12-31', wins)).toEqual([]);

    // Enter in the text field does not send it either: the date field takes the focus back.
    await form.getByLabel('A win of your own').press('Enter');
    const day = form.getByLabel('Day', { exact: true });
    await expect.poll(() => day.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await days('/api/v1/wins?from=2026-10-01&to=2026-12-31', wins)).toEqual([]);

    await typeDay(form, '9/11/2026');
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => days('/api/v1/wins?from=2026-10-01&to=2026-12-31', wins)).toEqual(['2026-11-09']);
  });

  it('a journal entry: an unreadable day is not saved as today', async () => {
    const form = ui.page.getByRole('form', { name: 'New journal entry' });
    await form.getByLabel('What’s on your mind (optional)').fill('A slow day, but I wrote to two people.');
    await typeDay(form, '31/11/2026');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await form.getByText('The day must be written like 10 Nov 2026.').waitFor();
    const mine = 'A slow day, but I wrote to two people.';
    expect(await days('/api/v1/journal?from=2026-10-01&to=2026-12-31', mine)).toEqual([]);

    await typeDay(form, '8/11/2026');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await expect
      .poll(() => days('/api/v1/journal?from=2026-10-01&to=2026-12-31', mine))
      .toEqual(['2026-11-08']);
  });

  it('logged time: a day after today is refused, and the day typed is the one logged', async () => {
    await ui.page.goto(`${ui.server.url}/insights`);
    await ui.page.getByRole('tab', { name: 'Channels and time' }).click();
    const form = ui.page.getByRole('form', { name: 'Log time' });
    await form.getByLabel('How long').fill('45m');
    await pick(ui.page, form, 'On', 'Networking');
    await form.getByLabel('Note (optional)').fill('coffee with a former colleague');
    await typeDay(form, '12/11/2026');
    await form.getByRole('button', { name: 'Log time' }).click();
    await form.getByText('This day cannot be after today.').waitFor();
    const mine = 'coffee with a former colleague';
    expect(await days('/api/v1/time-logs', mine)).toEqual([]);

    // Monday of this week: the list below the form and the API show this week's time.
    await typeDay(form, '9/11/2026');
    await form.getByRole('button', { name: 'Log time' }).click();
    await expect.poll(() => days('/api/v1/time-logs', mine)).toEqual(['2026-11-09']);
  });
});
