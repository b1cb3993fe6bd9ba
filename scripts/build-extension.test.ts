import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExtension } from './build-extension.js';

/**
 * The clipper's two builds: the same Manifest V3 extension for Chromium and Firefox, differing
 * only where the browsers do (a service worker vs a background script, and Firefox's add-on id).
 * The Chromium build is loaded in e2e/clipper.test.ts; Firefox is not run in CI, so its manifest
 * is checked here for what Firefox needs to load it unpacked.
 */
describe('browser clipper builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-extension-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a Firefox add-on with its id, a background script and every file its manifest names', async () => {
    const out = await buildExtension({ browser: 'firefox', outDir: join(dir, 'firefox') });
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(m.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(m.background.service_worker).toBeUndefined();
    // "Mark as applied" asks for the ATS sites only when turned on.
    expect(m.optional_host_permissions).toContain('*://jobs.lever.co/*');
    expect(m.host_permissions).not.toContain('*://jobs.lever.co/*');
    for (const file of [
      ...m.background.scripts,
      m.action.default_popup,
      m.options_ui.page,
      'applied-watcher.js',
    ])
      expect(existsSync(join(out, file)), file).toBe(true);
  });

  it('builds the Chromium extension with a service worker and no Firefox settings', async () => {
    const out = await buildExtension({ browser: 'chromium', outDir: join(dir, 'chromium') });
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(existsSync(join(out, 'background.js'))).toBe(true);
  });
});
