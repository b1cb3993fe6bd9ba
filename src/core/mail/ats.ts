/**
 * Applicant-tracking systems (ATS): the services that send mail and host job postings on an
 * employer's behalf. Mail from them says nothing about the employer through its domain, but their
 * addresses and links often carry the employer's own name (`acme@myworkday.com`,
 * `jobs.lever.co/acme/…`, `acme.teamtailor.com`). Pure: hosts and strings in, names out.
 */

export const ATS_NAMES = [
  'greenhouse',
  'lever',
  'workday',
  'ashby',
  'smartrecruiters',
  'icims',
  'jobvite',
  'workable',
  'teamtailor',
  'bamboohr',
  'recruitee',
  'breezy',
  'jazzhr',
  'taleo',
  'successfactors',
  'personio',
  'pinpoint',
] as const;
export type AtsName = (typeof ATS_NAMES)[number];

/** Registrable domains of each ATS (mail and job pages). */
const ATS_DOMAINS: [string, AtsName][] = [
  ['greenhouse.io', 'greenhouse'],
  ['greenhouse-mail.io', 'greenhouse'],
  ['lever.co', 'lever'],
  ['myworkday.com', 'workday'],
  ['myworkdayjobs.com', 'workday'],
  ['workday.com', 'workday'],
  ['ashbyhq.com', 'ashby'],
  ['smartrecruiters.com', 'smartrecruiters'],
  ['smartrecruitersmail.com', 'smartrecruiters'],
  ['icims.com', 'icims'],
  ['jobvite.com', 'jobvite'],
  ['jobvite-mail.com', 'jobvite'],
  ['workable.com', 'workable'],
  ['workablemail.com', 'workable'],
  ['teamtailor.com', 'teamtailor'],
  ['teamtailor-mail.com', 'teamtailor'],
  ['bamboohr.com', 'bamboohr'],
  ['recruitee.com', 'recruitee'],
  ['breezy.hr', 'breezy'],
  ['applytojob.com', 'jazzhr'],
  ['jazzhr.com', 'jazzhr'],
  ['taleo.net', 'taleo'],
  ['successfactors.com', 'successfactors'],
  ['successfactors.eu', 'successfactors'],
  ['personio.de', 'personio'],
  ['personio.com', 'personio'],
  ['pinpointhq.com', 'pinpoint'],
];

/** The ATS a host belongs to (`us.greenhouse-mail.io` → greenhouse), or null. */
export function atsOfHost(host: string): AtsName | null {
  const h = host.toLowerCase();
  for (const [domain, name] of ATS_DOMAINS) if (h === domain || h.endsWith(`.${domain}`)) return name;
  return null;
}

/** Local parts that name a mailbox, not an employer. */
const GENERIC_LOCAL =
  /^(?:no-?reply|do-?not-?reply|notifications?|notify|alerts?|mailer|info|jobs|careers|talent|recruiting|hello|support|team|candidates?|hire|apply|system|messages?|inmail.*)$/;
/** Hosts of an ATS that are the service itself, not an employer's page on it. */
const SERVICE_LABELS =
  /^(?:www|app|api|jobs|job-boards|boards|careers|apply|hire|mail|email|us|eu|candidates|notifications?|static|cdn|wd\d+|my)$/;

/**
 * The employer's name as an ATS writes it into an address or link, lower-cased: the local part
 * of `acme@myworkday.com` or `careers-acme@icims.com`, the first path segment of
 * `jobs.lever.co/acme/…`, or the subdomain of `acme.teamtailor.com`. Null when it names none.
 */
export function atsEmployerSlug(ats: AtsName, host: string, localOrPath: string): string | null {
  const clean = (s: string) => {
    const slug = s
      .toLowerCase()
      .replace(/^careers?-|-careers?$/g, '')
      .replace(/[^a-z0-9-]/g, '');
    return slug.length >= 2 && !GENERIC_LOCAL.test(slug) ? slug : null;
  };
  if (localOrPath.includes('@') || !localOrPath.startsWith('/')) {
    // An address: only the local part can name the employer (`halvorsen@myworkday.com`).
    return clean(localOrPath.split('@')[0] ?? '');
  }
  const labels = host.toLowerCase().split('.');
  const sub = labels[0] ?? '';
  if (labels.length >= 3 && !SERVICE_LABELS.test(sub)) return clean(sub);
  const first = localOrPath.split('/').filter((s) => s !== '')[0] ?? '';
  if (ats === 'workday' || ats === 'icims' || ats === 'teamtailor') return null;
  return first && !/^(?:j|jobs?|en|en-us|o|p|apply|embed|api)$/i.test(first) ? clean(first) : null;
}
