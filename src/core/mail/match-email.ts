/**
 * Finds which of the user's applications an e-mail is about, from the sender's domain, contact
 * addresses, and the company and role named in the subject or text. Returns the reasons, so the
 * person confirming the match can see them.
 */
import { isJobBoardHost, urlHost } from '../import/channel.ts';
import { normaliseCompany, normaliseWords } from '../import/dedupe-key.ts';

export interface MatchableApplication {
  id: string;
  company: string;
  role: string;
  jobUrl: string | null;
  contactEmails?: string[];
}

export interface MatchableMail {
  subject: string;
  from?: { name?: string; address?: string } | string | null;
  text: string;
}

export interface EmailMatch {
  applicationId: string;
  /** 0..1 */
  score: number;
  reasons: string[];
}

/** Below this nothing is suggested: a guess this weak would cost the user more than it saves. */
export const MIN_MATCH_SCORE = 0.4;

/** Words too common in company names to find a company by. */
const WEAK_WORDS = new Set([
  'the',
  'and',
  'of',
  'group',
  'labs',
  'lab',
  'technologies',
  'technology',
  'tech',
  'global',
  'systems',
  'solutions',
  'software',
  'international',
  'services',
  'digital',
  'data',
  'health',
  'consulting',
  'partners',
  'holdings',
  'ventures',
  'studio',
  'studios',
  'media',
  'capital',
  'bank',
  'cloud',
  'ai',
  'io',
  'hq',
  'team',
  'careers',
  'jobs',
]);
/** What may follow a company's name in its mail domain (`acmecorp`, `acmecareers`, `acmehq`). */
const DOMAIN_SUFFIXES =
  /^(inc|corp|co|company|group|hq|careers|jobs|talent|hr|recruiting|hiring|labs|tech|global|usa|us|uk|eu|io|app|ltd|llc|gmbh|team|mail)$/;
/** Mail hosts that say nothing about the employer. */
const GENERIC_MAIL_HOSTS =
  /(^|\.)(gmail|googlemail|outlook|hotmail|live|yahoo|icloud|me|proton|protonmail|aol|gmx|mail)\.[a-z.]+$/;

interface PreparedApp {
  app: MatchableApplication;
  company: string;
  compact: string;
  role: string;
  urlDomain: string | null;
  contacts: Set<string>;
  contactDomains: Set<string>;
  /** The words of the company name it is found by. */
  keyWords: string[];
}

interface Prepared {
  apps: PreparedApp[];
  byWord: Map<string, PreparedApp[]>;
  byDomainLabel: Map<string, PreparedApp[]>;
  byContact: Map<string, PreparedApp[]>;
}

const cache = new WeakMap<readonly MatchableApplication[], Prepared>();

/** The organisation part of a host: `talent.northwind.co.uk` → `northwind`. */
function domainLabel(host: string): string {
  const parts = host.split('.');
  const tail = parts.length >= 3 && /^(co|com|org|net|ac|gov)$/.test(parts[parts.length - 2]!) ? 3 : 2;
  return parts[parts.length - tail] ?? host;
}

function keyWordsOf(company: string): string[] {
  const all = company.split(' ').filter((w) => w !== '');
  const telling = all.filter((w) => w.length >= 2 && !WEAK_WORDS.has(w));
  return telling.length > 0 ? telling : all;
}

function push<K>(map: Map<K, PreparedApp[]>, key: K, value: PreparedApp) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes applications once; `matchEmailToApplication` does this itself and remembers it per array. */
export function prepareApplications(apps: readonly MatchableApplication[]): Prepared {
  const cached = cache.get(apps);
  if (cached) return cached;
  const prepared: Prepared = { apps: [], byWord: new Map(), byDomainLabel: new Map(), byContact: new Map() };
  for (const app of apps) {
    const company = normaliseCompany(app.company);
    const host = urlHost(app.jobUrl);
    const contacts = new Set((app.contactEmails ?? []).map((c) => c.trim().toLowerCase()));
    const p: PreparedApp = {
      app,
      company,
      compact: company.replace(/ /g, ''),
      role: normaliseWords(app.role),
      urlDomain: host && !isJobBoardHost(host) ? domainLabel(host) : null,
      contacts,
      contactDomains: new Set(
        [...contacts].map((c) => c.split('@')[1] ?? '').filter((d) => d && !GENERIC_MAIL_HOSTS.test(d)),
      ),
      keyWords: keyWordsOf(company),
    };
    prepared.apps.push(p);
    for (const w of p.keyWords) push(prepared.byWord, w, p);
    if (p.compact.length >= 3) push(prepared.byDomainLabel, p.compact, p);
    if (p.urlDomain) push(prepared.byDomainLabel, p.urlDomain, p);
    for (const c of contacts) push(prepared.byContact, c, p);
  }
  cache.set(apps, prepared);
  return prepared;
}

