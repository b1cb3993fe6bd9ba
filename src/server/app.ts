import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { packagePath } from '../io/package-files.ts';
import type { SecretBox } from '../io/secret-box.ts';
import {
  type AccountMail,
  checkMailSettings,
  createMailer,
  type MailSettings,
} from '../services/accounts/mail.ts';
import { TooManyAttemptsError } from '../services/accounts/rate-limit.ts';
import type { ServiceContext } from '../services/context.ts';
import { type MailSyncScheduler, timerScheduler } from '../services/mail-sync/scheduler.ts';
import { registerApiDocs, registerOpenApiDocument } from './api-docs.ts';
import { currentScope, registerHostedAuth } from './auth.ts';
import { createRouteDeps, type RouteDeps } from './deps.ts';
import { errorBody, registerErrorHandling } from './errors.ts';
import { registerHostCheck } from './host-check.ts';
import { mcpRoutes } from './mcp/http.ts';
import { registerRequestGuards } from './request-guard.ts';
import { ResponseCache } from './response-cache.ts';
import { checkResponse, responseSerializer, shouldCheckResponses } from './response-check.ts';
import { adminRoutes } from './routes/admin.ts';
import { aiRoutes } from './routes/ai.ts';
import { applicationRoutes } from './routes/applications.ts';
import { authRoutes } from './routes/auth.ts';
import { channelRoutes } from './routes/channels.ts';
import { coachingRoutes } from './routes/coaching.ts';
import { contactRoutes } from './routes/contacts.ts';
import { goalRoutes } from './routes/goals.ts';
import { importRoutes } from './routes/imports.ts';
import { infoInterviewRoutes } from './routes/info-interviews.ts';
import { insightsRoutes } from './routes/insights.ts';
import { learningPlanRoutes } from './routes/learning-plan.ts';
import { mailSyncRoutes, noSecretBox, planSavedMailSync } from './routes/mail-sync.ts';
import { peopleRoutes } from './routes/people.ts';
import { recoveryRoutes } from './routes/recovery.ts';
import { referralRoutes } from './routes/referrals.ts';
import { resumeRoutes } from './routes/resume.ts';
import { shareRoutes } from './routes/shares.ts';
import { skillRoutes } from './routes/skills.ts';
import { todayRoutes } from './routes/today.ts';
import { weekRoutes } from './routes/week.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { writingRoutes } from './routes/writing.ts';
import { registerSharedView } from './shared-view.ts';

export const DEFAULT_WEB_ROOT = packagePath('dist', 'web');

