import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserServer, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { hasTool } from '../../test/support/tools.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `describe` for tests that drive Chromium. Without Chromium they are skipped, and `npm test`
 * says so in one line with the command that installs it (CI sets REBOUND_REQUIRE_TOOLS: a failure).
 */
export function describeInBrowser(name: string, fn: () => void): void {
  describe.skipIf(!hasTool('chromium'))(name, fn);
}

let shared: Promise<BrowserServer> | undefined;

/**
 * A browser for one test file: a connection to the Chromium this worker shares between the files
 * it runs one after another (started on first use, ended with the worker). `close()` on it closes
 * the file's contexts and disconnects; the Chromium keeps running for the next file. Files that
 * run at the same time are in different workers, so they never share a Chromium (nor its
 * clipboard).
 */
export async function launchBrowser(): Promise<Browser> {
  shared ??= chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const server = await shared.catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return chromium.connect(server.wsEndpoint());
}

/**
 * The usual start of a browser test file: the web app built, and a browser for the file's tests,
 * closed after them. Returns a getter, since the browser exists only once the file starts.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet (use it inside a test or hook)');
    return browser;
  };
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
