import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer } from '../../test/support/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A file's test server and the one page its tests drive (set once the file's hooks have run). */
export interface AppPage {
  server: Server;
  context: BrowserContext;
  page: Page;
}

export interface AppPageOptions {
  /** The server's and the page's clock. */
  now: Date;
  viewport?: { width: number; height: number };
  /** The browser's locale ("en-GB" reads typed dates day first). */
  locale?: string;
  /** `fixed` stops the page's clock at `now`; `installed` lets timers run from it. */
  clock?: 'fixed' | 'installed';
}

/**
 * The usual start of a browser test file: a test server on a fixed clock, and one page on it in
 * the UTC time zone, opened before the file's tests and closed after them. The returned object is
 * filled in by the hooks, so read its fields inside tests.
 */
export function appPageForFile(browser: () => Browser, options: AppPageOptions): AppPage {
  const app = {} as AppPage;
  beforeAll(async () => {
    app.server = await startTestServer({ now: options.now });
    app.context = await browser().newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      timezoneId: 'UTC',
      ...(options.locale ? { locale: options.locale } : {}),
    });
    app.context.setDefaultTimeout(60_000);
    app.page = await app.context.newPage();
    if (options.clock === 'installed') await app.page.clock.install({ time: options.now });
    else await app.page.clock.setFixedTime(options.now);
  });
  afterAll(async () => {
    await app.context?.close();
    await app.server?.close();
  });
  return app;
}

/** Chooses `option` in the select labelled `label` inside `scope`. */
export async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
