import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { buildExtension } from '../../scripts/build-extension.js';
import { TOOLS } from '../../test/support/tools.ts';

const FIXTURES = new URL('../../test/fixtures/job-boards/', import.meta.url);
const TLS = new URL('../../test/fixtures/tls/', import.meta.url);

/** A job board's page: where it lives on the web, and which fixture stands for it. */
export interface BoardSite {
  host: string;
  path: string;
  file: string;
}

/**
 * Serves the job-board fixtures under the boards' own host names, over HTTPS (a test certificate;
 * some boards are on the browser's HTTPS-only list): Chromium is told to resolve each host to this
 * server, so the pages load at `https://jobs.lever.co/…` as on the web.
 */
export async function startBoardSites(sites: BoardSite[]): Promise<{ port: number; server: Server }> {
  const tls = {
    key: readFileSync(new URL('test-key.pem', TLS)),
    cert: readFileSync(new URL('test-cert.pem', TLS)),
  };
  const server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = (req.url ?? '/').split('?')[0];
    const site = sites.find((s) => s.host === host && s.path.split('?')[0] === path);
    if (!site) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(new URL(site.file, FIXTURES)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
}

/**
 * Chromium (headless, new mode) with the clipper built and loaded unpacked. The test build grants
 * every site up front: a person grants a page by clicking the clipper's button (activeTab), which
 * a headless browser has no toolbar for.
 */
export async function launchWithExtension(hosts: string[], port: number): Promise<ExtensionBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-clipper-'));
  const extension = await buildExtension({ outDir: join(dir, 'extension'), hostPermissions: ['<all_urls>'] });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: TOOLS.chromium.path(),
    headless: false,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
    ],
  });
  context.setDefaultTimeout(60_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url`, as the extension knows it. */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (href) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };
      }
    ).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === href);
    if (!tab) throw new Error(`no tab shows ${href}`);
    return tab.id;
  }, url);
}
