/**
 * Company and role names as people and exports write them differ in case, punctuation and legal
 * suffixes ("ACME, Inc." and "Acme"). These keys compare them; mail matching, referrals and the
 * duplicate check on import use the same rules.
 */

/** Legal-form words dropped from the end of a company name (compared after normalising). */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'kg',
  'srl',
  'spa',
  'pty',
  'co',
  'corp',
  'corporation',
  'company',
  'group',
  'holding',
  'holdings',
]);

/** Lower case, accents off, `&` as "and", every run of other punctuation or space as one space. */
function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\p{L})\.(?=\p{L}\b)/gu, '$1') // "G.m.b.H." → "gmbh"
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * A company name reduced for comparison: "Acme, Inc." → "acme", "Müller GmbH" → "muller",
 * "The Acme Corporation" → "acme". Never empty when the name has a letter or digit: a name that
 * is only a legal form ("Inc.") keeps it.
 */
export function normaliseCompanyName(name: string): string {
  const all = words(name);
  const kept = [...all];
  while (kept.length > 1 && LEGAL_SUFFIXES.has(kept[kept.length - 1]!)) kept.pop();
  if (kept.length > 1 && kept[0] === 'the') kept.shift();
  return kept.join(' ');
}

/** A role title reduced for comparison: case, accents and punctuation only ("Sr. Engineer" → "sr engineer"). */
export function normaliseRoleTitle(role: string): string {
  return words(role).join(' ');
}

/** True when two company names mean the same employer by the rules above. */
export function sameCompany(a: string, b: string): boolean {
  return normaliseCompanyName(a) === normaliseCompanyName(b);
}
