/**
 * A stable key for an imported application, so importing the same file twice (or an export that
 * overlaps an earlier one) finds the rows already there instead of doubling them.
 */

const COMPANY_SUFFIXES =
  /\b(inc|incorporated|llc|ltd|limited|plc|gmbh|ag|sa|sas|bv|co|corp|corporation|company|pty|oy|ab)\b/g;

/** "Acme, Inc." → "acme"; case, accents, punctuation and legal suffixes do not matter. */
export function normaliseCompany(name: string): string {
  return normaliseWords(name).replace(COMPANY_SUFFIXES, ' ').replace(/\s+/g, ' ').trim();
}

/** Lower case, accents folded, punctuation as spaces. */
export function normaliseWords(s: string): string {
  // Plain ASCII (most names) needs no Unicode folding, which is the slow part.
  if (/^[\x20-\x7e]*$/.test(s))
    return s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A job link without scheme, `www.`, tracking parameters, fragment or trailing slash. */
export function normaliseUrl(url: string | null | undefined): string {
  if (!url) return '';
  const s = url.trim();
  if (!/[?#]/.test(s)) {
    return s
      .replace(/^https?:\/\//i, '')
      .replace(/^([^/]*)/, (host) => host.toLowerCase().replace(/^www\./, ''))
      .replace(/\/+$/, '');
  }
  try {
    const u = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|ref|refid|trk|tracking|src|source|gh_src|lever-source)/i.test(key))
        u.searchParams.delete(key);
    }
    const query = u.searchParams.toString();
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return s.toLowerCase();
  }
}

/** Two 32-bit FNV-1a hashes (different offsets) of the UTF-16 code units, as 16 hex digits: fast and the same everywhere. */
export function hash64(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The dedupe key of an application: a hash of its normalised company, role, applied date and link. */
export function dedupeKey(input: {
  company: string;
  role: string;
  appliedOn: string | null;
  jobUrl: string | null;
}): string {
  const parts = [
    normaliseCompany(input.company),
    normaliseWords(input.role),
    input.appliedOn ?? '',
    normaliseUrl(input.jobUrl),
  ];
  return `imp_${hash64(parts.join('\u001f'))}`;
}
