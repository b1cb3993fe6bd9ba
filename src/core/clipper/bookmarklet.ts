/**
 * The bookmarklet: for a browser without the clipper extension. Clicked on a job page, it takes
 * the same snapshot the extension takes and opens Rebound's `/clip` page in a small window with
 * the snapshot in the address's fragment (`#…`), which the browser never sends to any server;
 * that page reads it, shows what it found and saves only when the user clicks Save. Passing the
 * page this way needs no fetch from the job site (whose own security policy would block one) and
 * no message between windows (Rebound's pages cut the link to their opener).
 */
import { snapshotPage } from './page-snapshot.ts';

/** How much of the page a bookmarklet carries: browsers refuse addresses past about 2 MB. */
export const BOOKMARKLET_MAX_CHARS = 600_000;

/** The fragment the bookmarklet writes and `/clip` reads. */
export interface ClipFragment {
  url: string;
  html: string;
}

/** The `javascript:` link for a Rebound served at `serverOrigin` (e.g. `http://localhost:4477`). */
export function bookmarkletSource(serverOrigin: string): string {
  const target = JSON.stringify(`${serverOrigin.replace(/\/+$/, '')}/clip#`);
  const body = [
    `var s=(${String(snapshotPage)})(${BOOKMARKLET_MAX_CHARS},document);`,
    `var w=window.open(${target}+encodeURIComponent(JSON.stringify({url:s.url,html:s.html})),'rebound-clip','width=520,height=760');`,
    "if(!w)alert('Rebound: allow pop-up windows for this site, then click the bookmark again.');",
  ].join('');
  // A javascript: address is percent-decoded before it runs: keep a literal % as written.
  return `javascript:(function(){${body.replace(/%/g, '%25')}})();void 0`;
}

/** Reads the fragment `/clip` was opened with; null when it is not a bookmarklet's. */
export function readClipFragment(hash: string): ClipFragment | null {
  if (!hash.startsWith('#') || hash.length < 3) return null;
  try {
    const value = JSON.parse(decodeURIComponent(hash.slice(1))) as Partial<ClipFragment>;
    if (typeof value.url !== 'string' || typeof value.html !== 'string') return null;
    if (!/^https?:\/\//i.test(value.url)) return null;
    return { url: value.url, html: value.html };
  } catch {
    return null;
  }
}
