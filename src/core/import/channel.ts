/**
 * Guesses how an application was made (its channel) from a job link or a "source" column.
 *
 * The rule for links: a job board or an applicant-tracking host (LinkedIn, Indeed, Glassdoor,
 * Greenhouse, Lever, Workday…) means `job_board`, because the posting was found and applied to
 * through a listing; any other real web address is taken as the company's own careers site,
 * which Rebound counts as `direct_outreach` (the user went to the employer directly). No link,
 * or one that cannot be read, gives `other`.
 */
import type { Channel } from '../applications/application.ts';

/** Host suffixes of job boards and applicant-tracking systems. */
export const JOB_BOARD_HOSTS = [
  'linkedin.com',
  'indeed.com',
  'indeed.co.uk',
  'glassdoor.com',
  'glassdoor.co.uk',
  'monster.com',
  'ziprecruiter.com',
  'dice.com',
  'simplyhired.com',
  'careerbuilder.com',
  'wellfound.com',
  'angel.co',
  'stepstone.de',
  'stepstone.com',
  'xing.com',
  'reed.co.uk',
  'totaljobs.com',
  'cwjobs.co.uk',
  'seek.com.au',
  'seek.co.nz',
  'naukri.com',
  'jobs.ch',
  'welcometothejungle.com',
  'otta.com',
  'hired.com',
  'weworkremotely.com',
  'remoteok.com',
  'remotive.com',
  'builtin.com',
  'ycombinator.com',
  'workatastartup.com',
  'stackoverflow.com',
  'jobs.github.com',
  'handshake.com',
  'joinhandshake.com',
  'greenhouse.io',
  'greenhouse-mail.io',
  'lever.co',
  'myworkday.com',
  'myworkdayjobs.com',
  'workday.com',
  'ashbyhq.com',
  'smartrecruiters.com',
  'workable.com',
  'jobvite.com',
  'icims.com',
  'bamboohr.com',
  'recruitee.com',
  'teamtailor.com',
  'personio.de',
  'personio.com',
  'breezy.hr',
  'jazzhr.com',
  'applytojob.com',
  'taleo.net',
  'successfactors.com',
  'eightfold.ai',
  'jobs.lever.co',
  'adzuna.com',
  'jooble.org',
  'talent.com',
] as const;

const HOST = /^(?:https?:\/\/)?(?:[^@/?#\s]*@)?([a-z0-9.-]+)(?::\d+)?(?:[/?#]|$)/i;

/** The lower-cased host of `url` without a leading `www.`, or null when it is not a web address. */
export function urlHost(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:\/\//i.test(trimmed)) return null;
  const m = HOST.exec(trimmed);
  if (!m || !m[1]!.includes('.') || m[1]!.startsWith('.') || m[1]!.endsWith('.')) return null;
  return m[1]!.toLowerCase().replace(/^www\./, '');
}

const boardCache = new Map<string, boolean>();

/** True when `host` is, or is under, one of the job-board hosts. */
export function isJobBoardHost(host: string): boolean {
  let known = boardCache.get(host);
  if (known === undefined) {
    known = JOB_BOARD_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    if (boardCache.size < 10_000) boardCache.set(host, known);
  }
  return known;
}

/** The channel a job link suggests: job board, the company's own site (direct outreach), or other. */
export function guessChannelFromUrl(url: string | null | undefined): Channel {
  const host = urlHost(url);
  if (host === null) return 'other';
  return isJobBoardHost(host) ? 'job_board' : 'direct_outreach';
}

const SOURCE_PATTERNS: [Channel, RegExp][] = [
  ['referral', /\brefer(red|ral)?\b/],
  ['recruiter', /\b(recruiter|recruitment agency|agency|headhunter|staffing)\b/],
  ['networking', /\b(network\w*|friend|meetup|conference|event|former colleague|alumni|contact)\b/],
  [
    'direct_outreach',
    /\b(company (site|website|page)|career(s)? (site|page)|direct\w*|cold (email|message|outreach)|outreach|website)\b/,
  ],
  [
    'job_board',
    /\b(job board|linkedin|indeed|glassdoor|monster|ziprecruiter|dice|wellfound|angellist|otta|stepstone|seek|reed|hired|handshake|hacker news|hn|who'?s hiring|builtin|board)\b/,
  ],
];

/** The channel a free-text "source" value suggests ("LinkedIn", "Referral from Sam", "Company website"); null if unclear. */
export function guessChannelFromSource(source: string | null | undefined): Channel | null {
  const s = (source ?? '').toLowerCase().trim();
  if (s === '') return null;
  const host = urlHost(s);
  if (host && /\.[a-z]{2,}$/.test(host) && !s.includes(' ')) return guessChannelFromUrl(s);
  return SOURCE_PATTERNS.find(([, re]) => re.test(s))?.[0] ?? null;
}
