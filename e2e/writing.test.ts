import { expect, it } from 'vitest';
import { appPageForFile } from './support/app-page.ts';
import { browserForFile, describeInBrowser } from './support/browser.ts';

const NOW = new Date('2026-11-10T09:00:00Z');
const TWO_DAYS_LATER = new Date('2026-11-12T09:00:00Z');
const SHOTS = process.env.REBOUND_SHOTS_DIR;

const browser = browserForFile();

describeInBrowser('writing after a no', () => {
  const ui = appPageForFile(browser, { now: NOW, clock: 'installed' });

  async function setClock(at: Date) {
    ui.server.setNow(at);
    await ui.page.clock.setFixedTime(at);
  }

  it('offers the writing and the reframe card after a rejection, writes a session with a quiet timer, and another on a later day', async () => {
    const res = await fetch(`${ui.server.url}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Northwind Labs', role: 'Platform Engineer', stage: 'interviewing' }),
    });
    const app = (await res.json()) as { id: string };

    await ui.page.goto(`${ui.server.url}/applications/${app.id}`);
    await ui.page.getByRole('button', { name: 'Mark rejected…' }).click();
    await ui.page
      .getByRole('dialog', { name: 'Log a rejection' })
      .getByRole('button', { name: 'Log rejection' })
      .click();
    await ui.page.getByRole('heading', { name: 'After Northwind Labs' }).waitFor();

    // The offer is there, opt-in; the reframe card speaks of thoughts and points to settings for a helpline.
    const offer = ui.page.getByTestId('writing-offer');
    await offer.getByText('Private: only you can read it.').waitFor();
    const reframe = ui.page.getByTestId('reframe-card');
    await reframe.getByText('Taking it personally').waitFor();
    await reframe.getByText('One no means always no').waitFor();
    await reframe.getByRole('link', { name: 'Settings' }).waitFor();
    if (SHOTS) await ui.page.screenshot({ path: `${SHOTS}/writing-offer-desktop.png`, fullPage: true });

    await offer.getByRole('link', { name: 'Start writing' }).click();
    const session = ui.page.getByTestId('writing-session');
    await session
      .getByRole('heading', { name: 'What happened, and how did it feel when the news came?' })
      .waitFor();
    const timer = ui.page.getByTestId('quiet-timer');
    expect(await timer.innerText()).toBe('About 20 minutes; the timer starts when you do.');
    const save = session.getByRole('button', { name: 'Save this session' });
    expect(await save.isDisabled()).toBe(true);

    await session
      .getByLabel('Your writing')
      .fill('The email came on a Tuesday. I had pictured myself on that team.');
    await ui.page.clock.runFor(61_000);
    await expect.poll(() => timer.innerText()).toMatch(/^18:\d\d left$/);
    // No word count anywhere: only the words themselves.
    expect(await session.innerText()).not.toMatch(/\d+ words?/);
    await save.click();
    await ui.page.getByText('Session 1 saved. Only you can read it.').waitFor();
    const written = ui.page.getByTestId('writing-sessions');
    await written
      .getByText('Session 1, 10 Nov 2026: What happened, and how did it feel when the news came?')
      .waitFor();
    // Writing again today adds to today's session.
    await session.getByText('Session 1 of 5, continuing today’s').waitFor();

    // Two days later, the second prompt.
    await setClock(TWO_DAYS_LATER);
    await ui.page.reload();
    await session
      .getByRole('heading', { name: 'What did this job mean to you, beyond the job itself?' })
      .waitFor();
    await session.getByText('Session 2 of 5').waitFor();
    if (SHOTS) await ui.page.screenshot({ path: `${SHOTS}/writing-desktop.png`, fullPage: true });

    await ui.page.setViewportSize({ width: 390, height: 844 });
    await session.getByLabel('Your writing').fill('Stability, mostly. And a team that laughed a lot.');
    await session.getByRole('button', { name: 'Save this session' }).click();
    await ui.page.getByText('Session 2 saved. Only you can read it.').waitFor();
    if (SHOTS) await ui.page.screenshot({ path: `${SHOTS}/writing-phone.png`, fullPage: true });

    // Deletable: everything, after a second thought.
    await ui.page.getByRole('button', { name: 'Delete everything written here' }).click();
    await ui.page.getByText('Delete all 2 sessions for good?').waitFor();
    await ui.page.getByRole('button', { name: 'Delete all' }).click();
    await written.waitFor({ state: 'detached' });
    const left = await fetch(`${ui.server.url}/api/v1/writing/${app.id}`);
    expect(((await left.json()) as { sessions: unknown[] }).sessions).toEqual([]);
  });
});
