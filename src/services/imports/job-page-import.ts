import { LIMITS } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { type JobPageInput, MAX_JOB_PAGE_BYTES } from '../../core/import/input.ts';
import type { JobPageResult } from '../../core/import/schemas.ts';
import { resolvesToPrivateAddress } from '../../io/address-check.ts';
import { extractJobPosting, type JobPostingExtract } from '../../io/job-page.ts';

/** How long fetching a job page may take before Rebound gives up. */
export const FETCH_TIMEOUT_MS = 10_000;

/**
 * Fetches a job page: http(s) only, at most 5 MB, within 10 seconds. A non-2xx answer, a
 * timeout or an unreachable host is a `fetch_failed` error naming what happened.
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
  let response: Response;
  try {
    response = await fetchFollowing(parsed, options);
  } catch (error) {
    if (error instanceof ReboundError) throw error;
    const why =
      (error as Error).name === 'TimeoutError'
        ? 'it did not answer within 10 seconds'
        : 'it could not be reached';
    throw new ReboundError(
      'fetch_failed',
      `Could not fetch ${parsed.href}: ${why}. Save the page and use its HTML instead.`,
      [{ path: 'url', message: why }],
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ReboundError(
      'fetch_failed',
      `Could not fetch ${parsed.href}: the site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      [{ path: 'url', message: `HTTP ${response.status}` }],
    );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(parsed.href, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(parsed.href, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * On a hosted server, refuse addresses on this machine or its private network (every redirect
   * is checked too), so a job-page URL cannot be used to reach internal services.
   */
  blockPrivateAddresses?: boolean;
}

async function fetchFollowing(start: URL, options: FetchOptions): Promise<Response> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let url = start;
  for (let hop = 0; hop < 6; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') break;
    if (options.blockPrivateAddresses && (await resolvesToPrivateAddress(url.hostname))) {
      throw new ReboundError(
        'invalid_input',
        `url: ${url.hostname} is a private or local address, which this server does not fetch`,
        [{ path: 'url', message: 'private or local address' }],
      );
    }
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'user-agent': 'Rebound job tracker',
      },
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new ReboundError('fetch_failed', `Could not fetch ${start.href}: too many redirects.`, [
    { path: 'url', message: 'too many redirects' },
  ]);
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
