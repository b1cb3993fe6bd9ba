/**
 * "People you know here": the user's contacts at the company of a saved or open application,
 * found by the company-name rules mail matching uses ("Acme Inc." = "ACME" = "Acme Corporation").
 */
import type { Application } from '../applications/application.ts';
import { normaliseCompanyName } from '../company-name.ts';
import { personWords, type Reader, SELF } from '../reader.ts';
import type { TemplateVars } from '../recovery/render-template.ts';
import type { ReferralAskStatus } from './asks.ts';

export interface KnownContact {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  linkedinUrl: string | null;
  /** Set for contacts imported from a connections export. */
  connection: { source: string; connectedOn: string | null } | null;
}

/** Contacts grouped by the normalised name of their company (contacts without one are left out). */
export function contactsByCompany<C extends Pick<KnownContact, 'company'>>(
  contacts: readonly C[],
): Map<string, C[]> {
  const index = new Map<string, C[]>();
  for (const c of contacts) {
    if (!c.company) continue;
    const key = normaliseCompanyName(c.company);
    if (key === '') continue;
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}

/** Applications where asking for a referral still helps: saved, or open and not yet past interviews. */
export function wantsReferral(app: Pick<Application, 'stage' | 'outcome'>): boolean {
  return app.outcome === null && app.stage !== 'offer' && app.stage !== 'accepted';
}

/**
 * The people the user knows at `company`, connections first, then by name. Empty when the
 * company name has no letters or digits.
 */
export function peopleAt<C extends KnownContact>(company: string, index: Map<string, C[]>): C[] {
  const found = index.get(normaliseCompanyName(company)) ?? [];
  return [...found].sort(
    (a, b) =>
      Number(b.connection !== null) - Number(a.connection !== null) ||
      a.name.localeCompare(b.name, 'en') ||
      a.id.localeCompare(b.id),
  );
}

/** The first word of a name, for a friendly greeting ("Ana" for "Ana Ruiz"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The values the referral-ask template is filled with. */
export function referralAskVars(
  person: Pick<KnownContact, 'name' | 'role'>,
  app: Pick<Application, 'company' | 'role' | 'jobUrl'>,
  userName: string | null,
): TemplateVars {
  return {
    contactName: firstName(person.name),
    company: app.company,
    role: app.role,
    jobUrl: app.jobUrl,
    theirRole: person.role,
    userName,
  };
}

/**
 * What the web and the CLI show next to each person: the ask's state in words ("Referred you";
 * "Referred Sam Rivera" for a coach reading the seeker's people).
 */
export function askStateText(status: ReferralAskStatus | null, reader: Reader = SELF): string {
  if (status === null) return 'Not asked yet';
  const seeker = personWords(reader).name;
  return {
    asked: 'Asked, waiting for an answer',
    agreed: `Agreed to refer ${seeker}`,
    referred: `Referred ${seeker}`,
    declined: `Could not refer ${seeker} this time`,
  }[status];
}
