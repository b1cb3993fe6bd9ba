import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackerCsv } from '../test/bad-files/generate.ts';
import { startTestServer } from '../test/support/server.ts';
import { browserForFile, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const browser = browserForFile();

describe('importing a large file', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: new Date('2026-07-20T10:00:00Z') });
    page = await newPage(browser(), 1366, 800);
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it("shows the server's progress while a 10,000-row CSV is read and saved", async () => {
    await page.goto(`${server.url}/import`);
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();
    const seen = new Set<string>();
    const watch = setInterval(() => {
      void page
        .getByLabel('Progress')
        .locator('xpath=../..')
        .innerText({ timeout: 200 })
        .then((text) => seen.add(text.split('\n')[0]!))
        .catch(() => {});
    }, 50);
    const asked: number[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/v1/imports/progress/')) asked.push(res.status());
    });
    await page.locator('input[type=file]').setInputFiles({
      name: 'big-tracker.csv',
      mimeType: 'text/csv',
      buffer: trackerCsv(10_000),
    });
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: /Import 10,?000/ }).click();
    await page.getByText(/10,?000 applications are on your board/).waitFor({ timeout: 120_000 });
    clearInterval(watch);
    // The page asked the server how far it was, and the bar named what it was doing.
    expect(asked).toContain(200);
    expect(
      [...seen].some((t) => /^(Reading big-tracker\.csv|Checking 10,000 rows|Saving applications)/.test(t)),
    ).toBe(true);
  }, 240_000);

  it('explains a file past a limit, naming the limit, and imports nothing', async () => {
    await page.goto(`${server.url}/import`);
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();
    const wide = `${Array.from({ length: 800 }, (_, i) => `c${i}`).join(',')}\nAcme,Analyst\n`;
    await page.locator('input[type=file]').setInputFiles({
      name: 'wide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(wide),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: 'line 1 of the CSV file has 800 columns; the limit is 500' })
      .waitFor();
  });
});
