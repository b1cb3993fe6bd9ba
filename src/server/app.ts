import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context.ts';
import { registerApiDocs } from './api-docs.ts';
import { createRouteDeps, type RouteDeps } from './deps.ts';
import { errorBody, registerErrorHandling } from './errors.ts';
import { registerHostCheck } from './host-check.ts';
import { ResponseCache } from './response-cache.ts';
import { applicationRoutes } from './routes/applications.ts';
import { channelRoutes } from './routes/channels.ts';
import { contactRoutes } from './routes/contacts.ts';
import { goalRoutes } from './routes/goals.ts';
import { importRoutes } from './routes/imports.ts';
import { insightsRoutes } from './routes/insights.ts';
import { peopleRoutes } from './routes/people.ts';
import { recoveryRoutes } from './routes/recovery.ts';
import { skillRoutes } from './routes/skills.ts';
import { todayRoutes } from './routes/today.ts';
import { workspaceRoutes } from './routes/workspace.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface ServerOptions {
  /** The workspace every request acts on (local mode has one). */
  context: ServiceContext;
  /** The store's external change counter (SQLite); enables caching of list responses. */
  externalVersion?: () => number;
  /** True when serving beyond this machine (not bound to loopback): outbound fetches are restricted. */
  hosted?: boolean;
  /** Extra host names to answer to besides the local ones (hosted deployments). */
  allowedHosts?: string[];
  /** Built web app to serve; null to serve the API only. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
}

/** Feature route modules register here; each takes the app and the shared dependencies. */
export type RouteModule = (app: import('./deps.ts').App, deps: RouteDeps) => void;
const ROUTE_MODULES: RouteModule[] = [
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
  importRoutes,
];

/** Builds the Fastify server: host check, error model, OpenAPI, the REST API and the web app. */
export async function buildServer(options: ServerOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    exposeHeadRoutes: false,
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are documented with zod but serialised plainly: the presenters already shape them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerHostCheck(app, options.allowedHosts);
  registerErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Rebound API',
        version: '1',
        description:
          'The REST API of Rebound, a local-first job-search tracker. Every error is `{ error: { code, message, details } }`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  registerApiDocs(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const cache = new ResponseCache(options.externalVersion);
  cache.register(app);
  const deps = await createRouteDeps(options.context, cache, options.hosted ?? false);
  for (const register of ROUTE_MODULES) register(app, deps);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serveWeb = Boolean(webRoot && existsSync(webRoot));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot!, wildcard: false, index: ['index.html'] });
  // Client-side routes (/applications/abc) get the app shell; unknown API paths stay JSON 404s.
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
  return app;
}
