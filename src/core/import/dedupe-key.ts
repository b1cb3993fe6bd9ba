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

const SCHEME = /^https?:\/\//i;
const QUERY_OR_FRAGMENT = /[?#]/;

/** A job link without scheme, `www.`, tracking parameters, fragment or trailing slash. */
export function normaliseUrl(url: string | null | undefined): string {
  if (!url) return '';
  const s = url.trim();
  if (!QUERY_OR_FRAGMENT.test(s)) {
    // Without a scheme, lower-case host without `www.`, no trailing slash; by hand, as every row has a link.
    const scheme = SCHEME.exec(s);
    const rest = scheme ? s.slice(scheme[0].length) : s;
    const slash = rest.indexOf('/');
    let host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
    if (host.startsWith('www.')) host = host.slice(4);
    const out = slash < 0 ? host : host + rest.slice(slash);
    let end = out.length;
    while (end > 0 && out.charCodeAt(end - 1) === 47) end--;
    return end === out.length ? out : out.slice(0, end);
  }
  try {
    const u = new URL(SCHEME.test(s) ? s : `https://${s}`);
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
  return hashParts([s], 0);
}

/** `hash64` of `parts` joined by `separator` (a UTF-16 code unit), without building the joined string. */
function hashParts(parts: readonly string[], separator: number): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      a = Math.imul(a ^ separator, 0x01000193);
      b = Math.imul(b ^ separator, 0x01000193) ^ (b >>> 13);
    }
    const s = parts[p]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
  }
  return hex64(a, b);
}

const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** `a` then `b` as 8 lower-case hex digits each; one string built at once, as padStart and concat cost more than the hash. */
function hex64(a: number, b: number): string {
  const h = HEX_DIGITS;
  return String.fromCharCode(
    h[(a >>> 28) & 15]!,
    h[(a >>> 24) & 15]!,
    h[(a >>> 20) & 15]!,
    h[(a >>> 16) & 15]!,
    h[(a >>> 12) & 15]!,
    h[(a >>> 8) & 15]!,
    h[(a >>> 4) & 15]!,
    h[a & 15]!,
    h[(b >>> 28) & 15]!,
    h[(b >>> 24) & 15]!,
    h[(b >>> 20) & 15]!,
    h[(b >>> 16) & 15]!,
    h[(b >>> 12) & 15]!,
    h[(b >>> 8) & 15]!,
    h[(b >>> 4) & 15]!,
    h[b & 15]!,
  );
}

/** The dedupe key of an application: a hash of its normalised company, role, applied date and link. */
export function dedupeKey(input: {
  company: string;
  role: string;
  appliedOn: string | null;
  jobUrl: string | null;
}): string {
  return dedupeKeyOf(
    normaliseCompany(input.company),
    normaliseWords(input.role),
    input.appliedOn,
    normaliseUrl(input.jobUrl),
  );
}

/**
 * The same key from parts already normalised (`normaliseCompany`, `normaliseWords`,
 * `normaliseUrl`), for callers that normalise each repeated company and role only once.
 */
export function dedupeKeyOf(company: string, role: string, appliedOn: string | null, url: string): string {
  return `imp_${hashParts([company, role, appliedOn ?? '', url], 0x1f)}`;
}
