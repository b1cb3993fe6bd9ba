/**
 * The page structure of the big job boards and applicant-tracking systems, read when a page has
 * no JSON-LD `JobPosting` (LinkedIn and Indeed show none to a signed-in user; Workday and Ashby
 * render theirs in the browser). Each rule knows the board's host and one element only that
 * board has, so a board page saved under another address (a custom careers domain) is still
 * recognised. The selectors follow each board's markup as published; when a board changes its
 * markup, the reader falls back to the page's readable text.
 */
import { type HTMLElement, parse } from 'node-html-parser';
import type { JobBoard } from '../core/import/schemas.ts';

export type { JobBoard } from '../core/import/schemas.ts';

/** What a board's page says, as text; the description as the element that holds it. */
export interface BoardPage {
  board: JobBoard;
  company: string | null;
  role: string | null;
  location: string | null;
  /** Words the board shows about where the work happens ("Hybrid", "Remote"). */
  workplace: string | null;
  description: HTMLElement | null;
}

interface BoardRule {
  board: JobBoard;
  hosts: RegExp;
  /** An element that only this board's job pages have. */
  marker: string;
  read(root: HTMLElement, url: URL | null): Omit<BoardPage, 'board'>;
}

const text = (el: HTMLElement | null | undefined): string | null => {
  const t = el?.text.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};
const first = (root: HTMLElement, selectors: string[]): HTMLElement | null => {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el && text(el) !== null) return el;
  }
  return null;
};
const firstText = (root: HTMLElement, selectors: string[]) => text(first(root, selectors));
const title = (root: HTMLElement) => text(root.querySelector('title'));

/** A logo's alt text names the company: "Harbor Health logo" → "Harbor Health". */
function companyFromLogo(root: HTMLElement, selector: string): string | null {
  const alt = root.querySelector(selector)?.getAttribute('alt')?.trim();
  const name = alt?.replace(/\s*\blogo\b\s*$/i, '').trim();
  return name ? name : null;
}

