import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { browserForFile, newPage } from './support/browser.ts';

/**
 * Issue 10, items 2, 4, 5, 7, 8, 9 and 10 as a person meets them: rounds and notes that can be
 * corrected, an import that recognises what was typed by hand, no false "likely no reply", the
 * type of work, removing sample data, a timed interview in the calendar file, and searching notes.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;

const browser = browserForFile();

const card = (page: Page, company: string) =>
  page
    .getByTestId('board-card')
    .filter({ has: page.getByTestId('card-company').getByText(company, { exact: true }) });

async function withServer(now: string, run: (server: Server, page: Page) => Promise<void>) {
  const server = await startTestServer({ now: new Date(now) });
  const page = await newPage(browser(), 1366, 900);
  try {
    await run(server, page);
  } catch (error) {
    await page
      .screenshot({ path: `test-results/ux2-failed-${Date.now()}.png`, fullPage: true })
      .catch(() => {});
    throw error;
  } finally {
    await page.context().close();
    await server.close();
  }
}

async function api<T>(server: Server, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function addApplication(page: Page, company: string, role: string, kind?: string) {
  await page.getByRole('button', { name: 'Add application' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add an application' });
  await dialog.getByLabel('Company').fill(company);
  await dialog.getByLabel('Role').fill(role);
  if (kind) {
    await dialog.getByLabel('Type of work').click();
    await page.getByRole('option', { name: kind, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Add application' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('correcting the history, and finding things again', () => {
  it('edits and deletes an interview round entered twice, with a start time that reaches the .ics', async () => {
    await withServer('2026-11-10T09:00:00Z', async (server, page) => {
      await api(server, 'PATCH', '/api/v1/settings', { timeZone: 'Europe/Paris' });
      const app = await api<{ id: string }>(server, 'POST', '/api/v1/applications', {
        company: 'Northwind Labs',
        role: 'Platform Engineer',
      });
      await page.goto(`${server.url}/applications/${app.id}`);
      await page.getByRole('heading', { name: 'Interview rounds' }).waitFor();

      // The same technical round, entered twice by mistake; the first with a day and a time.
      await page.getByLabel('Type of interview').first().click();
      await page.getByRole('option', { name: 'Technical', exact: true }).click();
      // The picker opens on the browser's month; the 20th of it.
      const now = new Date();
      const month = now.toLocaleString('en-GB', { month: 'long' });
      const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}20`;
      await page.getByLabel('Date', { exact: true }).first().click();
      await page.getByRole('button', { name: `20 ${month} ${now.getFullYear()}` }).click();
      await page.getByLabel('Start time').fill('14:30');
      await page.getByLabel('Length (minutes)').fill('45');
      await page.getByRole('button', { name: 'Add round' }).click();
      const rounds = page.getByTestId('round');
      await rounds.filter({ hasText: 'Round 1' }).getByText('14:30 · 45 min').waitFor();
      await page.getByLabel('Type of interview').first().click();
      await page.getByRole('option', { name: 'Technical', exact: true }).click();
      await page.getByRole('button', { name: 'Add round' }).click();
      await expect.poll(() => rounds.count()).toBe(2);

      // Edit the first: who it was with; delete the second.
      await page.getByRole('button', { name: 'Edit round 1' }).click();
      await page.getByTestId('round').first().getByLabel('With').fill('Dana Reyes');
      await page.getByRole('button', { name: 'Save round' }).click();
      await rounds.filter({ hasText: 'Round 1' }).getByText('with Dana Reyes').waitFor();
      await page.getByRole('button', { name: 'Delete round 2' }).click();
      await page
        .getByRole('group', { name: 'Delete round 2?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect.poll(() => rounds.count()).toBe(1);

      // Nothing silently lost: the history says what changed.
      await page.getByText('Edited round 1').waitFor();
      await page.getByText('Deleted round 2 (Technical)').waitFor();

      // The post-mortem asks about one round only once the application is closed.
      await api(server, 'POST', `/api/v1/applications/${app.id}/events`, {
        type: 'outcome_set',
        outcome: 'rejected',
      });
      const pm = await api<{ items: Array<{ kind: string }> }>(
        server,
        'GET',
        `/api/v1/applications/${app.id}/post-mortem`,
      );
      expect(pm.items.filter((i) => i.kind === 'interview_round')).toHaveLength(1);
      await api(server, 'POST', `/api/v1/applications/${app.id}/events`, { type: 'reopened' });

      // The calendar file carries the time in the user's zone.
      const ics = await (await fetch(`${server.url}/api/v1/calendar.ics`)).text();
      expect(ics).toContain('BEGIN:VTIMEZONE');
      expect(ics).toContain(`DTSTART;TZID=Europe/Paris:${day}T143000`);
      expect(ics).toContain(`DTEND;TZID=Europe/Paris:${day}T151500`);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'test-results/ux2-rounds-390.png', fullPage: true });
    });
  });

  it('edits and deletes a timeline note, and search finds notes, job descriptions and people', async () => {
    await withServer('2026-11-10T09:00:00Z', async (server, page) => {
      const acme = await api<{ id: string }>(server, 'POST', '/api/v1/applications', {
        company: 'Acme',
        role: 'Engineer',
        jobDescription: 'You will own our Elixir services.',
      });
      await api(server, 'POST', '/api/v1/applications', { company: 'R_D Labs', role: 'Analyst' });
      await api(server, 'POST', '/api/v1/applications', { company: 'RxD Labs', role: 'Analyst' });
      await page.goto(`${server.url}/applications/${acme.id}`);
      await page
        .getByPlaceholder('What happened, what you learned, what to do next')
        .fill('Recruiter mentioned Kafka partitioning');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('Recruiter mentioned Kafka partitioning').waitFor();
      await page.waitForLoadState('networkidle');

      await page.getByRole('button', { name: 'Edit note' }).click();
      await page.getByLabel('Note text').fill('Recruiter mentioned Pulsar partitioning');
      await page.getByRole('button', { name: 'Save note' }).click();
      await page.getByText('Note (edited)').waitFor();
      await page.getByText('Before: Recruiter mentioned Kafka partitioning').waitFor();

      const search = async (text: string) => {
        await page.goto(`${server.url}/applications`);
        await page.getByLabel('Search applications').fill(text);
        await expect.poll(() => page.url()).toContain('q=');
        await page.waitForLoadState('networkidle');
        return page.getByTestId('table-row');
      };
      let rows = await search('pulsar');
      await expect.poll(() => rows.count()).toBe(1);
      await rows.getByText('Acme').waitFor();
      rows = await search('elixir');
      await expect.poll(() => rows.count()).toBe(1);
      rows = await search('R_D');
      await expect.poll(() => rows.count()).toBe(1);
      await rows.getByText('R_D Labs').waitFor();
      await page.screenshot({ path: 'test-results/ux2-search-1366.png' });

      await page.goto(`${server.url}/applications/${acme.id}`);
      await page.getByRole('button', { name: 'Delete note' }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByText('Note (deleted)').waitFor();
      rows = await search('pulsar');
      await expect.poll(() => rows.count()).toBe(0);
    });
  });

  it('offers “Contract” as the type of work and keeps it', async () => {
    await withServer('2026-11-10T09:00:00Z', async (server, page) => {
      await page.goto(server.url);
      await addApplication(page, 'Globex', 'Data Engineer', 'Contract');
      await card(page, 'Globex').waitFor();
      const list = await api<{ items: Array<{ company: string; kind: string }> }>(
        server,
        'GET',
        '/api/v1/applications',
      );
      expect(list.items.find((a) => a.company === 'Globex')?.kind).toBe('contract');
    });
  });

  it('removes the sample data in one click and keeps what the user added', async () => {
    await withServer('2026-11-10T09:00:00Z', async (server, page) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Load sample data' }).click();
      const banner = page.getByTestId('sample-data-banner');
      await banner.waitFor();
      await addApplication(page, 'My Own Company', 'Designer');
      await card(page, 'My Own Company').waitFor();
      await page.screenshot({ path: 'test-results/ux2-sample-1366.png' });
      await banner.getByRole('button', { name: 'Remove sample data' }).click();
      await banner.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('board-card').count()).toBe(1);
      await card(page, 'My Own Company').waitFor();
    });
  });

  it('does not flag an application imported at Screening as quiet from its applied date', async () => {
    await withServer('2026-11-10T09:00:00Z', async (_server, page) => {
      await page.goto(`${_server.url}/import`);
      await page.locator('input[type=file]').setInputFiles({
        name: 'tracker.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'Company,Job Title,Status,Date Applied\nTailspin,QA Lead,Phone screen,2026-09-01\nInitech,QA Engineer,Applied,2026-09-01\n',
          'utf8',
        ),
      });
      await page.getByRole('button', { name: 'Import 2 applications' }).click();
      await page.getByTestId('import-report').getByRole('link', { name: 'Open the board' }).click();
      await card(page, 'Initech')
        .getByText(/likely no reply/)
        .waitFor();
      await card(page, 'Tailspin').waitFor();
      expect(
        await card(page, 'Tailspin')
          .getByText(/likely no reply/)
          .count(),
      ).toBe(0);
    });
  });

  it('recognises an application typed by hand in a LinkedIn export, and merges it on request', async () => {
    await withServer('2023-07-20T09:00:00Z', async (server, page) => {
      await api(server, 'POST', '/api/v1/applications', {
        company: 'contoso',
        role: 'BI developer',
        appliedOn: '2023-06-14',
      });
      await page.goto(`${server.url}/import`);
      await page.locator('input[type=file]').setInputFiles({
        name: 'Job Applications.csv',
        mimeType: 'text/csv',
        buffer: readFileSync(
          new URL('../test/fixtures/imports/linkedin-job-applications.csv', import.meta.url),
        ),
      });
      const preview = page.getByTestId('import-preview');
      await preview.getByText(/1 already\s+in Rebound/).waitFor();
      const twin = page.getByTestId('likely-duplicate').filter({ hasText: 'Contoso, Ltd.' });
      await twin.getByText('you have contoso · BI developer').waitFor();
      await page.screenshot({ path: 'test-results/ux2-duplicates-1366.png', fullPage: true });
      await twin.getByText('Merge', { exact: true }).click();
      await page.getByRole('button', { name: 'Import 2 applications, merge 1' }).click();
      await page.getByTestId('import-report').waitFor();
      const list = await api<{ items: Array<{ company: string; jobUrl: string | null }> }>(
        server,
        'GET',
        '/api/v1/applications',
      );
      expect(list.items).toHaveLength(3);
      expect(list.items.find((a) => a.company === 'contoso')?.jobUrl).toBe(
        'https://www.linkedin.com/jobs/view/3650000003/',
      );
    });
  });
});
