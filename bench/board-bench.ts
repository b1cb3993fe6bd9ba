import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { type BenchRow, percentile } from './report.ts';

const RUNS = 7;
const WARMUP = 2;

/** Times `step` in a fresh browser context each run (cold cache), after a warm-up. */
async function timeInFreshContexts(
  browser: Browser,
  step: (page: import('playwright-core').Page) => Promise<void>,
) {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await step(page);
    const elapsed = performance.now() - t0;
    await context.close();
    if (i >= WARMUP) times.push(elapsed);
  }
  return times;
}

/**
 * The board with the applications already in the database (the bench seeds 1,000 open ones):
 * navigation until the first card can be clicked, against loading a bare JSON route of the same server.
 */
export async function benchBoard(baseUrl: string): Promise<BenchRow[]> {
  const browser = await launchBrowser();
  try {
    const board = await timeInFreshContexts(browser, async (page) => {
      await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      const card = page.getByTestId('board-card').first();
      await card.waitFor({ state: 'visible' });
      if (!(await card.isEnabled())) throw new Error('first card is not interactive');
    });
    const floor = await timeInFreshContexts(browser, async (page) => {
      await page.goto(`${baseUrl}/api/health`, { waitUntil: 'load' });
    });
    const cards = await (async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('board-card').first().waitFor();
      const text = await page.getByRole('heading', { name: 'Board' }).locator('xpath=..').innerText();
      await context.close();
      return text.replace(/\s+/g, ' ').replace(/^Board /, '');
    })();
    const median = percentile(board, 50);
    const floorMedian = percentile(floor, 50);
    return [
      {
        name: `board: navigation → first interactive card (${cards}; cold cache, median of ${RUNS})`,
        figure: `${median.toFixed(0)} ms p50 (p90 ${percentile(board, 90).toFixed(0)} ms)`,
        floor: `GET /api/health in the same browser: ${floorMedian.toFixed(0)} ms p50`,
        ratio: `${(median / floorMedian).toFixed(1)}× floor`,
        goal: '≤ 1,000 ms',
      },
    ];
  } finally {
    await browser.close();
  }
}
