/**
 * Which browser extensions may write to a local Rebound. A web page can never make its browser
 * send an `Origin` of another page, and no web page's origin starts with an extension scheme, so
 * an extension origin the user paired once can be let through the cross-site guard without
 * letting any web page through. Chromium gives an unpacked or installed extension a fixed id
 * (`chrome-extension://<32 letters a–p>`); Firefox gives each installation its own random one
 * (`moz-extension://<uuid>`), hence pairing per browser.
 */
import { z } from 'zod';

export const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/** How many browsers may be paired at once. */
export const MAX_PAIRED_EXTENSIONS = 20;

/** True for an origin in an extension scheme (paired or not). */
export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz|safari-web|ms-browser)-extension:\/\//i.test(origin);
}

export const extensionOriginSchema = z
  .string()
  .trim()
  .regex(
    EXTENSION_ORIGIN,
    'must be a browser extension address like chrome-extension://… or moz-extension://…',
  );

export const pairedExtensionsSchema = z
  .array(extensionOriginSchema)
  .max(MAX_PAIRED_EXTENSIONS, `at most ${MAX_PAIRED_EXTENSIONS} browsers can be paired`)
  .transform((list) => [...new Set(list)]);
