import { LIMITS } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { type JobPageInput, MAX_JOB_PAGE_BYTES } from '../../core/import/input.ts';
import type { JobPageResult } from '../../core/import/schemas.ts';
import { FetchTooLarge, guardedFetch } from '../../io/address-check.ts';
import type { JobPostingExtract } from '../../io/job-page.ts';

/** How long fetching a job page may take before Rebound gives up. */
export const FETCH_TIMEOUT_MS = 10_000;

/**
 * Fetches a job page: http(s) only, at most 5 MB, within 10 seconds, through the outbound guard
 * (`guardedFetch`): addresses on this machine or a private network are refused unless the caller
 * allows them (local mode, when the user turned that on). A refused address, an unreachable host,
 * a timeout and a non-2xx answer all give the same `fetch_failed` text, so the answer says
 * nothing about what listens where.
 */
export async function fetchJobPage(url: string, options: FetchOptions = {}): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReboundError('invalid_input', `url: "${url}" is not a web address`, [
      { path: 'url', message: 'must be an http(s) URL' },
    ]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ReboundError('invalid_input', 'url: must be an http(s) URL', [
      { path: 'url', message: 'must be an http(s) URL' },
    ]);
  }
  const maxBytes = options.maxBytes ?? MAX_JOB_PAGE_BYTES;
  try {
    const page = await guardedFetch(parsed, {
      allowLocalAddresses: options.allowLocalAddresses ?? false,
      timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
      maxBytes,
      headers: {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'user-agent': 'Rebound job tracker',
      },
    });
    return page.body.toString('utf8');
  } catch (error) {
    if (error instanceof FetchTooLarge) throw tooLarge(parsed.href, maxBytes);
    throw new ReboundError('fetch_failed', fetchFailedMessage(parsed.href), [
      { path: 'url', message: 'could not be fetched' },
    ]);
  }
}

/** The one text for every fetch that did not give a page. */
export function fetchFailedMessage(href: string): string {
  return `Could not fetch ${href}: it did not answer with a page Rebound may read. Save the page and paste its HTML instead.`;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Let the fetch reach this machine or its private network. Off by default in every mode; local
   * mode turns it on only when the user asks (the `fetchLocalAddresses` setting).
   */
  allowLocalAddresses?: boolean;
}

function tooLarge(url: string, maxBytes: number): ReboundError {
  return new ReboundError(
    'payload_too_large',
    `${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; Rebound reads job pages up to that size.`,
  );
}

/**
 * Reads a job page, fetched from `url` or pasted as `html`, into application fields. A page with
 * no job on it is a `no_job_posting` error saying why.
 */
export async function importJobPage(
  input: JobPageInput,
  options: FetchOptions = {},
): Promise<JobPostingExtract> {
  const html = input.html ?? (await fetchJobPage(input.url!, options));
  // The page reader (node-html-parser) loads on the first page read, not when the server starts.
  const { extractJobPosting } = await import('../../io/job-page.ts');
  const extract = extractJobPosting(html, input.url);
  if (!extract.found) {
    throw new ReboundError(
      'no_job_posting',
      `No job posting found on this page: ${extract.reason ?? 'nothing on it reads like a job ad'}. Fill in the company and role yourself.`,
      [{ path: input.html !== undefined ? 'html' : 'url', message: 'no job posting found' }],
    );
  }
  return extract;
}

/** The extracted fields as the start of a new application (limits applied; empty fields left out). */
export function jobPageToApplicationInput(extract: JobPostingExtract): JobPageResult['fields'] {
  const f = extract.fields;
  const out: JobPageResult['fields'] = { channel: extract.channel };
  if (f.company) out.company = f.company.slice(0, LIMITS.company);
  if (f.role) out.role = f.role.slice(0, LIMITS.role);
  if (f.location) out.location = f.location.slice(0, LIMITS.location);
  if (f.workMode) out.workMode = f.workMode;
  if (f.salaryMin !== null) out.salaryMin = Math.round(f.salaryMin);
  if (f.salaryMax !== null) out.salaryMax = Math.round(f.salaryMax);
  if (f.salaryCurrency) out.salaryCurrency = f.salaryCurrency;
  if (f.jobDescription) out.jobDescription = f.jobDescription.slice(0, LIMITS.jobDescription);
  if (f.jobUrl && f.jobUrl.length <= LIMITS.url && /^https?:\/\//i.test(f.jobUrl)) out.jobUrl = f.jobUrl;
  if (extract.employmentType && /CONTRACT|TEMPORARY|FREELANCE/i.test(extract.employmentType))
    out.kind = 'contract';
  return out;
}
