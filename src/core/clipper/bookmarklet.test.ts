import { describe, expect, it } from 'vitest';
import { BOOKMARKLET_MAX_CHARS, bookmarkletSource, readClipFragment } from './bookmarklet.ts';
import { EXTENSION_ORIGIN, pairedExtensionsSchema } from './origins.ts';
import { snapshotPage } from './page-snapshot.ts';

describe('bookmarklet', () => {
  it('opens /clip on the given server with the page in the fragment', () => {
    const source = bookmarkletSource('http://localhost:4477/');
    expect(source.startsWith('javascript:(function(){')).toBe(true);
    expect(source).toContain('"http://localhost:4477/clip#"');
    expect(source).toContain(`(${BOOKMARKLET_MAX_CHARS},document)`);
    // A javascript: address is percent-decoded before it runs; none may be left to decode.
    expect(decodeURIComponent(source)).toContain(String(snapshotPage));
  });

  it('reads back only a well-formed fragment with a web address', () => {
    const page = { url: 'https://jobs.lever.co/acme/1', html: '<h1>Role</h1>' };
    expect(readClipFragment(`#${encodeURIComponent(JSON.stringify(page))}`)).toEqual(page);
    expect(readClipFragment('')).toBeNull();
    expect(readClipFragment('#%E0%A4%A')).toBeNull();
    expect(
      readClipFragment(`#${encodeURIComponent(JSON.stringify({ ...page, url: 'javascript:alert(1)' }))}`),
    ).toBeNull();
    expect(readClipFragment(`#${encodeURIComponent(JSON.stringify({ url: page.url }))}`)).toBeNull();
  });
});

describe('paired extension origins', () => {
  it('accepts Chromium and Firefox extension origins only, without repeats', () => {
    const chrome = `chrome-extension://${'a'.repeat(32)}`;
    const firefox = 'moz-extension://0b6f7a3e-2c1d-4e5f-8a9b-1c2d3e4f5a6b';
    expect(pairedExtensionsSchema.parse([chrome, firefox, chrome])).toEqual([chrome, firefox]);
    for (const bad of ['https://evil.example', `chrome-extension://${'z'.repeat(32)}`, `${chrome}/`, 'null'])
      expect(EXTENSION_ORIGIN.test(bad), bad).toBe(false);
  });
});
