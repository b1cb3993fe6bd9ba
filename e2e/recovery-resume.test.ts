import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const NOW = new Date('2026-11-10T09:00:00Z');
let browser: Browser;
let server: Server;
let page: Page;
let appId: string;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer({ now: NOW });
  appId = (
    await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Globex',
      role: 'Data Engineer',
      stage: 'interviewing',
    })
  ).id;
  const dana = await api<{ id: string }>(server.url, 'POST', '/api/v1/contacts', {
    name: 'Dana Reyes',
    email: 'dana@globex.example',
  });
  await api(server.url, 'POST', '/api/v1/contacts', {
    name: 'Globex Careers',
    email: 'no-reply@globex.example',
  });
  await api(server.url, 'POST', `/api/v1/applications/${appId}/people`, {
    contactId: dana.id,
    role: 'interviewer',
  });
  await api(server.url, 'POST', `/api/v1/applications/${appId}/events`, {
    type: 'outcome_set',
    outcome: 'rejected',
  });
  page = await newPage(browser, 1366, 900);
  await page.clock.setFixedTime(NOW);
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

const flowUrl = () => `${server.url}/today/recovery/${appId}`;
const draft = () => page.getByTestId('feedback-draft');

describe('the guided steps after a rejection', () => {
  it('keeps edited feedback words and resumes at the step reached when reopened', async () => {
    await page.goto(flowUrl());
    await page.getByRole('heading', { name: 'After Globex' }).waitFor();
    await page.getByRole('button', { name: /Ask for feedback/ }).click();
    await draft().getByText('To: Dana Reyes <dana@globex.example>').waitFor();

    await draft().getByRole('button', { name: 'Edit the words' }).click();
    const editor = page.getByTestId('feedback-draft-editor');
    await editor
      .getByLabel('Message')
      .fill('Hi Dana,\n\nCould you tell me where my Kafka answers fell short?\n\nSam');
    await editor.getByRole('button', { name: 'Save my words' }).click();
    await draft()
      .getByText(/where my Kafka answers fell short/)
      .waitFor();

    // Reopened later from a plain link (no step in it): the flow is where it was, words kept.
    await page.goto(`${server.url}/applications/${appId}`);
    await page.getByRole('link', { name: 'Next steps after this no' }).click();
    await page.getByRole('heading', { name: 'Ask for feedback', level: 3 }).waitFor();
    await draft()
      .getByText(/where my Kafka answers fell short/)
      .waitFor();
  });

  it('warns when the chosen address is an automatic one, and offers the interviewer instead', async () => {
    await page.getByLabel('Who to write to').first().click();
    await page.getByRole('option', { name: 'Globex Careers' }).click();
    const warning = page.getByTestId('automatic-sender');
    await warning.getByText(/no-reply@globex\.example is not read by a person/).waitFor();
    await warning.getByRole('button', { name: 'Write to Dana Reyes' }).click();
    await draft().getByText('To: Dana Reyes <dana@globex.example>').waitFor();
    await expect.poll(() => page.getByTestId('automatic-sender').count()).toBe(0);
  });

  it('turns a weak step into a task in the words the user wrote, and resumes at the look back', async () => {
    await page.getByRole('button', { name: 'Not now; it will wait on Today' }).click();
    await page.getByRole('heading', { name: 'Look back', level: 3 }).waitFor();
    const item = page.getByTestId('look-back-item').first();
    const title = (await item.locator('p').first().textContent()) ?? '';
    await item.getByText('Could be stronger').click();
    await page.getByLabel(`Note: ${title}`).fill('Kafka partitioning');
    await page.getByRole('button', { name: 'Save look back' }).click();
    await page
      .getByTestId('action-item')
      .getByText(/^Work on Kafka partitioning: /)
      .waitFor();

    await page.goto(flowUrl());
    await page.getByRole('heading', { name: 'Look back', level: 3 }).waitFor();
    const rejection = await api<{ step: string }>(
      server.url,
      'GET',
      `/api/v1/applications/${appId}/rejection`,
    );
    expect(rejection.step).toBe('look-back');
  });
});
