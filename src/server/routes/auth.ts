import { z } from 'zod';
import { signInSchema, signUpSchema, tokenCreateSchema } from '../../core/accounts/input.ts';
import {
  authResultSchema,
  meSchema,
  okSchema,
  tokenCreatedSchema,
  tokenListSchema,
} from '../../core/accounts/schemas.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  checkPassword,
  createToken,
  endAllSessions,
  endSession,
  listUserTokens,
  type Principal,
  presentUser,
  revokeUserToken,
  SESSION_IDLE_DAYS,
  signUp,
  startSession,
} from '../../services/accounts/accounts.ts';
import { listSharedWithMe } from '../../services/accounts/shares.ts';
import { clearSessionCookie, setSessionCookie } from '../auth.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses, errorSchema } from './openapi.ts';

const tags = ['accounts'];
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const idParams = z.object({ id: z.string().min(1).max(100) });

/** The signed-in caller, or a refusal; only reached on a hosted server (the gate ran first). */
export function signedIn(deps: RouteDeps, principal: Principal | null): Principal {
  if (!deps.hosted) {
    throw new ReboundError('not_found', 'This Rebound runs on your own machine and has no accounts.');
  }
  if (!principal) throw new ReboundError('unauthenticated', 'Sign in first.');
  return principal;
}

function hostedOnly(deps: RouteDeps): void {
  if (!deps.hosted) {
    throw new ReboundError('not_found', 'This Rebound runs on your own machine and has no accounts.');
  }
}

/** Sign-up, sign-in, sign-out, who am I, and personal access tokens. */
export function authRoutes(app: App, deps: RouteDeps): void {
  app.post(
    '/api/v1/auth/sign-up',
    {
      schema: {
        tags,
        summary:
          'Create an account (the first on an empty server becomes admin; then by invitation unless sign-up is open)',
        body: signUpSchema,
        response: { 201: authResultSchema, ...errorResponses, 429: errorSchema },
      },
    },
    async (request, reply) => {
      hostedOnly(deps);
      const user = await signUp(deps.accounts, request.body);
      setSessionCookie(request, reply, await startSession(deps.accounts, user), SESSION_IDLE_DAYS);
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (sets the session cookie)',
        body: signInSchema,
        response: { ...ok(authResultSchema), 429: errorSchema },
      },
    },
    async (request, reply) => {
      hostedOnly(deps);
      const user = await checkPassword(deps.accounts, request.body);
      setSessionCookie(request, reply, await startSession(deps.accounts, user), SESSION_IDLE_DAYS);
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'Sign out of this session', response: ok(okSchema) } },
    async (request, reply) => {
      await endSession(deps.accounts, signedIn(deps, request.principal));
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'End every session of this account (tokens stay until revoked)',
        response: ok(okSchema),
      },
    },
    async (request, reply) => {
      await endAllSessions(deps.accounts, signedIn(deps, request.principal));
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Who is signed in, and the workspaces shared with them',
        response: ok(meSchema),
      },
    },
    async (request) => {
      if (!deps.hosted) return { mode: 'local' as const, user: null, sharedWithMe: [] };
      const principal = request.principal;
      if (!principal) return { mode: 'hosted' as const, user: null, sharedWithMe: [] };
      return {
        mode: 'hosted' as const,
        user: presentUser(principal.user),
        sharedWithMe: await listSharedWithMe(deps.accounts, principal),
      };
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal access token (shown once) for the CLI, the API or an integration',
        body: tokenCreateSchema,
        response: { 201: tokenCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createToken(deps.accounts, signedIn(deps, request.principal), request.body.name)),
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal access tokens (never the tokens themselves)',
        response: ok(tokenListSchema),
      },
    },
    async (request) => ({ items: await listUserTokens(deps.accounts, signedIn(deps, request.principal)) }),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a token at once',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeUserToken(deps.accounts, signedIn(deps, request.principal), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
