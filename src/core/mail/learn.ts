/**
 * What a confirmed match teaches: the sender's address, and its domain when the domain is the
 * company's own. Shared mailboxes teach nothing (`no-reply@greenhouse-mail.io` writes for every
 * employer on Greenhouse, `gmail.com` for everyone), but an ATS address that carries the
 * employer's name (`acme@myworkday.com`) and a person's own address do.
 */
import { isJobBoardHost } from '../import/channel.ts';
import { atsEmployerSlug, atsOfHost } from './ats.ts';
import { GENERIC_MAIL_HOSTS, registrableDomain } from './match-index.ts';

/** The senders (an address, a domain) to remember for a company after the user confirmed a mail from `address`. */
export function sendersToLearn(address: string | null): { sender: string; domain: string | null } | null {
  const a = (address ?? '').trim().toLowerCase();
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1) return null;
  const host = a.slice(at + 1);
  const ats = atsOfHost(host);
  if (ats) return atsEmployerSlug(ats, host, a) ? { sender: a, domain: null } : null;
  if (isJobBoardHost(host)) return null;
  if (GENERIC_MAIL_HOSTS.test(host)) return { sender: a, domain: null };
  return { sender: a, domain: registrableDomain(host) };
}
