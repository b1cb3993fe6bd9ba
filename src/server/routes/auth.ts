import { z } from 'zod';
import {
  passwordChangeSchema,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  signInSchema,
  signUpSchema,
  tokenCreateSchema,
} from '../../core/accounts/input.ts';
import {
  authResultSchema,
  calendarSecretSchema,
  invitationPublicSchema,
  meSchema,
  okSchema,
  tokenCreatedSchema,
  tokenListSchema,
} from '../../core/accounts/schemas.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  calendarOwner,
  calendarPath,
  changePassword,
  checkPassword,
  createToken,
  endAllSessions,
  endSession,
  listUserTokens,
  type Principal,
  presentUser,
  revokeUserToken,
  rotateCalendarSecret,
  SESSION_IDLE_DAYS,
  signUp,
  startSession,
} from '../../services/accounts/accounts.ts';
import { lookupInvitation } from '../../services/accounts/invitations.ts';
import { completePasswordReset, requestPasswordReset } from '../../services/accounts/password-reset.ts';
import { listSharedWithMe } from '../../services/accounts/shares.ts';
import { getSettings } from '../../services/settings.ts';
import { calendarIcs } from '../../services/today/today.ts';
import { clearSessionCookie, setSessionCookie } from '../auth.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses, errorSchema } from './openapi.ts';

const tags = ['accounts'];
/**
 * Coarse per-address limits on the routes that create accounts or send e-mail, kept in each
 * process's memory by @fastify/rate-limit (hosted mode only). Sign-in's own limit is counted in
 * the database instead (per account and per address, across processes): see rate-limit.ts.
 */
const perAddress = (max: number) => ({ rateLimit: { max, timeWindow: '10 minutes' } });
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
      config: perAddress(50),
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
      const user = await checkPassword(deps.accounts, request.body, request.ip);
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
      if (!deps.hosted) return { mode: 'local' as const, user: null, sharedWithMe: [], calendarPath: null };
      const principal = request.principal;
      if (!principal) return { mode: 'hosted' as const, user: null, sharedWithMe: [], calendarPath: null };
      return {
        mode: 'hosted' as const,
        user: presentUser(principal.user),
        sharedWithMe: await listSharedWithMe(deps.accounts, principal),
        calendarPath: calendarPath(principal.user),
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

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password (other sessions end; this one and your tokens stay)',
        body: passwordChangeSchema,
        response: { ...ok(okSchema), 429: errorSchema },
      },
    },
    async (request) => {
      await changePassword(deps.accounts, signedIn(deps, request.principal), request.body, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: perAddress(10),
      schema: {
        tags,
        summary:
          'Forgot your password: e-mails a one-time link when the address has an account (the answer is the same either way)',
        body: passwordResetRequestSchema,
        response: { ...ok(okSchema), 429: errorSchema },
      },
    },
    async (request) => {
      hostedOnly(deps);
      await requestPasswordReset(deps.accounts, request.body.email);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: perAddress(20),
      schema: {
        tags,
        summary: 'Choose a new password with a reset link (works once; every session ends; signs you in)',
        body: passwordResetCompleteSchema,
        response: { ...ok(authResultSchema), 429: errorSchema },
      },
    },
    async (request, reply) => {
      hostedOnly(deps);
      const user = await completePasswordReset(deps.accounts, request.body);
      setSessionCookie(request, reply, await startSession(deps.accounts, user), SESSION_IDLE_DAYS);
      return { user: presentUser(user) };
    },
  );

  app.get(
    '/api/v1/auth/invitations/:token',
    {
      config: perAddress(100),
      schema: {
        tags,
        summary:
          'What an invitation link is for (public: the sign-up page shows it); 404 when used or expired',
        params: z.object({ token: z.string().min(1).max(200) }),
        response: ok(invitationPublicSchema),
      },
    },
    async (request) => {
      hostedOnly(deps);
      return lookupInvitation(deps.accounts, request.params.token);
    },
  );

  app.post(
    '/api/v1/auth/calendar-secret',
    {
      schema: {
        tags,
        summary: 'A new private address for your calendar feed (the old one stops working)',
        response: ok(calendarSecretSchema),
      },
    },
    async (request) => ({
      calendarPath: await rotateCalendarSecret(deps.accounts, signedIn(deps, request.principal)),
    }),
  );

  app.get(
    '/api/v1/calendar/:secret',
    {
      schema: {
        tags: ['today'],
        summary:
          'Your calendar feed at its private address (`GET /api/v1/me` gives it), for a calendar app to subscribe to',
        params: z.object({ secret: z.string().min(1).max(200) }),
        response: {
          200: z.string().describe('text/calendar: one event per dated step or interview'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      hostedOnly(deps);
      const owner = await calendarOwner(deps.accounts, request.params.secret);
      if (!owner)
        throw new ReboundError('not_found', 'No calendar at this address (it may have been replaced).');
      const base = { db: deps.accounts.db, clock: deps.accounts.clock, workspaceId: owner.workspace_id };
      const settings = await getSettings(base);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await calendarIcs({ ...base, timeZone: settings.timeZone }));
    },
  );
}
