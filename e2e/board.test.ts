import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { browserForFile, describeInBrowser, mouseDrag, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const browser = browserForFile();

const column = (page: Page, id: string) => page.getByTestId(`column-${id}`);
const card = (page: Page, company: string) =>
  page
    .getByTestId('board-card')
    .filter({ has: page.getByTestId('card-company').getByText(company, { exact: true }) });

async function addApplication(page: Page, company: string, role: string) {
  await page.getByRole('button', { name: 'Add application' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add an application' });
  await dialog.getByLabel('Company').fill(company);
  await dialog.getByLabel('Role').fill(role);
  await dialog.getByRole('button', { name: 'Add application' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function centre(locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 80) };
}

describeInBrowser('board', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    page = await newPage(browser());
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('adds an application, drags it to Interviewing, logs a rejection and keeps how far it got', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Welcome to Rebound' }).waitFor();

    await page.getByRole('button', { name: 'Add your first application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an application' });
    await dialog.getByLabel('Company').fill('Northwind Labs');
    await dialog.getByLabel('Role').fill('Platform Engineer');
    await dialog.getByRole('button', { name: 'Add application' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const northwind = card(page, 'Northwind Labs');
    await column(page, 'applied').getByText('Northwind Labs').waitFor();

    // A real mouse drag from Applied to Interviewing.
    const from = await centre(northwind);
    const to = await centre(column(page, 'interviewing'));
    await mouseDrag(page, from, to);
    await column(page, 'interviewing').getByText('Northwind Labs').waitFor();

    // The move was saved, not only drawn.
    await page.reload();
    await column(page, 'interviewing').getByText('Northwind Labs').waitFor();
    await expect.poll(() => column(page, 'applied').getByText('Northwind Labs').count()).toBe(0);

    await page.getByRole('button', { name: 'Actions for Northwind Labs' }).click();
    await page.getByRole('menuitem', { name: 'Mark rejected…' }).click();
    const reject = page.getByRole('dialog', { name: 'Log a rejection' });
    await reject.getByLabel('Reason (optional)').fill('Hired internally');
    await reject.getByRole('button', { name: 'Log rejection' }).click();
    // Logging a rejection opens the guided recovery flow; the board keeps the card's history.
    await page.getByRole('heading', { name: 'After Northwind Labs' }).waitFor();
    await page.getByRole('link', { name: 'Board' }).click();

    const closedCard = column(page, 'closed').getByTestId('board-card').filter({ hasText: 'Northwind Labs' });
    await closedCard.getByText('reached: interviewing').waitFor();
    await closedCard.getByText('Rejected').waitFor();
    await expect.poll(() => column(page, 'interviewing').getByText('Northwind Labs').count()).toBe(0);
  });

  it('moves a card with the keyboard alone', async () => {
    await addApplication(page, 'Contoso', 'Backend Developer');
    const contoso = card(page, 'Contoso');
    await column(page, 'applied').getByText('Contoso').waitFor();
    // Let the board's refetch after the add settle, so the pick-up is not re-rendered away.
    await page.waitForLoadState('networkidle');

    await contoso.focus();
    await page.keyboard.press('Space');
    const status = page.getByRole('status').filter({ hasText: /Picked up Contoso|Contoso is over/ });
    await status.first().waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByText('Contoso is over Screening.').waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByText('Contoso is over Interviewing.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');

    await page.getByText('Contoso moved to Interviewing.').waitFor({ state: 'attached' });
    await column(page, 'interviewing').getByText('Contoso').waitFor();
    await page.reload();
    await column(page, 'interviewing').getByText('Contoso').waitFor();
  });

  it('finds an application in the table, adds a note and undoes its last move', async () => {
    await page.getByRole('link', { name: 'Applications' }).click();
    await page.getByLabel('Search applications').fill('Contoso');
    await expect.poll(() => page.getByTestId('table-row').count()).toBe(1);
    await page.getByTestId('table-row').filter({ hasText: 'Contoso' }).click();

    await page.getByRole('heading', { name: 'Contoso' }).waitFor();
    await page.getByTestId('furthest-stage').getByText('reached: interviewing').waitFor();

    await page.getByLabel('Note', { exact: true }).fill('Sent a thank-you note to the panel');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByTestId('timeline-event')
      .filter({ hasText: 'Sent a thank-you note to the panel' })
      .waitFor();

    await page.getByRole('button', { name: 'Undo last move' }).click();
    const move = page.getByTestId('timeline-event').filter({ hasText: 'Moved from Applied to Interviewing' });
    await move.getByText('undone').waitFor();
    await page.getByTestId('furthest-stage').getByText('reached: applied').waitFor();

    await page.getByRole('link', { name: 'Board' }).click();
    await column(page, 'applied').getByText('Contoso').waitFor();
  });

  it('hides the closed lane and remembers that after a reload', async () => {
    await column(page, 'closed').waitFor();
    await page.getByLabel('Show closed').uncheck({ force: true });
    await column(page, 'closed').waitFor({ state: 'detached' });
    await page.reload();
    await column(page, 'applied').waitFor();
    await expect.poll(() => column(page, 'closed').count()).toBe(0);
    await page.getByLabel('Show closed').check({ force: true });
    await column(page, 'closed').waitFor();
  });
});

describeInBrowser('first run', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    page = await newPage(browser());
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('welcomes a new user and fills the board with sample data on request', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Welcome to Rebound' }).waitFor();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByTestId('board').waitFor();
    await expect.poll(() => page.getByTestId('board-card').count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Rebound' }).count()).toBe(0);
  });

  it('checks the form with the same rules as the server, in words, under the fields they are about', async () => {
    await page.getByRole('button', { name: 'Add application' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add an application' });
    await dialog.getByLabel('Company').fill('Fabrikam');
    await dialog.getByLabel('Role').fill('SRE');
    await dialog.getByLabel('Job posting URL').fill('fabrikam careers page');
    await dialog.getByLabel('Salary from').fill('90000');
    await dialog.getByLabel('Salary to').fill('50000');
    await dialog.getByRole('button', { name: 'Add application' }).click();
    await dialog.getByText('The job posting URL must be an http(s) URL.').waitFor();
    await dialog.getByText('The highest salary must be at least the lowest salary.').waitFor();
    expect(await dialog.getByLabel('Job posting URL').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Salary to').fill('95000');
    await dialog.getByLabel('Job posting URL').fill('https://fabrikam.example/jobs/1');
    await dialog.getByRole('button', { name: 'Add application' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await column(page, 'applied').getByText('Fabrikam').waitFor();
  });

  it('asks for the board and who is signed in once each when it opens, starting before the app code', async () => {
    const asked: string[] = [];
    const fresh = await newPage(browser());
    fresh.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/boot.js' || path === '/api/v1/me' || path === '/api/v1/applications') asked.push(path);
    });
    try {
      await fresh.goto(server.url);
      // The board (or, run alone, the welcome page): both wait for the two answers.
      await fresh
        .getByTestId('board-card')
        .first()
        .or(fresh.getByRole('heading', { name: 'Welcome to Rebound' }))
        .waitFor();
      // boot.js's two requests were taken by the app: no second copy of either.
      expect(asked.filter((p) => p === '/api/v1/applications')).toHaveLength(1);
      expect(asked.filter((p) => p === '/api/v1/me')).toHaveLength(1);
      expect(asked.indexOf('/boot.js')).toBe(0);
    } finally {
      await fresh.context().close();
    }
  });

  it('offers no reply, rejection or silence for an application not yet sent', async () => {
    const saved = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
      company: 'Tailspin Toys',
      role: 'Designer',
      stage: 'saved',
    });
    const fresh = await newPage(browser());
    try {
      await fresh.goto(`${server.url}/applications/${saved.id}`);
      await fresh.getByRole('button', { name: 'Not applying' }).waitFor();
      for (const name of ['They replied', 'Mark rejected…', 'Mark no reply', 'Withdraw'])
        expect(await fresh.getByRole('button', { name, exact: true }).count()).toBe(0);
    } finally {
      await fresh.context().close();
    }
  });

  it('says at once that an application does not exist, asking the server only once', async () => {
    const asked: string[] = [];
    const fresh = await newPage(browser());
    fresh.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/v1/applications/does-not-exist')) asked.push(path);
    });
    try {
      await fresh.goto(`${server.url}/applications/does-not-exist`);
      await fresh.getByText('Nothing here').waitFor();
      // A 404 is not asked again (before: four requests and a second of spinner).
      expect(asked.filter((p) => p === '/api/v1/applications/does-not-exist')).toHaveLength(1);
    } finally {
      await fresh.context().close();
    }
  });
});
