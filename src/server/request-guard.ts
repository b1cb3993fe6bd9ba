import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isExtensionOrigin } from '../core/clipper/origins.ts';
import { findNulCharacter } from '../core/validation.ts';
import { errorBody } from './errors.ts';
import { hostnameOf } from './host-check.ts';

/** The header a script of Rebound's own sends on a state-changing request without a JSON body. */
export const CUSTOM_HEADER = 'x-rebound';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What every response carries: no framing by other sites, no MIME sniffing, no referrer leaking
 * the application's URLs, and a CSP that allows only Rebound's own scripts. Mantine sets inline
 * styles, hence `style-src 'unsafe-inline'`; charts and avatars use data: and blob: images.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * What a paired browser extension (the job clipper) may change: read a job page, add an
 * application, and record an event on one (marking it applied). Nothing else, so a paired
 * extension cannot change settings, pair others, import or delete.
 */
export const CLIPPER_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/imports/job-page',
  'POST /api/v1/applications',
  'POST /api/v1/applications/:id/events',
]);

/** The extension origins the user paired (read on every state-changing request). */
export type PairedOrigins = () => readonly string[];

/**
 * Why a state-changing request is refused as cross-site, or null when it may go on.
 * A page on another site (or another port of this machine) can make the browser send a form
 * post, a `no-cors` fetch or a beacon, but only with a "simple" content type and no custom
 * headers; and the browser always says where it came from (`Sec-Fetch-Site`, `Origin`).
 */
export function crossSiteRefusal(
  request: Pick<FastifyRequest, 'method' | 'headers'> & { routeOptions?: { url?: string | undefined } },
  pairedOrigins: PairedOrigins = () => [],
): string | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const origin = header(request, 'origin');
  if (origin !== undefined && isExtensionOrigin(origin))
    return extensionRefusal(request, origin, pairedOrigins);
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `the browser says this request came from another site (${site.slice(0, 40)})`;
  }
  if (origin !== undefined) {
    const host = hostnameOf(request.headers.host ?? '');
    let originHost: string | null = null;
    try {
      const u = new URL(origin);
      if (u.protocol === 'http:' || u.protocol === 'https:') originHost = u.host;
    } catch {
      originHost = null;
    }
    const requestHost = (request.headers.host ?? '').trim().toLowerCase();
    if (host === null || originHost === null || !sameHostAndPort(originHost, requestHost)) {
      return 'it came from a page on another site';
    }
  }
  return bodyRefusal(request);
}

/**
 * A browser extension's request: only from one the user paired, only to the clipper's routes.
 * The browser sets `Origin` itself; no web page can claim an extension's.
 */
function extensionRefusal(
  request: Pick<FastifyRequest, 'method' | 'headers'> & { routeOptions?: { url?: string | undefined } },
  origin: string,
  pairedOrigins: PairedOrigins,
): string | null {
  if (!pairedOrigins().includes(origin)) {
    return `it came from a browser extension that is not paired with this Rebound (${origin.slice(0, 80)}); pair it in Settings, Save jobs from your browser`;
  }
  if (!CLIPPER_ROUTES.has(`${request.method} ${request.routeOptions?.url ?? ''}`)) {
    return 'a paired browser extension may only read job pages, add applications and record their events';
  }
  return bodyRefusal(request);
}

function bodyRefusal(request: Pick<FastifyRequest, 'headers'>): string | null {
  const type = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && header(request, CUSTOM_HEADER) === undefined) {
    return `it has neither a JSON body nor the ${CUSTOM_HEADER} header`;
  }
  return null;
}

function sameHostAndPort(originHost: string, requestHost: string): boolean {
  const withDefault = (h: string) => (/:\d+$/.test(h) && !h.endsWith(']') ? h : `${h}:80`);
  return originHost === requestHost || withDefault(originHost) === withDefault(requestHost);
}

function header(request: Pick<FastifyRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The guards every request passes: security headers on every response, state-changing requests
 * only from Rebound's own pages (a JSON body or the `X-Rebound` header, and no foreign origin)
 * or from a browser extension the user paired (the clipper's routes only),
 * and no NUL character anywhere in the body, path parameters or query, named by field.
 */
export function registerRequestGuards(
  app: FastifyInstance,
  pairedOrigins: PairedOrigins = () => [],
  hosted = false,
): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // Hosted mode: a request that carries a personal access token was not forged by a browser
    // (no page can attach an Authorization header to another site without CORS, which Rebound
    // never grants), so the clipper and integrations need no pairing there. The token itself is
    // checked by the sign-in gate.
    if (hosted && /^Bearer\s/i.test(String(request.headers.authorization ?? ''))) return;
    const refusal = crossSiteRefusal(request, pairedOrigins);
    if (refusal === null) return;
    return reply
      .status(403)
      .send(
        errorBody('cross_site_request', `Rebound refused this change because ${refusal}.`, [
          refusal.includes('browser extension')
            ? { path: 'headers.origin', message: 'pair the clipper in Settings, Save jobs from your browser' }
            : { path: 'headers', message: 'send JSON, or the X-Rebound: 1 header, from the same origin' },
        ]),
      );
  });
  app.addHook('preValidation', async (request, reply) => {
    for (const [where, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const path = findNulCharacter(value);
      if (path === null) continue;
      const field = path === '' ? where : where === 'body' ? path : `${where}.${path}`;
      return reply
        .status(400)
        .send(
          errorBody('invalid_input', `${field}: must not contain a NUL character (\\u0000)`, [
            { path: field, message: 'must not contain a NUL character' },
          ]),
        );
    }
  });
}
