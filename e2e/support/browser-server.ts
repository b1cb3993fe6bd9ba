/**
 * Vitest global setup for the browser tests: starts one headless Chromium for the whole run and
 * hands its address to every test file (`launchBrowser()` connects to it; each file and test still
 * gets its own browser context, so no cookies or storage are shared). Starting Chromium once
 * instead of once per file saves a second or two of CPU per file.
 * Without Chromium nothing starts: the files skip and say so (see describeInBrowser).
 */
import { accessSync, constants } from 'node:fs';
import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket address, or '' when there is none (tests then launch their own). */
    chromiumWsEndpoint: string;
  }
}

let server: BrowserServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let installed = true;
  try {
    accessSync(chromiumPath(), constants.X_OK);
  } catch {
    installed = false;
  }
  if (installed)
    server = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  project.provide('chromiumWsEndpoint', server?.wsEndpoint() ?? '');
  return async () => {
    await server?.close();
    server = undefined;
  };
}
