import { AsyncLocalStorage } from 'node:async_hooks';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ReboundError } from '../core/errors.ts';
import { coachReader } from '../core/reader.ts';
import {
  type AccountsContext,
  authenticateSession,
  authenticateToken,
  type Principal,
} from '../services/accounts/accounts.ts';
import { checkSharedRead, resolveWorkspace, type WorkspaceAccess } from '../services/accounts/shares.ts';
import type { ServiceContext } from '../services/context.ts';
import { getSettings, type Settings, settingsFrom } from '../services/settings.ts';
import { analystMay, PUBLIC_ROUTES, sharedReadScope } from './access.ts';

/** The cookie that carries a session's secret (HttpOnly, SameSite=Lax; Secure over HTTPS). */
export const SESSION_COOKIE = 'rebound_session';
/** The header a coach sends to read a seeker's shared workspace. */
export const WORKSPACE_HEADER = 'rebound-workspace';

/** Everything a hosted request acts as: who, in which workspace, with what access and settings. */
export interface RequestScope {
  principal: Principal;
  access: WorkspaceAccess;
  context: ServiceContext;
  settings: Settings;
  /** The scheme and host this request reached (links shown to the caller when no public URL is set). */
  origin: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller on a hosted server (null in local mode or when anonymous). */
    principal: Principal | null;
    reboundScope: RequestScope | null;
  }
}

/**
 * The scope of the request being handled, for code that has no request at hand (the route
 * dependencies' `context()`). Set for the whole of a hosted request's handling, after sign-in
 * and the workspace check; undefined in local mode.
 */
const scopes = new AsyncLocalStorage<RequestScope>();
export function currentScope(): RequestScope | undefined {
  return scopes.getStore();
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The caller of a hosted request: a bearer token first, else the session cookie. */
export async function authenticate(ctx: AccountsContext, request: FastifyRequest): Promise<Principal | null> {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization.trim());
    if (!match)
      throw new ReboundError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const principal = await authenticateToken(ctx, match[1]!);
    if (!principal)
      throw new ReboundError('unauthenticated', 'That token is not valid (revoked or mistyped).');
    return principal;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie && cookie.length <= 200) return authenticateSession(ctx, cookie);
  return null;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeDays: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeDays * 86_400,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/**
 * Hosted mode's gate, on every request: the API answers only signed-in callers (but for the few
 * public routes: sign-up, sign-in, health, the OpenAPI document, a calendar feed by its secret),
 * each in their own workspace, or in a seeker's workspace named by `Rebound-Workspace` within
 * the scopes the seeker shared (reads only, each logged for the seeker). The web app's files are
 * public; they hold no data.
 */
export function registerHostedAuth(app: FastifyInstance, base: AccountsContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('reboundScope', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0]!;
    // The MCP endpoint (mcp/http.ts) is the API by another protocol: the same gate.
    if (!path.startsWith('/api/') && path !== '/mcp') return;
    const route = request.routeOptions.url;
    request.principal = await authenticate(base, request);
    if (route !== undefined && (PUBLIC_ROUTES.has(route) || route.startsWith('/api/docs'))) return;
    const principal = request.principal;
    if (!principal) {
      throw new ReboundError(
        'unauthenticated',
        'Sign in first (or send a personal access token as "Authorization: Bearer <token>").',
      );
    }
    if (principal.user.role === 'analyst' && !analystMay(request.method, route)) {
      throw new ReboundError('forbidden', 'An analyst sees cohort aggregates only.');
    }
    const requested = header(request, WORKSPACE_HEADER)?.trim().slice(0, 100);
    const own = requested === undefined || requested === principal.user.workspace_id;
    // In their own workspace the settings came with the caller (one statement); a seeker's shared
    // workspace's are read beside the share check (and dropped if it refuses).
    const [access, settings] = await Promise.all([
      resolveWorkspace(base, principal, requested),
      own && principal.ownSettings
        ? settingsFrom(principal.ownSettings)
        : getSettings({ db: base.db, workspaceId: requested ?? principal.user.workspace_id }),
    ]);
    if (access.kind === 'shared') {
      await checkSharedRead(base, principal, access, {
        method: request.method,
        scope: route === undefined ? null : sharedReadScope(request.method, route),
        what: `${request.method} ${path}`,
      });
    }
    request.reboundScope = {
      principal,
      access,
      settings,
      origin: `${request.protocol}://${request.host}`,
      context: {
        db: base.db,
        clock: base.clock,
        workspaceId: access.workspaceId,
        timeZone: settings.timeZone,
        settings: {
          workspaceId: access.workspaceId,
          value: settings,
          ...(own && principal.ownSettings ? { stored: principal.ownSettings } : {}),
        },
        // A coach reads what Rebound writes about the seeker by the seeker's name, not as "you".
        ...(access.kind === 'shared' ? { reader: coachReader(access.ownerName) } : {}),
      },
    };
  });
  // Runs the rest of the request (validation, handler) inside the scope. A callback hook, so the
  // scope holds across the async steps that follow; set after body parsing, whose stream events
  // would otherwise run outside it.
  app.addHook('preValidation', (request, _reply, done) => {
    const scope = request.reboundScope;
    if (scope) scopes.run(scope, done);
    else done();
  });
}
