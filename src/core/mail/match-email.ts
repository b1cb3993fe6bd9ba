/**
 * Finds which of the user's applications an e-mail is about. First the employer, from every
 * signal the mail carries: a known sender (a contact, or one the user confirmed before), the
 * sender's or Reply-To domain (the company's website, its job link, its name), the employer's
 * name as an applicant-tracking system writes it into its address or links, the display name,
 * the subject and the text. Then the role decides between the company's applications
 * (`chooseByRole`); when it cannot, the match names no application and the mail goes to review.
 * Returns the reasons, so the person confirming it can see them.
 */
import { isJobBoardHost } from '../import/channel.ts';
import { normaliseWords } from '../import/dedupe-key.ts';
import { atsEmployerSlug, atsOfHost } from './ats.ts';
import { chooseByRole } from './mail-roles.ts';
import { ownMessage } from './mail-text.ts';
import {
  type CompanyGroup,
  companyIndex,
  GENERIC_MAIL_HOSTS,
  groupsByLabel,
  type KnownSender,
  mailHost,
  registrableDomain,
} from './match-index.ts';

export type { KnownSender } from './match-index.ts';
export { GENERIC_MAIL_HOSTS, registrableDomain } from './match-index.ts';

export interface MatchableApplication {
  id: string;
  company: string;
  role: string;
  jobUrl: string | null;
  /** The company's own website or mail domain (`gm.com`), when known. */
  website?: string | null;
  contactEmails?: string[];
}

export interface MatchableMail {
  subject: string;
  from?: { name?: string; address?: string } | string | null;
  replyTo?: { address: string }[] | null;
  text: string;
  /** Links of an HTML body (a plain-text body's links are read from the text). */
  links?: string[];
}

export interface EmailMatch {
  /** The application, or null when the employer is clear but not which of its applications. */
  applicationId: string | null;
  /** 0..1: how sure the match is; below MAIL_APPLY_MATCH it waits for the user. */
  score: number;
  reasons: string[];
}

/** Below this nothing is suggested: a guess this weak would cost the user more than it saves. */
export const MIN_MATCH_SCORE = 0.4;
/** Whatever the employer signals add up to, an unsure role keeps the match below recording. */
const UNDECIDED_CAP = 0.5;

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

