/**
 * Reads a saved job page (or one the user pasted) into application fields. Job sites publish a
 * schema.org `JobPosting` as JSON-LD for search engines; that is read first. Pages without it are
 * read by the structure of the big boards (`job-boards.ts`: LinkedIn, Indeed, Greenhouse, Lever,
 * Workday, Ashby), then by their readable text: the title or first heading, Open Graph tags and
 * main text. The browser clipper and the bookmarklet send the page as the browser shows it here.
 */
import { type HTMLElement, type Node, type Options as ParseOptions, parse, TextNode } from 'node-html-parser';
import type { Channel, WorkMode } from '../core/applications/application.ts';
import { guessChannelFromUrl } from '../core/import/channel.ts';
import { FILE_LIMITS } from './file-limits.ts';
import { type BoardPage, type JobBoard, readBoardPage } from './job-boards.ts';

export { guessChannelFromUrl } from '../core/import/channel.ts';

export interface JobPostingFields {
  company: string | null;
  role: string | null;
  location: string | null;
  workMode: WorkMode | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  jobDescription: string | null;
  jobUrl: string | null;
}

export interface JobPostingExtract {
  found: boolean;
  /** Where the fields came from; `none` when nothing was found. */
  source: 'json-ld' | 'board' | 'text' | 'none';
  /** The board whose page structure was read, when `source` is `board`. */
  board?: JobBoard;
  /** Why nothing was found, for the person who pasted the page. */
  reason?: string;
  fields: JobPostingFields;
  channel: Channel;
  /** schema.org employment types as published (`FULL_TIME`, `CONTRACTOR`…), comma-separated. */
  employmentType: string | null;
}

type Json = Record<string, unknown>;

/** Annual multipliers for a salary given per hour, day, week or month (40 h weeks, 52 weeks). */
const PER_YEAR: Record<string, number> = { HOUR: 2080, DAY: 260, WEEK: 52, MONTH: 12, YEAR: 1 };
const JOB_WORDS =
  /\b(responsibilities|requirements|qualifications|what you('ll| will) do|about the (role|job|position)|apply (now|for this)|we are (hiring|looking for)|job description|benefits|salary|your profile|who you are|nice to have)\b/gi;

/**
 * Extracts a job posting from `html`. `url` is where the page came from; it is the job link when
 * the page does not name one and decides the channel (see `guessChannelFromUrl`).
 */
export function extractJobPosting(html: string, url?: string): JobPostingExtract {
  const root = parseHtml(html, { blockTextElements: { script: true, style: true, pre: true } });
  const posting = findJsonLdPosting(root);
  if (posting) return fromJsonLd(posting, url);
  const board = readBoardPage(root, url);
  if (board) return fromBoard(board, url);
  return fromText(root, url);
}

function findJsonLdPosting(root: HTMLElement): Json | null {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.rawText.trim());
    } catch {
      continue;
    }
    const found = walk(data);
    if (found) return found;
  }
  return null;
}

