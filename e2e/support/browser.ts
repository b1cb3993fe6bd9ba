import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { hasTool, TOOLS } from '../../test/support/tools.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `describe` for tests that drive Chromium. Without Chromium they are skipped, and `npm test`
 * says so in one line with the command that installs it (CI sets REBOUND_REQUIRE_TOOLS: a failure).
 */
export function describeInBrowser(name: string, fn: () => void): void {
  describe.skipIf(!hasTool('chromium'))(name, fn);
}

/** Debian's Chromium, headless; no downloads, no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: TOOLS.chromium.path(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The server serves dist/web; build it once when a fresh checkout has none. */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(`${ROOT}dist/web/index.html`)) return;
  const { build } = await import('vite');
  await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn' });
}

export async function newPage(browser: Browser, width = 1440, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  // Waits end early when the page is ready; the limit only catches a page that never gets there.
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

/** Drags with real mouse events, in small steps, from the centre of one element to another. */
export async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.move(to.x + 2, to.y + 2, { steps: 2 });
  await page.mouse.up();
}
