import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.ts';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses a Host header exactly as `host[:port]`: a DNS name or IPv4 address, or an IPv6 address
 * in brackets, then an optional port of digits, and nothing else. Returns the host part
 * (`localhost`, `[::1]`) in lower case, or null when the value is not a plain host and port
 * (`localhost:1@evil.com`, `[::1].evil.com`, `localhost/x`).
 */
export function hostnameOf(host: string): string | null {
  const value = host.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return isIP(bracketed[1]!) === 6 && validPort(bracketed[2]) ? `[${bracketed[1]}]` : null;
  const named =
    /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)\.?(?::(\d{1,5}))?$/.exec(value);
  if (!named || !validPort(named[2])) return null;
  return named[1]!;
}

function validPort(port: string | undefined): boolean {
  return port === undefined || Number(port) <= 65535;
}

/** True for names that can only mean this machine. */
export function isLocalHostname(hostname: string): boolean {
  return LOCAL_NAMES.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * DNS-rebinding guard: a page on evil.example can resolve its own name to 127.0.0.1 and talk to
 * a local server, but its requests still carry `Host: evil.example`. Local mode answers only to
 * local names (and any the operator explicitly allows), compared exactly after parsing.
 */
export function registerHostCheck(app: FastifyInstance, allowedHosts: string[] = []): void {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    const raw = request.headers.host ?? '';
    const hostname = hostnameOf(raw);
    if (hostname !== null && (isLocalHostname(hostname) || allowed.has(hostname))) return;
    const shown = (hostname ?? raw).slice(0, 100) || '(none)';
    return reply
      .status(403)
      .send(errorBody('forbidden_host', `Rebound answers only to local addresses; "${shown}" is not one.`));
  });
}