function walk(node: unknown): Json | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = walk(item);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const obj = node as Json;
  const type = obj['@type'];
  if (type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'))) return obj;
  return walk(obj['@graph']) ?? walk(obj.mainEntity);
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function fromJsonLd(p: Json, url: string | undefined): JobPostingExtract {
  const org = p.hiringOrganization;
  const company = str(org) ?? str((org as Json | undefined)?.name);
  const description = str(p.description);
  const jobDescription = description ? htmlToPlainText(decodeIfEscaped(description)) || null : null;
  const locationType = asArray(p.jobLocationType).map(String).join(' ');
  const text = `${str(p.title) ?? ''} ${jobDescription ?? ''}`;
  const workMode: WorkMode | null = /TELECOMMUTE/i.test(locationType)
    ? /\bhybrid\b/i.test(text)
      ? 'hybrid'
      : 'remote'
    : workModeFromText(text);
  const jobUrl = str(p.url) ?? url ?? null;
  return {
    found: true,
    source: 'json-ld',
    fields: {
      company: company ? decodeEntities(company) : null,
      role: str(p.title) ? decodeEntities(str(p.title)!) : null,
      location: jsonLdLocation(p.jobLocation),
      workMode,
      ...jsonLdSalary(p.baseSalary ?? p.estimatedSalary),
      jobDescription,
      jobUrl,
    },
    channel: guessChannelFromUrl(url ?? jobUrl),
    employmentType: asArray(p.employmentType).map(String).join(', ') || null,
  };
}

function jsonLdLocation(value: unknown): string | null {
  const places = asArray(value).map((place) => {
    const address = (place as Json | undefined)?.address ?? place;
    if (typeof address === 'string') return address.trim();
    const a = (address ?? {}) as Json;
    const country = str(a.addressCountry) ?? str((a.addressCountry as Json | undefined)?.name);
    return [str(a.addressLocality), str(a.addressRegion), country].filter(Boolean).join(', ');
  });
  const joined = places.filter((s) => s !== '').join('; ');
  return joined === '' ? null : joined;
}

function jsonLdSalary(value: unknown): Pick<JobPostingFields, 'salaryMin' | 'salaryMax' | 'salaryCurrency'> {
  const none = { salaryMin: null, salaryMax: null, salaryCurrency: null };
  const first = asArray(value)[0];
  if (first === undefined) return none;
  if (typeof first === 'number') return { salaryMin: first, salaryMax: first, salaryCurrency: null };
  const amount = first as Json;
  const currency = str(amount.currency);
  const v = amount.value;
  const q = (typeof v === 'object' && v !== null ? v : { value: v }) as Json;
  const unit = (str(q.unitText) ?? str(amount.unitText) ?? 'YEAR').toUpperCase();
  const factor = PER_YEAR[unit] ?? 1;
  const num = (x: unknown) => {
    const n =
      typeof x === 'number' ? x : typeof x === 'string' ? Number(x.replace(/[^\d.]/g, '')) : Number.NaN;
    return Number.isFinite(n) && n > 0 ? Math.round(n * factor) : null;
  };
  const min = num(q.minValue) ?? num(q.value);
  const max = num(q.maxValue) ?? num(q.value);
  return {
    salaryMin: min ?? max,
    salaryMax: max ?? min,
    salaryCurrency: currency ? currency.toUpperCase() : null,
  };
}

function fromBoard(page: BoardPage, url: string | undefined): JobPostingExtract {
  const jobDescription = page.description ? htmlToPlainText(page.description.toString()) || null : null;
  return {
    found: true,
    source: 'board',
    board: page.board,
    fields: {
      company: page.company,
      role: page.role,
      location: page.location,
      workMode:
        workModeFromText(`${page.workplace ?? ''} ${page.location ?? ''}`) ??
        (/\bremote\b/i.test(`${page.workplace ?? ''} ${page.location ?? ''}`) ? 'remote' : null) ??
        workModeFromText(jobDescription ?? ''),
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
      jobDescription,
      jobUrl: url ?? null,
    },
    channel: guessChannelFromUrl(url),
    employmentType: null,
  };
}

function fromText(root: HTMLElement, url: string | undefined): JobPostingExtract {
  const meta = (name: string) =>
    str(root.querySelector(`meta[property="${name}"]`)?.getAttribute('content')) ??
    str(root.querySelector(`meta[name="${name}"]`)?.getAttribute('content'));
  const h1 = str(root.querySelector('h1')?.text);
  const title = str(root.querySelector('title')?.text);
  const main =
    root.querySelector('main') ??
    root.querySelector('article') ??
    root.querySelector('[role="main"]') ??
    root.querySelector('body') ??
    root;
  const jobDescription = htmlToPlainText(main.toString()) || null;
  const jobWordHits = new Set((jobDescription ?? '').toLowerCase().match(JOB_WORDS) ?? []).size;
  const heading = h1 ?? meta('og:title') ?? title;
  const empty: JobPostingFields = {
    company: null,
    role: null,
    location: null,
    workMode: null,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    jobDescription: null,
    jobUrl: url ?? null,
  };
  if (!heading || jobWordHits < 2) {
    return {
      found: false,
      source: 'none',
      reason: 'this page has no job posting data, and its text does not read like a job ad',
      fields: empty,
      channel: guessChannelFromUrl(url),
      employmentType: null,
    };
  }
  const split = splitTitle(meta('og:title') ?? title ?? heading);
  const location = /\blocation\s*:\s*([^\n]{2,80})/i.exec(jobDescription ?? '')?.[1]?.trim() ?? null;
  return {
    found: true,
    source: 'text',
    fields: {
      ...empty,
      role: h1 ?? split.role,
      company: meta('og:site_name') ?? split.company,
      location,
      workMode: workModeFromText(`${heading} ${jobDescription ?? ''}`),
      jobDescription,
      jobUrl: url ?? meta('og:url') ?? str(root.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    },
    channel: guessChannelFromUrl(url ?? meta('og:url')),
    employmentType: null,
  };
}

/** "Data Engineer at Acme", "Data Engineer - Acme | Careers" → role and company. */
function splitTitle(title: string): { role: string | null; company: string | null } {
  const cleaned = title.replace(/\s*[|·]\s*(careers?|jobs?)\b.*$/i, '').trim();
  const m = /^(.+?)\s+(?:at|@|-|–|—|\|)\s+(.+)$/.exec(cleaned);
  return m ? { role: m[1]!.trim(), company: m[2]!.trim() } : { role: cleaned || null, company: null };
}

function workModeFromText(text: string): WorkMode | null {
  if (/\bhybrid\b/i.test(text)) return 'hybrid';
  if (
    /\b(fully remote|remote[- ](first|friendly|only)|100% remote|work from anywhere|remote role|remote position)\b/i.test(
      text,
    )
  )
    return 'remote';
  if (/\b(on[- ]site|in[- ]office|in the office \d|office[- ]based)\b/i.test(text)) return 'onsite';
  return null;
}

/** JSON-LD descriptions are often HTML written with escaped tags (`&lt;p&gt;`). */
function decodeIfEscaped(s: string): string {
  return /&lt;\/?[a-z]/i.test(s) ? decodeEntities(s) : s;
}

function decodeEntities(s: string): string {
  return parse(`<p>${s.replace(/</g, '&lt;')}</p>`).text;
}

/**
 * Parses HTML into a tree no deeper than FILE_LIMITS.htmlDepth: node-html-parser reads any depth
 * without recursion, but reading text back (and our own walk) recurses, so a page nested 8,000
 * deep would overflow the stack. Elements at the limit keep their text and lose their inner
 * structure, which only pathological pages have.
 */
export function parseHtml(html: string, options?: Partial<ParseOptions>): HTMLElement {
  const root = parse(html, options);
  const stack: { node: HTMLElement; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= FILE_LIMITS.htmlDepth) {
      flatten(node);
      continue;
    }
    for (const child of node.childNodes) {
      if (child.nodeType === 1) stack.push({ node: child as HTMLElement, depth: depth + 1 });
    }
  }
  return root;
}

/** Replaces an element's children with one text node holding all the text under it, without recursion. */
function flatten(element: HTMLElement): void {
  const parts: string[] = [];
  const stack: Node[] = [...element.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) parts.push(node.rawText);
    else if (node.nodeType === 1) {
      parts.push(' ');
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
  }
  element.set_content([new TextNode(parts.join(''), element)]);
}

const BLOCK = /^(div|li|tr|article|header|footer|main|nav|aside|pre|hr|dd|dt|dl|figure|form)$/;
const PARAGRAPH = /^(p|h[1-6]|ul|ol|table|blockquote|section)$/;

/**
 * Turns HTML into readable plain text: scripts and styles dropped, entities decoded, block
 * elements on their own lines, list items with "- ", at most one blank line in a row.
 */
export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const root = parseHtml(html, {
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  for (const n of root.querySelectorAll('head,script,style,noscript,template,svg')) n.remove();
  let out = '';
  /** Ends the output with at least `n` newlines, never more than asked for by nested blocks. */
  const breakLines = (n: number) => {
    if (out === '') return;
    let trailing = 0;
    while (trailing < n && out[out.length - 1 - trailing] === '\n') trailing++;
    if (trailing < n) out += '\n'.repeat(n - trailing);
  };
  const visit = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        out += child.text.replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as HTMLElement;
      const tag = (el.rawTagName ?? '').toLowerCase();
      if (tag === 'br') {
        out += '\n';
        continue;
      }
      const gap = PARAGRAPH.test(tag) ? 2 : BLOCK.test(tag) ? 1 : 0;
      if (gap) breakLines(gap);
      if (tag === 'li') out += '- ';
      visit(el);
      if (gap) breakLines(gap);
    }
  };
  visit(root);
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
