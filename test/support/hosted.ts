/**
 * A small HTTP client for hosted-mode tests: signs people up and in over real HTTP and keeps each
 * one's session cookie, as a browser would.
 */
/** Response bodies, read loosely as tests do with `res.json()`. */
// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies field by field
type Json = any;

export interface Caller {
  email: string;
  cookie: string | null;
  token?: string;
  workspaceId: string;
  userId: string;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** Act in this workspace (`Rebound-Workspace`). */
  workspace?: string;
  /** Use a bearer token instead of the cookie. */
  token?: string;
  /** Send no credentials at all. */
  anonymous?: boolean;
  headers?: Record<string, string>;
}

export async function call(
  base: string,
  who: Caller | null,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  else if ((options.method ?? 'GET') !== 'GET') headers['x-rebound'] = '1';
  if (!options.anonymous && who) {
    const token = options.token ?? who.token;
    if (token) headers.authorization = `Bearer ${token}`;
    else if (who.cookie) headers.cookie = who.cookie;
  }
  if (options.workspace) headers['rebound-workspace'] = options.workspace;
  const res = await fetch(base + path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: Json = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (CSV, iCalendar)
  }
  return { status: res.status, body, headers: res.headers };
}

function sessionCookie(headers: Headers): string | null {
  const set = headers.getSetCookie().find((c) => c.startsWith('rebound_session='));
  return set ? set.split(';')[0]! : null;
}

export async function signUp(
  base: string,
  person: { email: string; name: string; password?: string; invitation?: string },
): Promise<Caller> {
  const res = await call(base, null, '/api/v1/auth/sign-up', {
    method: 'POST',
    body: { password: 'correct horse battery', ...person },
  });
  if (res.status !== 201)
    throw new Error(`sign-up of ${person.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    email: person.email,
    cookie: sessionCookie(res.headers),
    workspaceId: res.body.user.workspaceId,
    userId: res.body.user.id,
  };
}

export async function signIn(base: string, email: string, password = 'correct horse battery') {
  const res = await call(base, null, '/api/v1/auth/sign-in', { method: 'POST', body: { email, password } });
  return { ...res, cookie: sessionCookie(res.headers) };
}
