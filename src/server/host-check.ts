import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.ts';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The hostname part of a Host header (`localhost:4477` → `localhost`, `[::1]:80` → `[::1]`). */
export function hostnameOf(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1);
  return trimmed.split(':')[0] ?? '';
}

/** True for names that can only mean this machine. */
export function isLocalHostname(hostname: string): boolean {
  return LOCAL_NAMES.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * DNS-rebinding guard: a page on evil.example can resolve its own name to 127.0.0.1 and talk to
 * a local server, but its requests still carry `Host: evil.example`. Local mode answers only to
 * local names (and any the operator explicitly allows).
 */
export function registerHostCheck(app: FastifyInstance, allowedHosts: string[] = []): void {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    const hostname = hostnameOf(request.headers.host ?? '');
    if (isLocalHostname(hostname) || allowed.has(hostname)) return;
    return reply
      .status(403)
      .send(
        errorBody(
          'forbidden_host',
          `Rebound answers only to local addresses; "${hostname || '(none)'}" is not one.`,
        ),
      );
  });
}
