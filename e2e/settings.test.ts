import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { describeInBrowser, ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

describeInBrowser('settings', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchBrowser();
    server = await startTestServer({ now: new Date('2026-11-10T09:00:00Z') });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves the name drafts are signed with, and explains a threshold that is too short', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/settings`);
    await page.getByLabel('Your name').fill('Sam Lee');
    const days = page.getByLabel('Call it “no reply” after');
    await days.fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('must be at least 3 days').waitFor();

    await days.fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const saved = await (await fetch(`${server.url}/api/v1/settings`)).json();
    expect(saved).toMatchObject({ userName: 'Sam Lee', ghostAfterDays: 30 });

    await page.reload();
    await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('Sam Lee');
  });
});
