import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { ensureWebBuilt, launchBrowser } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const NOW = new Date('2026-11-10T09:00:00Z');
let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer({ now: NOW });
  await api(server.url, 'POST', '/api/v1/applications', { company: 'Tailspin', role: 'Engineer' });
  // A British browser: typed dates are read day first.
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  await page.clock.setFixedTime(NOW);
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

const addDialog = () => page.getByRole('dialog', { name: 'Add an application' });

/** The day each saved application at `company` was applied on, as the server has it. */
async function saved(company: string): Promise<(string | null)[]> {
  const list = await api<{ items: { company: string; appliedOn: string | null }[] }>(
    server.url,
    'GET',
    '/api/v1/applications',
  );
  return list.items.filter((a) => a.company === company).map((a) => a.appliedOn);
}
/** The day the (first) application at `company` was applied on, or undefined when none is saved. */
const appliedOnOf = async (company: string) => (await saved(company))[0];

async function openAdd() {
  await page.getByRole('button', { name: 'Add application' }).first().click();
  await addDialog().getByLabel('Company').waitFor();
}

describe('dialogs with forms', () => {
  it('Escape in the date picker closes only the picker, and the typed form stays', async () => {
    await page.goto(server.url);
    await openAdd();
    await addDialog().getByLabel('Company').fill('Northwind Labs');
    await addDialog().getByLabel('Role').fill('Platform Engineer');
    await addDialog().getByLabel('Applied on').click();
    const calendar = page.locator('[data-dates-dropdown]');
    await calendar.waitFor();
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });
    // The dialog and what was typed are still there.
    expect(await addDialog().isVisible()).toBe(true);
    expect(await addDialog().getByLabel('Company').inputValue()).toBe('Northwind Labs');
  });

  it('closing a dialog with unsaved text asks first; keeping edits keeps them', async () => {
    // Focus a plain field first, so this Escape is about the dialog and not the date picker.
    await addDialog().getByLabel('Role').click();
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'Discard what you typed?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await addDialog().getByLabel('Role').inputValue()).toBe('Platform Engineer');

    await addDialog().getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Discard' }).click();
    await addDialog().waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('an untouched dialog closes on Escape without a question', async () => {
    await openAdd();
    await page.keyboard.press('Escape');
    await addDialog().waitFor({ state: 'hidden' });
    expect(await page.getByRole('dialog', { name: 'Discard what you typed?' }).count()).toBe(0);
  });

  it('reads a typed date in the locale order and does not offer days the server refuses', async () => {
    await openAdd();
    await addDialog().getByLabel('Company').fill('Contoso');
    await addDialog().getByLabel('Role').fill('SRE');
    const applied = addDialog().getByLabel('Applied on');
    await applied.fill('3/11/2026');
    // Tomorrow is not offered: the server refuses an applied date in the future.
    const tomorrow = page.locator('[data-dates-dropdown] button[aria-label="11 November 2026"]');
    await tomorrow.waitFor();
    expect(await tomorrow.isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await addDialog().getByRole('button', { name: 'Add application' }).click();
    await addDialog().waitFor({ state: 'hidden' });
    const list = await api<{ items: { company: string; appliedOn: string | null }[] }>(
      server.url,
      'GET',
      '/api/v1/applications',
    );
    expect(list.items.find((a) => a.company === 'Contoso')?.appliedOn).toBe('2026-11-03');
  });

  it('Enter in a date field sends the day typed, or says why it cannot, never the day before', async () => {
    await page.goto(server.url);
    await openAdd();
    await addDialog().getByLabel('Company').fill('Fabrikam');
    await addDialog().getByLabel('Role').fill('Analyst');
    const applied = addDialog().getByLabel('Applied on');
    // Typed key by key, as a person does, then Enter without leaving the field.
    await applied.click();
    await page.keyboard.type('4/11/2026');
    await page.keyboard.press('Enter');
    await addDialog().waitFor({ state: 'hidden' });
    expect(await appliedOnOf('Fabrikam')).toBe('2026-11-04');

    // A day the field does not take is not sent as the one it had before: nothing is sent, and it says why.
    await openAdd();
    await addDialog().getByLabel('Company').fill('Proseware');
    await addDialog().getByLabel('Role').fill('Analyst');
    await applied.click();
    await page.keyboard.type('3/11/2026');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24/11/2026');
    await page.keyboard.press('Enter');
    await addDialog().getByText('This day cannot be after today.').waitFor();
    expect(await addDialog().isVisible()).toBe(true);
    expect(await appliedOnOf('Proseware')).toBeUndefined();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/11/2026');
    await page.keyboard.press('Enter');
    await addDialog().getByText('The day must be written like 10 Nov 2026.').waitFor();
    expect(await appliedOnOf('Proseware')).toBeUndefined();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5 Nov 2026');
    await page.keyboard.press('Enter');
    await addDialog().waitFor({ state: 'hidden' });
    expect(await appliedOnOf('Proseware')).toBe('2026-11-05');
  });

  it('a year typed key by key is not taken at two digits: the button sends the day typed', async () => {
    const calendar = page.locator('[data-dates-dropdown]');
    const applied = addDialog().getByLabel('Applied on');
    await page.goto(server.url);
    await openAdd();
    await addDialog().getByLabel('Company').fill('Litware');
    await addDialog().getByLabel('Role').fill('Analyst');
    await applied.click();
    await page.keyboard.type('4/11/20');
    // Halfway through the year, "20" is not 2020: the calendar stays on this month.
    await calendar.getByText('November 2026').waitFor();
    expect(await calendar.getByText('November 2020').count()).toBe(0);
    await page.keyboard.type('26');
    // The button, not Enter: the day typed is the one sent.
    await addDialog().getByRole('button', { name: 'Add application' }).click();
    await addDialog().waitFor({ state: 'hidden' });
    expect(await appliedOnOf('Litware')).toBe('2026-11-04');

    // Two digits for the year are read as 20xx once the field is left.
    await openAdd();
    await addDialog().getByLabel('Company').fill('Wingtip');
    await addDialog().getByLabel('Role').fill('Analyst');
    await applied.click();
    await page.keyboard.type('5/11/26');
    await addDialog().getByRole('button', { name: 'Add application' }).click();
    await addDialog().waitFor({ state: 'hidden' });
    expect(await appliedOnOf('Wingtip')).toBe('2026-11-05');
  });

  it('the button does not send the day the field had before when the day typed is refused', async () => {
    const applied = addDialog().getByLabel('Applied on');
    const add = addDialog().getByRole('button', { name: 'Add application' });
    await page.goto(server.url);
    await openAdd();
    await addDialog().getByLabel('Company').fill('Humongous');
    await addDialog().getByLabel('Role').fill('Analyst');
    // Typed key by key, a day after today, then the button (a click, not Enter).
    await applied.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24/11/2026');
    await add.click();
    await addDialog().getByText('This day cannot be after today.').waitFor();
    // Nothing is sent; the field still shows the day typed and has the focus, to put it right.
    expect(await addDialog().isVisible()).toBe(true);
    expect(await applied.inputValue()).toBe('24/11/2026');
    expect(await applied.evaluate((el) => el === document.activeElement)).toBe(true);
    // A day that cannot be read is not sent as today either.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/11/2026');
    await add.click();
    await addDialog().getByText('The day must be written like 10 Nov 2026.').waitFor();
    expect(await addDialog().isVisible()).toBe(true);
    expect(await saved('Humongous')).toEqual([]);
    // Put right, the button sends the day typed, once.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6/11/2026');
    await add.click();
    await addDialog().waitFor({ state: 'hidden' });
    expect(await saved('Humongous')).toEqual(['2026-11-06']);
  });

  it('a form sent from another field, or by a script, does not send the day before either', async () => {
    const applied = addDialog().getByLabel('Applied on');
    await page.goto(server.url);
    await openAdd();
    await addDialog().getByLabel('Company').fill('Trey');
    await applied.click();
    await page.keyboard.type('24/11/2026');
    // Left for another field: the day typed stays in sight, with why.
    await addDialog().getByLabel('Role').click();
    await addDialog().getByText('This day cannot be after today.').waitFor();
    expect(await applied.inputValue()).toBe('24/11/2026');
    // Enter there does not send the form: the date field takes the focus back.
    await page.keyboard.type('Analyst');
    await page.keyboard.press('Enter');
    await expect.poll(() => applied.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await addDialog().isVisible()).toBe(true);
    expect(await saved('Trey')).toEqual([]);
    // A two-digit year the field has not taken yet, the form sent without leaving the box:
    // the day is taken, then sent.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6/11/26');
    await applied.evaluate((el) => (el as HTMLInputElement).form?.requestSubmit());
    await addDialog().waitFor({ state: 'hidden' });
    expect(await saved('Trey')).toEqual(['2026-11-06']);
  });

  it("keeps the date field's error line in sight with the calendar open, on a phone too", async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    try {
      await page.goto(server.url);
      await openAdd();
      await addDialog().getByLabel('Company').fill('Adatum');
      await addDialog().getByLabel('Role').fill('Analyst');
      await addDialog().getByLabel('Applied on').click();
      await page.keyboard.type('24/11/2026');
      await page.keyboard.press('Enter');
      const line = addDialog().getByText('This day cannot be after today.');
      await line.waitFor();
      await page.locator('[data-dates-dropdown]').waitFor();
      // What is drawn at the middle of the error line is the line, not the calendar over it.
      const box = (await line.boundingBox())!;
      const atLine = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.textContent ?? '',
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      expect(atLine).toBe('This day cannot be after today.');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4/11/26');
      await page.keyboard.press('Enter');
      await addDialog().waitFor({ state: 'hidden' });
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  it('stops over-long text in the field itself', async () => {
    await openAdd();
    const company = addDialog().getByLabel('Company');
    expect(await company.getAttribute('maxlength')).toBe('200');
    await company.fill('x'.repeat(250));
    expect((await company.inputValue()).length).toBeLessThanOrEqual(200);
  });
});