/** What `/` says when the web app was never built (a checkout where `npm run build` has not run). */
const WEB_APP_NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rebound: the web app is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The web app is not built yet</h1>
<p>Rebound's API is running (see <a href="/api/docs">/api/docs</a>), but the web app has not been
built in this folder. In the Rebound folder, run</p>
<pre>npm install
npm run build</pre>
<p>and then start <code>rebound serve</code> again. (<code>npm start</code> does both.)</p>
</body></html>
`;

export interface ServerOptions {
  /**
   * Local mode: the workspace every request acts on (there is one). Hosted mode: only its
   * database and clock are used; each request acts in the caller's workspace.
   */
  context: ServiceContext;
  /** The store's external change counter (SQLite); enables caching of list responses. */
  externalVersion?: () => number;
  /**
   * Hosted mode (serving beyond this machine): every API route but a few public ones needs an
   * account, each caller acts in their own workspace, nothing is cached in the process, and
   * outbound fetches are restricted.
   */
  hosted?: boolean;
  /** Behind a reverse proxy: trust its X-Forwarded-For/-Proto (client address, HTTPS cookies). */
  trustProxy?: boolean;
  /**
   * Hosted mode: the public address for links (REBOUND_PUBLIC_URL) and SMTP for e-mailing
   * invitations and reset links (REBOUND_SMTP_URL, REBOUND_MAIL_FROM). Without SMTP, links are
   * shown to the admin to copy.
   */
  mail?: MailSettings;
  /** Extra host names to answer to besides the local ones (hosted deployments). */
  allowedHosts?: string[];
  /** Built web app to serve; null to serve the API only. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Check every JSON response against its declared schema (default: under vitest only). */
  checkResponses?: boolean;
  /** Seals saved mail passwords; `rebound serve` gives the data folder's key file. Without it, none can be saved. */
  secrets?: SecretBox;
  /** Plans scheduled mail syncs (default: a timer while the server runs). */
  mailScheduler?: MailSyncScheduler;
}

/** Feature route modules register here; each takes the app and the shared dependencies. */
export type RouteModule = (app: import('./deps.ts').App, deps: RouteDeps) => void;
const ROUTE_MODULES: RouteModule[] = [
  authRoutes,
  adminRoutes,
  shareRoutes,
  coachingRoutes,
  workspaceRoutes,
  applicationRoutes,
  insightsRoutes,
  channelRoutes,
  goalRoutes,
  recoveryRoutes,
  contactRoutes,
  peopleRoutes,
  todayRoutes,
  skillRoutes,
  resumeRoutes,
  learningPlanRoutes,
  infoInterviewRoutes,
  importRoutes,
  referralRoutes,
  mailSyncRoutes,
  weekRoutes,
  writingRoutes,
  aiRoutes,
  mcpRoutes,
];

/** Builds the Fastify server: host check, error model, OpenAPI, the REST API and the web app. */
export async function buildServer(options: ServerOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    exposeHeadRoutes: false,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are documented with zod but serialised plainly: the presenters already shape them.
  const checkResponses = shouldCheckResponses(options.checkResponses);
  app.setSerializerCompiler(responseSerializer(checkResponses));
  const hosted = options.hosted ?? false;
  // Local mode: the paired extensions are read from the settings once the route deps exist
  // (below). Hosted mode pairs none: a clipper there sends a personal access token.
  let pairedOrigins: () => readonly string[] = () => [];
  registerRequestGuards(app, () => pairedOrigins(), hosted);
  // The Host check guards an account-less local server against DNS rebinding; a hosted server's
  // data needs an account, so it answers to whatever name it is reached by.
  if (!hosted) registerHostCheck(app, options.allowedHosts);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  if (hosted) {
    registerHostedAuth(app, { db: options.context.db, clock: options.context.clock });
    // What a coach is sent passes through one step that removes what is never shared.
    registerSharedView(app);
    // Per-address limits on sign-up and password-reset e-mails (routes opt in with
    // `config.rateLimit`). In memory, so each process counts its own; sign-in's limit is in the database.
    // Loaded here, so a local server never loads it (nor its IP-address library).
    const { default: fastifyRateLimit } = await import('@fastify/rate-limit');
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new TooManyAttemptsError(
          `Too many requests from your address. Try again in ${context.after}.`,
          Math.max(1, Math.ceil(context.ttl / 1000)),
        ),
    });
  }
  const mailSettings = checkMailSettings(options.mail ?? { publicUrl: null, smtpUrl: null, from: null });
  const mail: AccountMail = {
    publicUrl: mailSettings.publicUrl,
    mailer: hosted ? createMailer(mailSettings) : null,
    requestOrigin: () => currentScope()?.origin,
    log: (error) => app.log.warn({ err: error }, 'could not send e-mail'),
  };

  registerOpenApiDocument(app, {
    openapi: {
      info: {
        title: 'Rebound API',
        version: '1',
        description:
          'The REST API of Rebound, a local-first job-search tracker. Every error is `{ error: { code, message, details } }`. ' +
          'A request that changes data (POST, PUT, PATCH, DELETE) needs a JSON body (`content-type: application/json`) or the header `X-Rebound: 1`, and is refused when a browser says it came from another site.',
      },
    },
    transform: jsonSchemaTransform,
  });
  registerApiDocs(app);

  // Never cache on a hosted server: entries are per URL, not per caller, and other processes write too.
  const cache = new ResponseCache(
    hosted ? undefined : options.externalVersion,
    checkResponses
      ? (request, data) =>
          checkResponse(
            (request.routeOptions.schema?.response as Record<number, unknown> | undefined)?.[200],
            data,
            request.method,
            request.routeOptions.url ?? request.url,
          )
      : undefined,
  );
  cache.register(app);
  app.decorate('responseCache', cache);
  const deps = await createRouteDeps(
    options.context,
    cache,
    hosted,
    {
      secrets: options.secrets ?? noSecretBox,
      mailScheduler: options.mailScheduler ?? timerScheduler(),
    },
    mail,
  );
  if (!hosted) pairedOrigins = () => deps.settings().clipperOrigins;
  for (const register of ROUTE_MODULES) register(app, deps);
  await planSavedMailSync(deps);
  app.addHook('onClose', async () => deps.mailScheduler.stop());

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(join(webRoot, 'index.html')));
  // One wildcard route looks each file up when asked, instead of a route per built file (200-odd,
  // registered on every start). A missing file, or a path that climbs out (`..`), falls to the
  // handler below, as when only the built files had routes.
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webRoot!,
      wildcard: true,
      index: ['index.html'],
      allowedPath: (pathname) => !pathname.split(/[/\\]/).includes('..'),
    });
  // Client-side routes (/applications/abc) get the app shell; unknown API paths stay JSON 404s.
  app.setNotFoundHandler((request, reply) => {
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api/')) {
      if (serveWeb) return reply.sendFile('index.html');
      return reply.status(503).type('text/html; charset=utf-8').send(WEB_APP_NOT_BUILT);
    }
    return reply
      .status(404)
      .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
  return app;
}
