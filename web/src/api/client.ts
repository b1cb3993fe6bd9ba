import type {
  ApplicationInputBody as ApplicationInput,
  EventInputBody as EventInput,
  ListQueryInput as ListQuery,
  RoundInputBody as RoundInput,
} from '@core/applications/input.ts';
import type {
  ApplicationDetail,
  ApplicationList,
  SettingsView as Settings,
} from '@core/applications/schemas.ts';
import type { ErrorDetail } from '@core/errors.ts';

/** One field at fault, as every error response names it. */
export type ApiErrorDetail = ErrorDetail;

/** A refusal from the server, carrying its stable code and the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  /** Seconds to wait before trying again, from `Retry-After` (a 429), else null. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ApiErrorDetail[],
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  /** Field errors keyed by their top-level path, ready for form inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = d.path.split('.')[0] ?? d.path;
      out[key] ??= d.message;
    }
    return out;
  }
}

/**
 * Sent on every request: the server refuses a change that carries neither a JSON body nor this
 * header, which a form or beacon from another site cannot add.
 */
export const OWN_PAGE_HEADER = { 'x-rebound': '1' } as const;

/** The header that names a seeker's workspace a coach reads (hosted mode). */
export const WORKSPACE_HEADER = 'rebound-workspace';

export interface RequestOptions {
  /**
   * Act in this workspace instead of the caller's own: a coach reading what a seeker shares.
   * The server allows only reads within the shared scopes.
   */
  workspace?: string;
}

declare global {
  interface Window {
    /** Requests `/boot.js` started before the app's code loaded, by address (web/public/boot.js). */
    __reboundBoot?: Map<string, Promise<Response>>;
  }
}

/**
 * The answer `/boot.js` already asked for at this address, handed out once: the first read of who
 * is signed in and of the board starts while the app's code is still downloading.
 */
export function takeBootResponse(path: string): Promise<Response> | undefined {
  const boot = typeof window === 'undefined' ? undefined : window.__reboundBoot;
  const response = boot?.get(path);
  boot?.delete(path);
  return response;
}

/** JSON over fetch with Rebound's error model: a refusal becomes an `ApiError` with its fields. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...OWN_PAGE_HEADER };
  if (options.workspace) headers[WORKSPACE_HEADER] = options.workspace;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await ((method === 'GET' && !options.workspace && takeBootResponse(path)) || fetch(path, init));
  } catch {
    throw new ApiError(0, 'network_error', 'Rebound could not reach its server. Is it still running?', []);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } })?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'internal_error',
      err?.message ?? `Something went wrong (${res.status}).`,
      err?.details ?? [],
      retryAfterSeconds(res.headers.get('retry-after')),
    );
  }
  return json as T;
}

function retryAfterSeconds(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const base = '/api/v1';

export const api = {
  listApplications: (query: ListQuery) =>
    request<ApplicationList>('GET', `${base}/applications${toSearch(query)}`),
  getApplication: (id: string) =>
    request<ApplicationDetail>('GET', `${base}/applications/${encodeURIComponent(id)}`),
  createApplication: (input: ApplicationInput) =>
    request<ApplicationDetail>('POST', `${base}/applications`, input),
  updateApplication: (id: string, input: ApplicationInput) =>
    request<ApplicationDetail>('PATCH', `${base}/applications/${encodeURIComponent(id)}`, input),
  deleteApplication: (id: string) =>
    request<void>('DELETE', `${base}/applications/${encodeURIComponent(id)}`),
  addEvent: (id: string, input: EventInput) =>
    request<ApplicationDetail>('POST', `${base}/applications/${encodeURIComponent(id)}/events`, input),
  addRound: (id: string, input: RoundInput) =>
    request<ApplicationDetail>('POST', `${base}/applications/${encodeURIComponent(id)}/rounds`, input),
  getSettings: () => request<Settings>('GET', `${base}/settings`),
  updateSettings: (input: Partial<Settings>) => request<Settings>('PATCH', `${base}/settings`, input),
  loadSampleData: () => request<{ created: number }>('POST', `${base}/sample-data`),
};