/** A path segment that names the company (`jobs.lever.co/harbor-health/…`) → "Harbor Health". */
function companyFromPath(url: URL | null, index: number): string | null {
  const segment = url?.pathname.split('/').filter(Boolean)[index];
  if (!segment || !/^[a-z0-9][a-z0-9-_.]*$/i.test(segment)) return null;
  return decodeURIComponent(segment)
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** A definition list or labelled section: the value after the heading that reads `label`. */
function labelled(root: HTMLElement, container: string, label: RegExp): string | null {
  for (const section of root.querySelectorAll(container)) {
    const heading = section.querySelector('dt,h2,h3,label');
    if (heading && label.test(text(heading) ?? '')) {
      const value = section.querySelector('dd,p,span,div');
      return text(value);
    }
  }
  return null;
}

const RULES: BoardRule[] = [
  {
    board: 'linkedin',
    hosts: /(^|\.)linkedin\.com$/,
    marker:
      '.job-details-jobs-unified-top-card__job-title, .jobs-unified-top-card__job-title, .top-card-layout__title',
    read: (root) => ({
      role: firstText(root, [
        '.job-details-jobs-unified-top-card__job-title',
        '.jobs-unified-top-card__job-title',
        '.top-card-layout__title',
      ]),
      company: firstText(root, [
        '.job-details-jobs-unified-top-card__company-name',
        '.jobs-unified-top-card__company-name',
        '.topcard__org-name-link',
      ]),
      location:
        text(
          root.querySelector('.job-details-jobs-unified-top-card__primary-description-container .tvm__text'),
        ) ?? firstText(root, ['.jobs-unified-top-card__bullet', '.topcard__flavor--bullet']),
      workplace: firstText(root, [
        '.job-details-preferences-and-skills',
        '.job-details-jobs-unified-top-card__workplace-type',
        '.jobs-unified-top-card__workplace-type',
      ]),
      description: first(root, [
        '#job-details',
        '.jobs-description__content',
        '.show-more-less-html__markup',
      ]),
    }),
  },
  {
    board: 'indeed',
    hosts: /(^|\.)indeed\.(com|co\.[a-z]{2}|[a-z]{2})$/,
    marker: '#jobDescriptionText',
    read: (root) => ({
      role:
        firstText(root, ['.jobsearch-JobInfoHeader-title', '[data-testid="jobsearch-JobInfoHeader-title"]'])
          ?.replace(/\s*-\s*job post\s*$/i, '')
          .trim() ?? null,
      company: firstText(root, [
        '[data-testid="inlineHeader-companyName"]',
        '[data-company-name]',
        '.jobsearch-CompanyInfoContainer a',
      ]),
      location: firstText(root, [
        '[data-testid="inlineHeader-companyLocation"]',
        '[data-testid="job-location"]',
        '#jobLocationText',
      ]),
      workplace: null,
      description: root.querySelector('#jobDescriptionText'),
    }),
  },
  {
    board: 'greenhouse',
    hosts: /(^|\.)greenhouse\.io$/,
    marker: '.job__title, #header .app-title',
    read: (root) => {
      const heading = title(root) ?? '';
      const fromTitle = /\bfor\s+(.+?)\s+at\s+(.+)$/i.exec(heading);
      return {
        role: firstText(root, ['.job__title h1', '#header .app-title']) ?? fromTitle?.[1] ?? null,
        company:
          firstText(root, ['#header .company-name'])?.replace(/^at\s+/i, '') ??
          fromTitle?.[2]?.trim() ??
          companyFromLogo(root, '.logo img, .image-container img'),
        location: firstText(root, ['.job__location', '#header .location']),
        workplace: null,
        description: first(root, ['.job__description', '#content']),
      };
    },
  },
  {
    board: 'lever',
    hosts: /(^|\.)lever\.co$/,
    marker: '.posting-headline',
    read: (root, url) => {
      const sections = root
        .querySelectorAll('.section-wrapper .section')
        .filter((s) => !/last-section-apply|posting-header/.test(s.getAttribute('class') ?? ''));
      return {
        role: firstText(root, ['.posting-headline h2', '.posting-headline h1']),
        company:
          /^(.+?)\s+-\s+.+$/.exec(title(root) ?? '')?.[1] ??
          companyFromLogo(root, '.main-header-logo img') ??
          companyFromPath(url, 0),
        location: firstText(root, ['.posting-categories .location']),
        workplace: firstText(root, ['.posting-categories .workplaceTypes']),
        description: sections.length > 0 ? parse(sections.map((s) => s.toString()).join('')) : null,
      };
    },
  },
  {
    board: 'workday',
    hosts: /(^|\.)(myworkdayjobs|myworkdaysite|workday)\.com$/,
    marker: '[data-automation-id="jobPostingHeader"]',
    read: (root, url) => ({
      role: firstText(root, ['[data-automation-id="jobPostingHeader"]']),
      company:
        root.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() ||
        companyFromLogo(root, '[data-automation-id="logo"] img, img[data-automation-id="logo"]') ||
        (url ? companyFromPath(new URL(`https://x/${url.hostname.split('.')[0]}`), 0) : null),
      location: labelled(root, '[data-automation-id="locations"]', /location/i),
      workplace: labelled(root, '[data-automation-id="remoteType"]', /remote|workplace/i),
      description: root.querySelector('[data-automation-id="jobPostingDescription"]'),
    }),
  },
  {
    board: 'ashby',
    hosts: /(^|\.)ashbyhq\.com$/,
    marker: '.ashby-job-posting-heading',
    read: (root, url) => ({
      role: firstText(root, ['.ashby-job-posting-heading']),
      company: /\s@\s(.+)$/.exec(title(root) ?? '')?.[1]?.trim() ?? companyFromPath(url, 0),
      location: labelled(root, '.ashby-job-posting-left-pane > div', /^location$/i),
      workplace: labelled(root, '.ashby-job-posting-left-pane > div', /location type|workplace/i),
      description: first(root, ['.ashby-job-posting-right-pane', '[class*="descriptionText"]']),
    }),
  },
];

/**
 * Reads a job board's page by its structure: the board is chosen by the page's host, or by an
 * element only that board has. Null when no rule applies or the page names no role.
 */
export function readBoardPage(root: HTMLElement, url: string | undefined): BoardPage | null {
  let parsed: URL | null = null;
  try {
    parsed = url ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  const host = parsed?.hostname.toLowerCase() ?? '';
  const rule =
    RULES.find((r) => r.hosts.test(host) && root.querySelector(r.marker)) ??
    RULES.find((r) => root.querySelector(r.marker));
  if (!rule) return null;
  const page = rule.read(root, parsed);
  if (!page.role) return null;
  return { board: rule.board, ...page };
}
