import { TOOLS } from '../../test/support/tools.ts';

/** Debian's Chromium (or CHROMIUM_PATH). */
export const chromiumPath = (): string => TOOLS.chromium.path();

/** Headless; no downloads, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
