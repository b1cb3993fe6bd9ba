import type { ApplicationList, ApplicationSummary } from '../../src/core/applications/schemas.ts';
import type { PageSnapshot } from '../../src/core/clipper/page-snapshot.ts';
import type { JobPageResult } from '../../src/core/import/schemas.ts';
import { extensionOrigin } from './ext.ts';
import type { ClipperSettings } from './settings.ts';

/** An answer from Rebound that is not a success, or no answer at all (`status` 0). */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** The server refused this extension because the user has not paired it yet. */
  get needsPairing(): boolean {
    return this.code === 'cross_site_request' && /not paired/.test(this.message);
  }
}

/** One call to Rebound: JSON both ways, the token when one is set, no cookies. */
export async function call<T>(
  settings: ClipperSettings,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (settings.token.trim() !== '') headers.authorization = `Bearer ${settings.token.trim()}`;
  let res: Response;
  try {
    res = await fetch(`${settings.server}${path}`, {
      method,
      headers,
      credentials: 'omit',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new RemoteError(
      `Rebound is not answering at ${settings.server}. Start it with "rebound serve", or check the address in the clipper's options.`,
      'unreachable',
      0,
    );
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const error = data?.error;
    throw new RemoteError(
      error?.message ?? `Rebound answered ${res.status}.`,
      error?.code ?? 'http_error',
      res.status,
    );
  }
  return data as T;
}

/** The page's job, read by the server's job-page reader (JSON-LD, board structure, then text). */
export const readJobPage = (settings: ClipperSettings, page: PageSnapshot) =>
  call<JobPageResult>(settings, 'POST', '/api/v1/imports/job-page', { url: page.url, html: page.html });

export const createApplication = (settings: ClipperSettings, fields: Record<string, unknown>) =>
  call<ApplicationSummary>(settings, 'POST', '/api/v1/applications', fields);

export const markApplied = (settings: ClipperSettings, id: string) =>
  call<ApplicationSummary>(settings, 'POST', `/api/v1/applications/${encodeURIComponent(id)}/events`, {
    type: 'stage_changed',
    stage: 'applied',
  });

/** Same job whatever the tracking query, fragment or "/apply" ending. */
export function sameJob(a: string, b: string): boolean {
  const key = (u: string) => {
    try {
      const url = new URL(u);
      return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/(apply|application)\/?$/i, '').replace(/\/+$/, '')}`;
    } catch {
      return u;
    }
  };
  return key(a) === key(b);
}

/** The open application saved from this job's page, if any (the 500 most recently changed). */
export async function findByJobUrl(
  settings: ClipperSettings,
  url: string,
): Promise<ApplicationSummary | null> {
  const list = await call<ApplicationList>(
    settings,
    'GET',
    '/api/v1/applications?status=open&sort=updated&limit=500',
  );
  return list.items.find((a) => a.jobUrl !== null && sameJob(a.jobUrl, url)) ?? null;
}

/** The Rebound page where the user pairs this extension (shown by the local server's settings). */
export const pairingUrl = (settings: ClipperSettings) =>
  `${settings.server}/settings?pair=${encodeURIComponent(extensionOrigin())}`;
