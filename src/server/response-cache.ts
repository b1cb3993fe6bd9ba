import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Caches serialised JSON for read-heavy GET routes (the board loads the application list on
 * every visit). An entry is valid while nothing has been written: writes through this server bump
 * a counter, and writes by another process (the CLI on the same SQLite file) change the store's
 * external version. Without an external version (PostgreSQL, possibly several servers) nothing is
 * cached.
 *
 * Bounded by bytes, not entries: bodies are counted at two bytes a character (how V8 may hold
 * them) and the least recently used go first once the total passes `maxBytes` (16 MB by
 * default); a body larger than a quarter of that is never stored. `stats()` tells the hit rate.
 */
export class ResponseCache {
  private writes = 0;
  private readonly entries = new Map<string, { version: string; body: string }>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly externalVersion: (() => number) | undefined,
    /** Checks a computed body against the route's schema (tests); cached strings skip the serializer. */
    private readonly check?: (request: FastifyRequest, data: unknown) => void,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  /** Hits and misses since start, the bytes held and the number of entries. */
  stats(): { hits: number; misses: number; hitRate: number; bytes: number; entries: number } {
    const total = this.hits + this.misses;
    return {
      hits: this.hits,
      misses: this.misses,
      hitRate: total === 0 ? 0 : this.hits / total,
      bytes: this.bytes,
      entries: this.entries.size,
    };
  }

  private store(key: string, version: string, body: string): void {
    const size = body.length * 2;
    if (size > this.maxBytes / 4) return;
    this.remove(key);
    while (this.bytes + size > this.maxBytes && this.entries.size > 0) {
      this.remove(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { version, body });
    this.bytes += size;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.bytes -= old.body.length * 2;
  }

  /**
   * Counts every mutating request, answered or not, as a possible write: once when it arrives
   * and once when it is done, so a read that overlaps a write is never stored as current. The
   * hooks sit on the mutating routes only, so reads pay nothing for them.
   */
  register(app: FastifyInstance): void {
    const bump = async () => {
      this.writes += 1;
    };
    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      if (methods.every((m) => m === 'GET' || m === 'HEAD')) return;
      const add = <T>(existing: T | T[] | undefined, hook: T): T[] => [
        ...(existing === undefined ? [] : ([existing].flat() as T[])),
        hook,
      ];
      route.onRequest = add(route.onRequest, bump) as typeof route.onRequest;
      route.onSend = add(route.onSend, bump) as typeof route.onSend;
      route.onResponse = add(route.onResponse, bump) as typeof route.onResponse;
    });
  }

  private version(): string | null {
    if (!this.externalVersion) return null;
    return `${this.writes}:${this.externalVersion()}`;
  }

  /** Answers from the cache when it can, else computes, stores and sends the JSON. */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    keyExtra: string,
    compute: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const version = this.version();
    const key = `${request.url}|${keyExtra}`;
    if (version !== null) {
      const hit = this.entries.get(key);
      if (hit && hit.version === version) {
        this.hits++;
        // Most recently used last: eviction takes from the front.
        this.entries.delete(key);
        this.entries.set(key, hit);
        return reply.type('application/json; charset=utf-8').send(hit.body);
      }
    }
    this.misses++;
    const data = await compute();
    this.check?.(request, data);
    const body = JSON.stringify(data);
    if (version !== null && version === this.version()) this.store(key, version, body);
    return reply.type('application/json; charset=utf-8').send(body);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's response cache, for its stats (the bench prints the hit rate). */
    responseCache: ResponseCache;
  }
}
