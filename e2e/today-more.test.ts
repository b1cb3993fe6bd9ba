import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertScheduledItems } from '../src/store/schedule-repository.ts';
import { startTestServer } from '../test/support/server.ts';
import { ensureWebBuilt, launchBrowser, newPage } from './support/browser.ts';

const NOW = new Date('2026-11-10T09:00:00Z');

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;

beforeAll(async () => {
  await ensureWebBuilt();
  browser = await launchBrowser();
  server = await startTestServer({ now: NOW });
  // 45 small tasks left from earlier: more than the first screen carries.
  await upsertScheduledItems(
    server.store.db,
    'local',
    Array.from({ length: 45 }, (_, i) => ({
      id: `action_item:t${i}`,
      kind: 'action_item' as const,
      refId: `t${i}`,
      title: `Tidy task ${String(i).padStart(2, '0')}`,
      dueAt: '2026-11-07',
    })),
  );
  page = await newPage(browser, 1366, 900);
  await page.clock.setFixedTime(NOW);
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

describe('Today with a long list', () => {
  it('shows the first items with the full count, and loads the rest on demand', async () => {
    await page.goto(`${server.url}/today`);
    const overdue = page.getByTestId('today-section-overdue');
    await overdue.getByText('Tidy task 00').waitFor();
    expect(await overdue.getByTestId('today-item').count()).toBe(20);
    await expect.poll(() => overdue.getByText('45', { exact: true }).count()).toBe(1);
    const more = page.getByTestId('today-more-overdue');
    expect(await more.innerText()).toContain('25 left');
    await more.click();
    await overdue.getByText('Tidy task 44').waitFor();
    expect(await overdue.getByTestId('today-item').count()).toBe(45);
    expect(await page.getByTestId('today-more-overdue').count()).toBe(0);
  });
});
