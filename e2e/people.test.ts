import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let browser: Browser;
let server: Server;
let page: Page;
let appId: string;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer();
  appId = (
    await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Northwind Labs',
      role: 'Platform Engineer',
      stage: 'interviewing',
    })
  ).id;
  await api(server.url, 'POST', '/api/v1/contacts', { name: 'Lee Park', email: 'lee@northwind.example' });
  page = await newPage(browser, 1366, 900);
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

const people = () => page.getByTestId('people-card');
const person = (name: string) => people().getByTestId('person').filter({ hasText: name });

describe('the people of an open application', () => {
  it('adds someone new as recruiter and links a known contact as interviewer', async () => {
    await page.goto(`${server.url}/applications/${appId}`);
    await people().getByText('No one yet.').waitFor();

    await people().getByRole('button', { name: 'Add someone new' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add someone you met' });
    await dialog.getByLabel('Name').fill('Dana Reyes');
    await dialog.getByLabel('Email').fill('dana@northwind.example');
    await dialog
      .getByRole('button', { name: /Add|Save/ })
      .last()
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await person('Dana Reyes').getByText('Recruiter').waitFor();

    await people().getByLabel('Their part').click();
    await page.getByRole('option', { name: 'Interviewer', exact: true }).click();
    await people().getByLabel('Someone you know').click();
    await page.getByRole('option', { name: 'Lee Park' }).click();
    await people().getByRole('button', { name: 'Link', exact: true }).click();
    await person('Lee Park').getByText('Interviewer').waitFor();

    // Saved, not only drawn.
    await page.reload();
    await person('Dana Reyes').getByText('Recruiter').waitFor();
    await person('Lee Park').getByText('Interviewer').waitFor();
  });

  it('unlinks a person without deleting the contact', async () => {
    await people().getByRole('button', { name: 'Unlink Lee Park' }).click();
    await expect.poll(() => person('Lee Park').count()).toBe(0);
    const contacts = await api<{ items: { name: string }[] }>(server.url, 'GET', '/api/v1/contacts');
    expect(contacts.items.map((c) => c.name)).toContain('Lee Park');
  });

  it('the feedback request after a rejection is addressed to the linked recruiter', async () => {
    await page.getByRole('button', { name: 'Mark rejected…' }).click();
    const reject = page.getByRole('dialog', { name: 'Log a rejection' });
    await reject.getByRole('button', { name: 'Log rejection' }).click();
    await page.getByRole('heading', { name: 'After Northwind Labs' }).waitFor();
    await page.getByRole('button', { name: /Ask for feedback/ }).click();
    await page.getByTestId('feedback-draft').getByText('To: Dana Reyes <dana@northwind.example>').waitFor();
    expect(await page.getByLabel('Who to write to').first().inputValue()).toContain('Dana Reyes');
  });
});
