import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chatServerForTests, EVIL_REPLY } from '../test/support/chat-server.ts';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { browserForFile, describeInBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const NOW = new Date('2026-11-10T09:00:00Z');
const browser = browserForFile();

describeInBrowser('your own model', () => {
  let server: Server;
  const chat = chatServerForTests();
  let page: Page;
  const alerts: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ now: NOW });
    page = await newPage(browser(), 1280, 900);
    await page.clock.setFixedTime(NOW);
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('is set up in Settings, shows the exact text first, sends only on the press, and keeps the accepted draft', async () => {
    const app = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Northwind Labs',
      role: 'Platform Engineer',
      stage: 'interviewing',
    });
    const rejection = await api<{ feedbackRequestId: string }>(server.url, 'POST', '/api/v1/rejections', {
      applicationId: app.id,
    });
    const feedbackId = rejection.feedbackRequestId;

    // Off by default: the feature says how to turn it on, and keeps its own path.
    await page.goto(`${server.url}/today/recovery/${app.id}?step=feedback`);
    await page.getByTestId('feedback-draft').waitFor();
    await page.getByTestId('ai-off').getByRole('link', { name: 'Set one up in Settings' }).click();

    // Settings: local endpoints are offered first; the test points at its own chat server.
    const card = page.getByTestId('own-model');
    await card.getByText('Off', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Ollama' }).click();
    await expect
      .poll(() => card.getByLabel('Address (base URL)').inputValue())
      .toBe('http://localhost:11434/v1');
    await card.getByLabel('Address (base URL)').fill(chat.baseUrl);
    await card.getByLabel('Model name').fill('echo');
    await card.getByRole('button', { name: 'Turn on' }).click();
    await card.getByText('On', { exact: true }).waitFor();
    await card.getByText('Nothing has been sent to a model.').waitFor();

    // The rewrite: the exact text is shown and editable; nothing goes out before the press.
    await page.goto(`${server.url}/today/recovery/${app.id}?step=feedback`);
    await page.getByRole('button', { name: 'Rewrite with my model' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rewrite the feedback request in your voice' });
    const toSend = dialog.getByLabel('Text to send');
    await expect
      .poll(() => toSend.inputValue())
      .toMatch(/Rewrite this feedback request so it sounds like me/);
    expect(await toSend.inputValue()).toMatch(/Northwind Labs/);
    expect(chat.received).toHaveLength(0);
    const edited = 'Subject: One quick question\n\nCould you share one thing I could do better next time?';
    await toSend.fill(edited);
    const host = new URL(chat.baseUrl).host;
    await dialog.getByRole('button', { name: `Send to ${host}` }).click();

    // The answer is a draft: edited here, then accepted into the feedback request.
    const answer = dialog.getByLabel("Your model's draft");
    await expect.poll(() => answer.inputValue()).toBe(`REWRITTEN: ${edited}`);
    expect(chat.received.map((r) => r.body.messages)).toEqual([[{ role: 'user', content: edited }]]);
    await answer.fill(
      'Subject: One quick question\n\nCould you share one thing I could do better? Thank you.',
    );
    await dialog.getByRole('button', { name: 'Use these words' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const draft = page.getByTestId('feedback-draft');
    await draft.getByText('One quick question').waitFor();
    await draft.getByText('Could you share one thing I could do better? Thank you.').waitFor();
    const saved = await api<{ draft: { subject: string; body: string; edited: boolean } }>(
      server.url,
      'GET',
      `/api/v1/feedback-requests/${feedbackId}`,
    );
    expect(saved.draft).toMatchObject({
      subject: 'One quick question',
      body: 'Could you share one thing I could do better? Thank you.',
      edited: true,
    });

    // A reply full of instructions and markup comes back as plain text, kept beside the reply.
    await api(server.url, 'PATCH', `/api/v1/feedback-requests/${feedbackId}`, { state: 'sent' });
    await api(server.url, 'PATCH', `/api/v1/feedback-requests/${feedbackId}`, {
      state: 'answered',
      answer: 'Your testing answers were thin.',
    });
    await api(server.url, 'PUT', '/api/v1/ai/endpoint', { baseUrl: chat.baseUrl, model: 'evil' });
    await page.reload();
    await page.getByRole('button', { name: 'Summarise into themes with my model' }).click();
    const themes = page.getByRole('dialog', { name: 'Sum up their reply into themes' });
    await expect.poll(() => themes.getByLabel('Text to send').inputValue()).toMatch(/thin/);
    await themes.getByRole('button', { name: `Send to ${host}` }).click();
    await expect.poll(() => themes.getByLabel("Your model's draft").inputValue()).toBe(EVIL_REPLY);
    await themes.getByRole('button', { name: 'Keep these themes' }).click();
    await themes.waitFor({ state: 'hidden' });
    const kept = page.getByTestId('reply-themes');
    await kept.getByText(EVIL_REPLY).waitFor();
    await page.getByText('Their answer: Your testing answers were thin.').waitFor();
    expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
    expect(alerts).toEqual([]);

    // Every call is in the local log: when, which feature, how many characters.
    await page.goto(`${server.url}/settings`);
    const log = page.getByTestId('ai-log');
    await log.getByText('Rewrite a feedback request').waitFor();
    await log.getByText('Themes of a feedback reply').waitFor();
    await log.getByText(new RegExp(`· ${edited.length} characters · answered`)).waitFor();
  });
});