function sender(from: MatchableMail['from']): { address: string; name: string } {
  if (!from) return { address: '', name: '' };
  if (typeof from === 'string') {
    const m = /<([^>]+)>/.exec(from);
    return {
      address: (m ? m[1]! : from).trim().toLowerCase(),
      name: m ? from.slice(0, m.index).replace(/"/g, '').trim() : '',
    };
  }
  return { address: (from.address ?? '').toLowerCase(), name: from.name ?? '' };
}

/**
 * The application `mail` most likely belongs to, with a score and the reasons; null when nothing
 * scores at least `MIN_MATCH_SCORE`. Pass the same `apps` array for many mails: it is indexed once.
 */
export function matchEmailToApplication(
  mail: MatchableMail,
  apps: readonly MatchableApplication[],
): EmailMatch | null {
  const prepared = prepareApplications(apps);
  const from = sender(mail.from);
  const fromDomain = from.address.split('@')[1] ?? '';
  // Hyphens go: `example-startup.com` names the company "Example Startup" (compact `examplestartup`).
  const fromLabel =
    fromDomain && !GENERIC_MAIL_HOSTS.test(fromDomain) ? domainLabel(fromDomain).replace(/-/g, '') : '';
  const subject = ` ${normaliseWords(mail.subject ?? '')} `;
  const body = ` ${normaliseWords((mail.text ?? '').slice(0, 20_000))} `;
  const senderName = ` ${normaliseWords(from.name)} `;
  const viaAts = fromDomain !== '' && isJobBoardHost(fromDomain);
  const words = new Set(`${subject}${body}${senderName}`.split(' '));

  const candidates = new Set<PreparedApp>();
  for (const w of words) {
    for (const p of prepared.byWord.get(w) ?? []) {
      // A company is only a candidate when all its telling words appear, not just one of them.
      if (p.keyWords.every((k) => words.has(k))) candidates.add(p);
    }
  }
  if (fromLabel) for (const p of prepared.byDomainLabel.get(fromLabel) ?? []) candidates.add(p);
  for (const p of prepared.byContact.get(from.address) ?? []) candidates.add(p);

  let best: EmailMatch | null = null;
  for (const p of candidates) {
    const reasons: string[] = [];
    let score = 0;
    const add = (points: number, reason: string) => {
      score += points;
      reasons.push(reason);
    };
    if (p.contacts.has(from.address)) add(0.6, `sent by ${from.address}, a contact of this application`);
    else if (fromDomain && p.contactDomains.has(fromDomain))
      add(0.3, `sent from ${fromDomain}, the domain of a contact`);
    if (fromLabel && fromLabel === p.compact) {
      add(0.5, `sender domain ${fromDomain} matches the company name`);
    } else if (
      fromLabel &&
      p.compact.length >= 4 &&
      fromLabel.startsWith(p.compact) &&
      DOMAIN_SUFFIXES.test(fromLabel.slice(p.compact.length))
    ) {
      // `acmecorp.com` for "Acme": close, but less sure than an exact name, so a company whose
      // full name is the domain ("Example Startup" for example-startup.com) wins over "Example".
      add(0.4, `sender domain ${fromDomain} matches the company name`);
    } else if (fromLabel && fromLabel === p.urlDomain)
      add(0.5, `sender domain ${fromDomain} matches the job link`);
    const phrase = ` ${p.company} `;
    if (p.company !== '' && subject.includes(phrase))
      add(0.3, `company "${p.app.company}" named in the subject`);
    else if (p.company !== '' && senderName.includes(phrase))
      add(0.3, `company "${p.app.company}" in the sender's name`);
    else if (p.company !== '' && body.includes(phrase)) {
      // Mail from a job board or applicant-tracking system always speaks for some employer.
      add(viaAts ? 0.3 : 0.2, `company "${p.app.company}" named in the text`);
    }
    if (p.role !== '' && subject.includes(` ${p.role} `))
      add(0.25, `role "${p.app.role}" named in the subject`);
    else if (p.role !== '' && body.includes(` ${p.role} `))
      add(0.15, `role "${p.app.role}" named in the text`);
    const capped = Math.min(1, Math.round(score * 100) / 100);
    if (capped >= MIN_MATCH_SCORE && (!best || capped > best.score)) {
      best = { applicationId: p.app.id, score: capped, reasons };
    }
  }
  return best;
}
