import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { ensureWebBuilt, launchBrowser, mouseDrag, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer();
  for (const [company, stage] of [
    ['Northwind Labs', 'interviewing'],
    ['Contoso', 'screening'],
    ['Fabrikam', 'offer'],
  ] as const) {
    await api(server.url, 'POST', '/api/v1/applications', { company, role: 'Engineer', stage });
  }
  // Wide enough that every column, Closed included, is on screen for the mouse.
  page = await newPage(browser, 2200, 900);
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

const column = (id: string) => page.getByTestId(`column-${id}`);
const card = (company: string) =>
  page
    .getByTestId('board-card')
    .filter({ has: page.getByTestId('card-company').getByText(company, { exact: true }) });

async function centre(locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 80) };
}

describe('ending an application on the board', () => {
  it('asks how it ended when a card is dropped on Closed, and never marks it accepted by itself', async () => {
    await page.goto(server.url);
    await column('interviewing').getByText('Northwind Labs').waitFor();

    await mouseDrag(page, await centre(card('Northwind Labs')), await centre(column('closed')));
    const chooser = page.getByRole('dialog', { name: 'How did it end?' });
    await chooser.waitFor();
    // Nothing changed yet: the card is still open where it was, and not accepted.
    expect(await column('interviewing').getByText('Northwind Labs').count()).toBe(1);
    expect(await column('accepted').getByText('Northwind Labs').count()).toBe(0);
    // Declining needs an offer; this one never had one.
    expect(await chooser.getByRole('button', { name: 'I declined the offer' }).count()).toBe(0);

    await chooser.getByRole('button', { name: 'I withdrew' }).click();
    const closed = column('closed').getByTestId('board-card').filter({ hasText: 'Northwind Labs' });
    await closed.getByText('Withdrawn').waitFor();
    await closed.getByText('reached: interviewing').waitFor();
    expect(await column('accepted').getByText('Northwind Labs').count()).toBe(0);
  });

  it('cancelling the question leaves the card open', async () => {
    // A fresh page: the last test's "closed" notice can still cover the Closed column.
    await page.goto(server.url);
    await column('offer').getByText('Fabrikam').waitFor();
    await page.waitForLoadState('networkidle');
    await mouseDrag(page, await centre(card('Fabrikam')), await centre(column('closed')));
    const chooser = page.getByRole('dialog', { name: 'How did it end?' });
    await chooser.getByRole('button', { name: 'I declined the offer' }).waitFor();
    await chooser.getByRole('button', { name: 'Cancel, leave it open' }).click();
    await chooser.waitFor({ state: 'hidden' });
    await page.reload();
    await column('offer').getByText('Fabrikam').waitFor();
  });

  it('dropping on Accepted asks first; accepting is a deliberate choice', async () => {
    await mouseDrag(page, await centre(card('Fabrikam')), await centre(column('accepted')));
    const confirm = page.getByRole('dialog', { name: 'Did you accept the offer?' });
    await confirm.waitFor();
    expect(await column('offer').getByText('Fabrikam').count()).toBe(1);
    await confirm.getByRole('button', { name: 'I accepted the offer' }).click();
    await column('accepted').getByText('Fabrikam').waitFor();
  });

  it('a keyboard move to Closed goes through the same question, and "rejected" opens the guided steps', async () => {
    await page.goto(server.url);
    await column('screening').getByText('Contoso').waitFor();
    await page.waitForLoadState('networkidle');
    await card('Contoso').focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('status')
      .filter({ hasText: /Picked up Contoso|Contoso is over/ })
      .first()
      .waitFor({ state: 'attached' });
    // Screening → Interviewing → Offer → Accepted → Closed.
    for (const stage of ['Interviewing', 'Offer', 'Accepted', 'Closed']) {
      await page.keyboard.press('ArrowRight');
      await page.getByText(`Contoso is over ${stage}.`).waitFor({ state: 'attached', timeout: 5000 });
    }
    await page.keyboard.press('Space');

    const chooser = page.getByRole('dialog', { name: 'How did it end?' });
    await chooser.waitFor();
    await chooser.getByRole('button', { name: 'They said no (rejected)…' }).click();
    const reject = page.getByRole('dialog', { name: 'Log a rejection' });
    // A day after today typed in "When", then the button: nothing is logged with the day before.
    const iso = (offset: number) => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await reject.getByLabel('When').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(iso(5));
    await reject.getByRole('button', { name: 'Log rejection' }).click();
    await reject.getByText('This day cannot be after today.').waitFor();
    expect(await reject.getByLabel('When').inputValue()).toBe(iso(5));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(iso(0));
    await reject.getByRole('button', { name: 'Log rejection' }).click();
    await page.getByRole('heading', { name: 'After Contoso' }).waitFor();
    const detail = await api<{ outcome: string; stage: string }>(
      server.url,
      'GET',
      `/api/v1/applications/${await idOf('Contoso')}`,
    );
    expect(detail.outcome).toBe('rejected');
    expect(detail.stage).toBe('screening');
  });
});

async function idOf(company: string): Promise<string> {
  const list = await api<{ items: { id: string; company: string }[] }>(
    server.url,
    'GET',
    '/api/v1/applications',
  );
  const found = list.items.find((a) => a.company === company);
  if (!found) throw new Error(`no ${company}`);
  return found.id;
}
