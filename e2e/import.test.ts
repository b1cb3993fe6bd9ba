import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { browserForFile, describeInBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const browser = browserForFile();

// A tracker export as spreadsheets write it: a UTF-8 byte-order mark, Windows line ends, a row
// with no company (unreadable), and statuses in the tracker's own words.
const CSV =
  '\uFEFFCompany,Job Title,Status,Date Applied\r\n' +
  'Northwind Labs,Data Analyst,Phone screen,2026-01-05\r\n' +
  'Globex,Backend Engineer,Rejected,2026-01-03\r\n' +
  ',Mystery Role,Applied,2026-01-04\r\n' +
  'Initech,QA Engineer,Applied,2026-01-10\r\n';

const column = (page: Page, id: string) => page.getByTestId(`column-${id}`);

describeInBrowser('import', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: new Date('2026-02-01T10:00:00Z') });
    page = await newPage(browser(), 1280, 800);
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('previews a CSV, skips the unreadable row on request and puts the rest on the board', async () => {
    await page.goto(`${server.url}/import`);
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();

    await page.locator('input[type=file]').setInputFiles({
      name: 'my-tracker.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });

    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const rows = page.getByTestId('preview-row');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.filter({ hasText: 'Northwind Labs' }).getByText('Screening').waitFor();
    await rows.filter({ hasText: 'Globex' }).getByText('Rejected').waitFor();

    // The statuses as the file words them, and what Rebound reads them as.
    const stages = page.getByTestId('stage-mapping');
    const phoneScreen = stages.getByRole('row').filter({ hasText: 'Phone screen' });
    expect(await phoneScreen.getByLabel('Stage for "Phone screen"').inputValue()).toBe('Screening');

    // The row without a company is named by its line, and the all-or-nothing import waits.
    await page
      .getByTestId('invalid-rows')
      .getByText(/line 4: company/)
      .waitFor();
    // Skipping the bad rows is the only way on, so it is the only button.
    expect(await page.getByRole('button', { name: 'Import 3 applications' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Skip the 1 bad row and import the rest' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('3 applications imported from my-tracker.csv').waitFor();
    await report.getByText(/line 4: company/).waitFor();

    await report.getByRole('link', { name: 'Open the board' }).click();
    await column(page, 'screening').getByText('Northwind Labs').waitFor();
    await column(page, 'applied').getByText('Initech').waitFor();
    const globex = column(page, 'closed').getByTestId('board-card').filter({ hasText: 'Globex' });
    await globex.getByText('Rejected').waitFor();
    await globex.getByText('reached: applied').waitFor();
  });

  it('finds the same rows already in Rebound when the file is imported again', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'my-tracker.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    const duplicates = page.getByTestId('duplicates');
    await duplicates.getByText(/Globex · Backend Engineer \(already in Rebound\)/).waitFor();
    await expect.poll(() => page.getByTestId('preview-row').count()).toBe(0);
  });

  it('reads a misspelled status the way the user chooses in the Statuses card', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'typos.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Company,Job Title,Status,Date Applied\nTailspin,QA Lead,Interveiw,2026-01-12\nFabrikam,Analyst,Applied,2026-01-13\n',
        'utf8',
      ),
    });
    await page.getByTestId('invalid-rows').getByText('line 2: unknown stage "Interveiw"').waitFor();
    const interveiw = page.getByTestId('stage-mapping').getByRole('row').filter({ hasText: 'Interveiw' });
    await interveiw.getByText('not understood').waitFor();

    await interveiw.getByLabel('Stage for "Interveiw"').click();
    await page.getByRole('option', { name: 'Interviewing', exact: true }).click();

    await interveiw.getByText('your choice').waitFor();
    await page.getByTestId('preview-row').filter({ hasText: 'Tailspin' }).getByText('Interviewing').waitFor();
    await expect.poll(() => page.getByTestId('invalid-rows').count()).toBe(0);
    await page.getByRole('button', { name: 'Import 2 applications' }).click();
    await page.getByTestId('import-report').getByText('2 applications imported from typos.csv').waitFor();
  });
});
