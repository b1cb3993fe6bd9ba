import { readFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPageServer } from '../src/services/imports/test-page-server.ts';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { browserForFile, describeInBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const browser = browserForFile();

const rejectionEml = readFileSync(
  new URL('../test/fixtures/mail/email-agent/rejection.eml', import.meta.url),
);
const blogPost = readFileSync(new URL('../test/fixtures/job-pages/blog-post.html', import.meta.url), 'utf8');

const column = (page: Page, id: string) => page.getByTestId(`column-${id}`);
const card = (page: Page, company: string) =>
  page
    .getByTestId('board-card')
    .filter({ has: page.getByTestId('card-company').getByText(company, { exact: true }) });

/** Clicks "Download" on the row named `row` of the export list and reads the file the browser saved. */
async function download(page: Page, row: string): Promise<{ name: string; text: string }> {
  // The innermost block holding both the row's name and its button.
  const button = page
    .locator('div')
    .filter({ has: page.getByText(row, { exact: true }) })
    .filter({ has: page.getByRole('link', { name: 'Download' }) })
    .last()
    .getByRole('link', { name: 'Download' });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  // Read through the connection (the shared Chromium may run in another process than the test).
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describeInBrowser('import sources', () => {
  let server: Server;
  let pages: { base: string; server: HttpServer };
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: new Date('2026-07-15T10:00:00Z') });
    pages = await startPageServer();
    // The job pages are served from this machine: turn on reading them, as a local user can.
    await api(server.url, 'PATCH', '/api/v1/settings', { fetchLocalAddresses: true });
    page = await newPage(browser(), 1280, 800);
  });

  afterAll(async () => {
    await page?.context().close();
    await new Promise<void>((resolve) => (pages ? pages.server.close(() => resolve()) : resolve()));
    await server?.close();
  });

  it('reads a job page by its address, shows what it found and adds it to the board', async () => {
    await page.goto(`${server.url}/import/job-page`);
    await page.getByRole('heading', { name: 'From a job page' }).waitFor();

    await page.getByLabel('Job page address').fill(`${pages.base}/ats-graph.html`);
    await page.getByRole('button', { name: 'Read the page' }).click();

    const preview = page.getByTestId('job-page-preview');
    await preview.getByRole('heading', { name: 'Senior Platform Engineer' }).waitFor();
    await preview.getByText('Quillfeather Labs', { exact: true }).waitFor();
    await preview.getByText(/Own our Kubernetes clusters/).waitFor();

    await preview.getByRole('button', { name: 'Add application' }).click();
    await page.getByRole('link', { name: 'Quillfeather Labs · Senior Platform Engineer' }).waitFor();
    await expect.poll(() => preview.count()).toBe(0);

    await page.goto(server.url);
    await column(page, 'saved').getByText('Quillfeather Labs').waitFor();
    expect(await card(page, 'Quillfeather Labs').getByText('Senior Platform Engineer').count()).toBe(1);
  });

  it('says kindly when pasted HTML has no job on it', async () => {
    await page.goto(`${server.url}/import/job-page`);
    await page.getByText('Page HTML', { exact: true }).click();
    await page.getByLabel('Job page HTML').fill(blogPost);
    await page.getByRole('button', { name: 'Read the page' }).click();

    await page
      .getByText(/^No job posting found on this page: .*Fill in the company and role yourself\.$/)
      .waitFor();
    await expect.poll(() => page.getByTestId('job-page-preview').count()).toBe(0);
  });

  it('fills the empty fields of the add form from a job page', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Add application' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add an application' });
    await dialog.getByRole('button', { name: 'Fill from a job page' }).click();
    await dialog.getByLabel('Job page address').fill(`${pages.base}/ats-graph.html`);
    await dialog.getByRole('button', { name: 'Read the page' }).click();

    // The reader folds away once it has filled the form.
    await dialog.getByLabel('Job page address').waitFor({ state: 'hidden' });
    expect(await dialog.getByLabel('Company').inputValue()).toBe('Quillfeather Labs');
    expect(await dialog.getByLabel('Role').inputValue()).toBe('Senior Platform Engineer');
    expect(await dialog.getByLabel('Job description').inputValue()).toContain('Own our Kubernetes clusters');

    // The form holds what the page filled in, so closing it asks first.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Discard what you typed?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('reads a rejection e-mail, closes its application, and does nothing new the second time', async () => {
    const corp = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Example Corp',
      role: 'Software Engineer',
      appliedOn: '2026-06-20',
    });

    await page.goto(`${server.url}/import/email`);
    await page.getByRole('heading', { name: 'From mail files' }).waitFor();
    const upload = () =>
      page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({
        name: 'rejection.eml',
        mimeType: 'message/rfc822',
        buffer: rejectionEml,
      });
    await upload();

    const report = page.getByTestId('mail-report');
    await report.getByText('1 message read from rejection.eml').waitFor();
    await report.getByText(/^1 recorded · 0 waiting for you/).waitFor();
    const row = report.getByRole('row').filter({ hasText: 'Update on your application - Software Engineer' });
    await row.getByText('Rejection').waitFor();
    await row.getByText(/“move forward with other”/).waitFor();
    await row.getByText(/“other candidates whose”/).waitFor();
    await row.getByRole('link', { name: 'Example Corp · Software Engineer' }).waitFor();
    await row.getByText('Recorded').waitFor();

    await page.goto(server.url);
    await card(page, 'Example Corp').waitFor();
    const closed = column(page, 'closed').getByTestId('board-card').filter({ hasText: 'Example Corp' });
    await closed.getByText('Rejected').waitFor();

    await page.goto(`${server.url}/import/email`);
    await upload();
    await report.getByText(/^0 recorded · 0 waiting for you · 0 not about a job · 1 seen before$/).waitFor();
    await report
      .getByRole('row')
      .filter({ hasText: 'Update on your application' })
      .getByText('Seen before')
      .waitFor();
    // Still one rejection on its history, not two.
    const after = await api<{ outcome: string | null; events: { type: string }[] }>(
      server.url,
      'GET',
      `/api/v1/applications/${corp.id}`,
    );
    expect(after.outcome).toBe('rejected');
    expect(after.events.filter((e) => e.type === 'outcome_set')).toHaveLength(1);
  });

  it('downloads the CSV and the backup, and the backup restores on a fresh Rebound', async () => {
    await page.goto(`${server.url}/import/export`);
    await page.getByRole('heading', { name: 'Take your data with you' }).waitFor();

    const csv = await download(page, 'Applications (.csv)');
    expect(csv.name).toBe('rebound-applications.csv');
    const header = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(header).toBe(
      'id,company,role,channel,kind,applied_on,stage,furthest_stage,outcome,closed_on,last_response_on,location,work_mode,salary_min,salary_max,salary_currency,job_url,website,tags,notes,created_at',
    );
    expect(csv.text).toContain('Quillfeather Labs,Senior Platform Engineer');
    expect(csv.text).toContain('Example Corp,Software Engineer');

    const backup = await download(page, 'Full backup (.json)');
    expect(backup.name).toBe('rebound-backup.json');
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'rebound-backup' });

    const fresh = await startTestServer({ now: new Date('2026-07-15T10:00:00Z') });
    try {
      await page.goto(`${fresh.url}/import/export`);
      await page.getByRole('heading', { name: 'Restore a backup' }).waitFor();
      await page.locator('input[type=file]').setInputFiles({
        name: 'rebound-backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(backup.text, 'utf8'),
      });
      await page.getByText('rebound-backup.json is back in Rebound.').waitFor();

      await page.goto(fresh.url);
      await column(page, 'saved').getByText('Quillfeather Labs').waitFor();
      await column(page, 'closed')
        .getByTestId('board-card')
        .filter({ hasText: 'Example Corp' })
        .getByText('Rejected')
        .waitFor();
    } finally {
      await fresh.close();
    }
  });
});
