/**
 * The user's applications indexed by company for mail matching: by the words of the name, the
 * compact name (a mail domain or ATS slug spelling it), the domains that are the company's own
 * (website, job link, contacts' domains, senders confirmed before), the addresses known there,
 * and the employer slugs of ATS job links. Built once per list of applications.
 */
import { isJobBoardHost, urlHost } from '../import/channel.ts';
import { normaliseCompany } from '../import/dedupe-key.ts';
import { atsEmployerSlug, atsOfHost } from './ats.ts';

/** A sender the user confirmed for a company: an address, or a domain. */
export interface KnownSender {
  sender: string;
  company: string;
}

export interface CompanyGroup<T extends IndexedApplication = IndexedApplication> {
  key: string;
  name: string;
  keyWords: string[];
  apps: T[];
  /** Each own domain and why it is the company's. */
  domains: Map<string, string>;
  learned: Set<string>;
}

interface IndexedApplication {
  id: string;
  company: string;
  role: string;
  jobUrl: string | null;
  website?: string | null;
  contactEmails?: string[];
}

export interface CompanyIndex {
  byWord: Map<string, CompanyGroup[]>;
  byLabel: Map<string, CompanyGroup[]>;
  byAtsSlug: Map<string, CompanyGroup[]>;
  byDomain: Map<string, CompanyGroup[]>;
  byAddress: Map<string, CompanyGroup[]>;
}

/** Words too common in company names to find a company by. */
const WEAK_WORDS = new Set(
  'the and of co group labs lab technologies technology tech global systems solutions software international services digital data health consulting partners holdings ventures studio studios media capital bank cloud ai io hq team careers jobs'.split(
    ' ',
  ),
);
/** What may follow a company's name in its mail domain (`acmecorp`, `acmecareers`, `acmehq`). */
const DOMAIN_SUFFIXES =
  /(?:inc|corp|co|company|group|hq|careers|jobs|talent|hr|recruiting|hiring|labs|tech|global|usa|us|uk|eu|io|app|ltd|llc|gmbh|team|mail)$/;
/** Mail hosts that say nothing about the employer. */
export const GENERIC_MAIL_HOSTS =
  /(^|\.)(gmail|googlemail|outlook|hotmail|live|yahoo|icloud|me|proton|protonmail|aol|gmx|mail|mailbox)\.[a-z.]+$/;

/** The organisation's domain of a host: `talent.northwind.co.uk` → `northwind.co.uk`. */
export function registrableDomain(host: string): string {
  const parts = host.toLowerCase().replace(/\.$/, '').split('.');
  const tail =
    parts.length >= 3 &&
    /^(co|com|org|net|ac|gov)$/.test(parts[parts.length - 2]!) &&
    parts.at(-1)!.length === 2
      ? 3
      : 2;
  return parts.slice(-tail).join('.');
}

/** The host of a URL or bare domain (`https://www.gm.com/x`, `gm.com`), lower-cased; null if none. */
export function mailHost(value: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]+@)?([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?(?:[/?#]|$)/i.exec(
    value.trim(),
  );
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

const cache = new WeakMap<
  readonly IndexedApplication[],
  { known: readonly KnownSender[]; index: CompanyIndex }
>();

function push(map: Map<string, CompanyGroup[]>, key: string, g: CompanyGroup) {
  const list = map.get(key);
  if (!list) map.set(key, [g]);
  else if (!list.includes(g)) list.push(g);
}

/** The index of `apps` (and senders confirmed before), remembered per array. */
export function companyIndex(
  apps: readonly IndexedApplication[],
  known: readonly KnownSender[],
): CompanyIndex {
  const hit = cache.get(apps);
  if (hit && (hit.known === known || (hit.known.length === 0 && known.length === 0))) return hit.index;
  const groups = new Map<string, CompanyGroup>();
  for (const app of apps) {
    const key = normaliseCompany(app.company);
    if (key === '') continue;
    let g = groups.get(key);
    if (!g) {
      const all = key.split(' ');
      const telling = all.filter((w) => w.length >= 2 && !WEAK_WORDS.has(w));
      g = {
        key,
        name: app.company,
        keyWords: telling.length ? telling : all,
        apps: [],
        domains: new Map(),
        learned: new Set(),
      };
      groups.set(key, g);
    }
    g.apps.push(app);
  }
  const index: CompanyIndex = {
    byWord: new Map(),
    byLabel: new Map(),
    byAtsSlug: new Map(),
    byDomain: new Map(),
    byAddress: new Map(),
  };
  const ownDomain = (g: CompanyGroup, host: string | null, why: string) => {
    if (!host || atsOfHost(host) || isJobBoardHost(host) || GENERIC_MAIL_HOSTS.test(host)) return;
    const d = registrableDomain(host);
    if (!g.domains.has(d)) g.domains.set(d, why);
    push(index.byDomain, d, g);
  };
  for (const g of groups.values()) {
    for (const w of g.keyWords) push(index.byWord, w, g);
    const compact = g.key.replace(/ /g, '');
    if (compact.length >= 3) push(index.byLabel, compact, g);
    for (const app of g.apps) {
      if (app.website) ownDomain(g, mailHost(app.website), "the company's website");
      const host = urlHost(app.jobUrl);
      const ats = host ? atsOfHost(host) : null;
      if (host && ats) {
        const path = (app.jobUrl ?? '').replace(/^https?:\/\/[^/]+/i, '') || '/';
        const slug = atsEmployerSlug(ats, host, path)?.replace(/-/g, '');
        if (slug) push(index.byAtsSlug, slug, g);
      } else ownDomain(g, host, 'the domain of the job link');
      for (const c of app.contactEmails ?? []) {
        const address = c.trim().toLowerCase();
        push(index.byAddress, address, g);
        ownDomain(g, address.split('@')[1] ?? null, 'the domain of a contact there');
      }
    }
  }
  for (const k of known) {
    const g = groups.get(normaliseCompany(k.company));
    if (!g) continue;
    const sender = k.sender.toLowerCase();
    if (sender.includes('@')) {
      g.learned.add(sender);
      push(index.byAddress, sender, g);
    } else ownDomain(g, sender, `which you matched to ${g.name} before`);
  }
  cache.set(apps, { known, index });
  return index;
}

/** Groups whose compact name is `label`, or `label` less a suffix like `careers` or `hq`. */
export function groupsByLabel(index: CompanyIndex, label: string): CompanyGroup[] {
  const exact = index.byLabel.get(label);
  if (exact) return exact;
  const m = DOMAIN_SUFFIXES.exec(label);
  return m && m.index >= 4 ? (index.byLabel.get(label.slice(0, m.index)) ?? []) : [];
}
