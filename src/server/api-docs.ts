import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';

// Swagger UI's files ship inside @fastify/swagger-ui; serving the three we need directly keeps
// server start-up fast (registering the whole plugin reads and hashes every asset up front).
const STATIC_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
  'static',
);
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Rebound API reference</title>
  <link rel="stylesheet" href="/api/docs/static/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/static/swagger-ui-bundle.js"></script>
  <script src="/api/docs/static/swagger-ui-standalone-preset.js"></script>
  <script src="/api/docs/static/start.js"></script>
</body>
</html>`;

// A file rather than an inline script: the Content-Security-Policy allows only Rebound's own scripts.
const START_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
`;

/** The browsable API reference at /api/docs, reading the generated OpenAPI document. */
export function registerApiDocs(app: FastifyInstance): void {
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(PAGE);
  app.get('/api/docs', { schema: { hide: true } }, page);
  app.get('/api/docs/', { schema: { hide: true } }, page);
  app.get<{ Params: { file: string } }>(
    '/api/docs/static/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      if (request.params.file === 'start.js')
        return reply.type('application/javascript; charset=utf-8').send(START_SCRIPT);
      const type = ASSETS[request.params.file];
      if (!type)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No such file.', details: [] } });
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type(type).send(createReadStream(join(STATIC_DIR, request.params.file)));
    },
  );
}

/**
 * GET /api/openapi.json: the OpenAPI document of every route registered after this call, made by
 * @fastify/swagger from the routes' zod schemas. Start-up only notes each route (as the plugin's
 * own hook would); the plugin and its dependencies load, and the document is made, when it is
 * first asked for: a server that nobody asks for its API reference never pays for it.
 */
export function registerOpenApiDocument(app: FastifyInstance, options: SwaggerOptions): void {
  const routes: RouteOptions[] = [];
  const instances: FastifyInstance[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onRegister', (instance) => {
    instances.push(instance);
  });
  let document: Promise<unknown> | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, () => {
    document ??= openApiDocument(app, options, routes, instances).catch((error) => {
      document = undefined;
      throw error;
    });
    return document;
  });
}

type Hook = (...args: never[]) => unknown;

/** Runs the plugin against what it would have seen at start-up: the same routes, in order. */
async function openApiDocument(
  app: FastifyInstance,
  options: SwaggerOptions,
  routes: RouteOptions[],
  instances: FastifyInstance[],
): Promise<unknown> {
  const { default: fastifySwagger } = await import('@fastify/swagger');
  const hooks = new Map<string, Hook>();
  let swagger: (() => unknown) | undefined;
  const host = {
    addHook: (name: string, hook: Hook) => hooks.set(name, hook),
    decorate: (name: string, value: () => unknown) => {
      if (name === 'swagger') swagger = value;
    },
    getSchemas: () => app.getSchemas(),
  };
  await new Promise<void>((resolve, reject) =>
    fastifySwagger(host as unknown as FastifyInstance, options, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  const onRoute = hooks.get('onRoute') as (route: RouteOptions) => void;
  for (const route of routes) onRoute(route);
  const onRegister = hooks.get('onRegister') as (instance: FastifyInstance) => Promise<void>;
  for (const instance of instances) await onRegister(instance);
  await new Promise<void>((resolve) => (hooks.get('onReady') as (done: () => void) => void)(resolve));
  return swagger!();
}
