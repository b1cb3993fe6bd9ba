import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { browserForFile, describeInBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const NOW = new Date('2026-11-10T09:00:00Z');
const THREE_DAYS_LATER = new Date('2026-11-13T09:00:00Z');

const browser = browserForFile();

/** The server's clock and the browser's agree, so "today" means the same day on both sides. */
async function setClock(server: Server, page: Page, at: Date) {
  server.setNow(at);
  await page.clock.setFixedTime(at);
}

const section = (page: Page, id: string) => page.getByTestId(`today-section-${id}`);
const todayItem = (page: Page, text: string) => page.getByTestId('today-item').filter({ hasText: text });

describeInBrowser('after a rejection', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: NOW });
    page = await newPage(browser(), 1280, 900);
    await setClock(server, page, NOW);
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('guides from "mark rejected" through the pause and feedback, then plans a connection request', async () => {
    const app = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Northwind Labs',
      role: 'Platform Engineer',
      stage: 'interviewing',
    });

    // Mark it rejected from the application page; the guided flow opens.
    await page.goto(`${server.url}/applications/${app.id}`);
    await page.getByRole('button', { name: 'Mark rejected…' }).click();
    const reject = page.getByRole('dialog', { name: 'Log a rejection' });
    await reject.getByRole('button', { name: 'Log rejection' }).click();
    await page.getByRole('heading', { name: 'After Northwind Labs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/today/recovery/${app.id}`);

    // Step 1: the pause, a journal line and a mood.
    await page.getByRole('heading', { name: 'Take a breath' }).waitFor();
    await page.getByText(/Your pause runs until/).waitFor();
    await page
      .getByLabel('How are you feeling about this one right now?')
      .fill('Tired, but I liked the team.');
    await page.getByText('Okay', { exact: true }).click();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Step 2: the drafted email, addressed to someone met during the process.
    await page.getByRole('heading', { name: 'Ask for feedback' }).waitFor();
    const draft = page.getByTestId('feedback-draft');
    await draft
      .getByText(/the Platform Engineer role at Northwind Labs/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Add someone you met' }).click();
    const addContact = page.getByRole('dialog', { name: 'Add someone you met' });
    await addContact.getByLabel('Name').fill('Dana Reyes');
    await addContact.getByLabel('Email').fill('dana@northwind.example');
    await addContact.getByRole('button', { name: 'Add contact' }).click();
    await addContact.waitFor({ state: 'hidden' });
    await draft.getByText('To: Dana Reyes <dana@northwind.example>').waitFor();
    await draft.getByText(/Hello Dana Reyes,/).waitFor();
    expect(await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href')).toMatch(
      /^mailto:dana@northwind\.example\?subject=/,
    );
    await page.getByRole('button', { name: 'Not now; it will wait on Today' }).click();
    await page.getByRole('heading', { name: 'Look back' }).waitFor();

    // The journal entry was kept, with its mood.
    const rejection = await api<{ journal: { text: string; mood: number }[] }>(
      server.url,
      'GET',
      `/api/v1/applications/${app.id}/rejection`,
    );
    expect(rejection.journal).toEqual([
      expect.objectContaining({ text: 'Tired, but I liked the team.', mood: 3 }),
    ]);

    // Today: a gentle banner during the pause, and the feedback request to send.
    await page.getByRole('link', { name: 'Today' }).click();
    await page.getByTestId('pause-banner').waitFor();
    const send = todayItem(page, 'Send your feedback request to Northwind Labs');
    await send.waitFor();
    await send.getByRole('button', { name: 'Mark sent' }).click();
    await send.waitFor({ state: 'detached' });
    await todayItem(page, 'A gentle check-in on your feedback request to Northwind Labs').waitFor();

    // Dana, picked in the flow, is who it went to.
    await page.goto(`${server.url}/today/recovery/${app.id}?step=feedback`);
    await page.getByText(/^Sent /).waitFor();
    await draft.getByText('To: Dana Reyes <dana@northwind.example>').waitFor();
    await draft.getByText(/Hello Dana Reyes,/).waitFor();

    // Back in the flow: keep in touch with Dana.
    await page.goto(`${server.url}/today/recovery/${app.id}?step=keep-in-touch`);
    await page.getByRole('heading', { name: 'Keep in touch' }).waitFor();
    await page.getByLabel(/Dana Reyes/).check();
    await page.getByRole('button', { name: 'Start keeping in touch' }).click();
    const plan = page.getByTestId('touch-plan');
    await plan.getByText('Keeping in touch with Dana Reyes').waitFor();
    const note = await plan.getByLabel('Connection-request note').inputValue();
    expect(note.length).toBeLessThanOrEqual(300);
    expect(await plan.getByTestId('note-counter').textContent()).toBe(`${note.length} / 300`);
    await plan.getByText('Connection request: Fri 13 Nov').waitFor();

    // Not due yet today: the connection request waits in "Coming up".
    await page.getByRole('button', { name: 'Finish and go to Today' }).click();
    await section(page, 'upcoming').getByText('Send Dana Reyes a connection request').waitFor();
    await expect
      .poll(() => section(page, 'today').getByText('Send Dana Reyes a connection request').count())
      .toBe(0);

    // Three days later it is today's task, with its note ready to copy.
    await setClock(server, page, THREE_DAYS_LATER);
    await page.reload();
    const connect = section(page, 'today')
      .getByTestId('today-item')
      .filter({ hasText: 'Send Dana Reyes a connection request' });
    await connect.waitFor();
    await connect.getByRole('button', { name: 'Copy the note' }).waitFor();
    await expect.poll(() => page.getByTestId('pause-banner').count()).toBe(0);
    await connect.getByRole('button', { name: 'Done' }).click();
    await connect.waitFor({ state: 'detached' });
  });
});

describeInBrowser('contacts', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: NOW });
    page = await newPage(browser(), 1280, 900);
    await setClock(server, page, NOW);
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('asks for a way to reach someone, then saves them', async () => {
    await page.goto(`${server.url}/contacts`);
    await page.getByRole('button', { name: 'Add your first contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a contact' });
    await dialog.getByLabel('Name').fill('Sam Okafor');
    await dialog.getByLabel('Company').fill('Contoso');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await dialog.getByText('add an email, a LinkedIn URL or a phone number so you can reach them').waitFor();

    await dialog.getByLabel('LinkedIn URL').fill('linkedin.com/in/sam-okafor');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByTestId('contact-row').filter({ hasText: 'Sam Okafor' }).waitFor();
    const detail = page.getByTestId('contact-detail');
    await detail.getByRole('heading', { name: 'Sam Okafor' }).waitFor();
    expect(await detail.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toBe(
      'https://linkedin.com/in/sam-okafor',
    );
  });
});