const LINK = /\bhttps?:\/\/[^\s<>"')\]]+/gi;

/**
 * The application `mail` most likely belongs to, with a score and the reasons; null when no
 * employer scores at least `MIN_MATCH_SCORE`. `known` are senders the user confirmed before.
 * Pass the same `apps` array for many mails: it is indexed once.
 */
export function matchEmailToApplication(
  mail: MatchableMail,
  apps: readonly MatchableApplication[],
  known: readonly KnownSender[] = [],
): EmailMatch | null {
  const index = companyIndex(apps, known);
  const from = sender(mail.from);
  const fromHost = from.address.split('@')[1] ?? '';
  const ats = fromHost ? atsOfHost(fromHost) : null;
  const ownDomain = fromHost && !ats && !isJobBoardHost(fromHost) && !GENERIC_MAIL_HOSTS.test(fromHost);
  const fromDomain = ownDomain ? registrableDomain(fromHost) : '';
  const own = ownMessage(mail.text ?? '').slice(0, 20_000);
  const subject = ` ${normaliseWords(mail.subject ?? '')} `;
  const body = ` ${normaliseWords(own)} `;
  const senderName = ` ${normaliseWords(from.name)} `;
  const words = new Set(`${subject}${body}${senderName}`.split(' '));
  const links = [...(mail.text ?? '').slice(0, 50_000).matchAll(LINK)]
    .map((m) => m[0])
    .concat(mail.links ?? []);
  const replyDomains = (mail.replyTo ?? [])
    .map((r) => r.address.toLowerCase().split('@')[1] ?? '')
    .filter((h) => h && !atsOfHost(h) && !GENERIC_MAIL_HOSTS.test(h))
    .map(registrableDomain);

  const scores = new Map<CompanyGroup, { score: number; reasons: string[] }>();
  const add = (g: CompanyGroup, points: number, reason: string) => {
    const s = scores.get(g) ?? { score: 0, reasons: [] };
    if (s.reasons.includes(reason)) return;
    s.score += points;
    s.reasons.push(reason);
    scores.set(g, s);
  };

  for (const g of index.byAddress.get(from.address) ?? [])
    add(
      g,
      0.7,
      g.learned.has(from.address)
        ? `sent by ${from.address}, whom you matched to ${g.name} before`
        : `sent by ${from.address}, a contact there`,
    );
  if (fromDomain) {
    for (const g of index.byDomain.get(fromDomain) ?? [])
      add(g, 0.5, `sent from ${fromDomain}, ${g.domains.get(fromDomain)}`);
    const label = fromDomain.split('.')[0]!.replace(/-/g, '');
    for (const g of groupsByLabel(index, label))
      add(g, 0.5, `sender domain ${fromDomain} is the company's name`);
  }
  for (const d of replyDomains) {
    for (const g of index.byDomain.get(d) ?? []) add(g, 0.4, `replies go to ${d}, ${g.domains.get(d)}`);
    for (const g of groupsByLabel(index, d.split('.')[0]!.replace(/-/g, '')))
      add(g, 0.4, `replies go to ${d}, the company's name`);
  }
  if (ats) {
    const slug = atsEmployerSlug(ats, fromHost, from.address);
    const key = slug?.replace(/-/g, '');
    for (const g of (key && (index.byLabel.get(key) ?? index.byAtsSlug.get(key))) || [])
      add(g, 0.4, `${ats} sender ${from.address} names the company`);
  }
  for (const link of links.slice(0, 40)) {
    const host = mailHost(link);
    if (!host) continue;
    const linkAts = atsOfHost(host);
    if (linkAts) {
      const path = link.replace(/^https?:\/\/[^/]+/i, '') || '/';
      const slug = atsEmployerSlug(linkAts, host, path)?.replace(/-/g, '');
      for (const g of (slug && (index.byAtsSlug.get(slug) ?? index.byLabel.get(slug))) || [])
        add(g, 0.35, `links to the company's ${linkAts} page`);
    } else if (!isJobBoardHost(host) && !GENERIC_MAIL_HOSTS.test(host)) {
      const d = registrableDomain(host);
      for (const g of index.byDomain.get(d) ?? []) add(g, 0.35, `links to ${d}, ${g.domains.get(d)}`);
    }
  }
  const named = new Set<CompanyGroup>();
  for (const w of words)
    for (const g of index.byWord.get(w) ?? []) if (g.keyWords.every((k) => words.has(k))) named.add(g);
  for (const g of named) {
    const phrase = ` ${g.key} `;
    if (senderName.includes(phrase)) add(g, 0.35, `sender's name says ${g.name}`);
    if (subject.includes(phrase)) add(g, 0.3, `subject names ${g.name}`);
    // Mail from an ATS always speaks for some employer: its text naming one says more.
    else if (body.includes(phrase)) add(g, ats ? 0.3 : 0.2, `text names ${g.name}`);
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  const top = ranked[0];
  if (!top || top[1].score < 0.2) return null;
  const [group, employer] = top;
  const reasons = [...employer.reasons];
  let score = Math.min(0.9, employer.score);
  const rival = ranked[1];
  if (rival && rival[1].score >= MIN_MATCH_SCORE && rival[1].score > employer.score - 0.15) {
    reasons.push(`it could also be ${rival[0].name}`);
    return { applicationId: null, score: Math.min(score, UNDECIDED_CAP), reasons };
  }
  // A contact linked to one of the company's applications says which one, when the role does not.
  const contactOf = group.apps.filter((a) =>
    a.contactEmails?.some((c) => c.trim().toLowerCase() === from.address),
  );
  const byRole = chooseByRole(group.apps, subject, body, group.key);
  const choice =
    !byRole.chosen && contactOf.length === 1 && !byRole.reason?.startsWith('names')
      ? { chosen: contactOf[0]!, named: false, reason: null }
      : byRole;
  if (choice.reason) reasons.push(choice.reason);
  if (!choice.chosen)
    return score < MIN_MATCH_SCORE
      ? null
      : { applicationId: null, score: Math.min(score, UNDECIDED_CAP), reasons };
  if (choice.named) score += 0.2;
  if (score < MIN_MATCH_SCORE) return null;
  return { applicationId: choice.chosen.id, score: Math.round(Math.min(1, score) * 100) / 100, reasons };
}
