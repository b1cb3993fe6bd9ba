import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Caches serialised JSON for read-heavy GET routes (the board loads the application list on
 * every visit). An entry is valid while nothing has been written: writes through this server bump
 * a counter, and writes by another process (the CLI on the same SQLite file) change the store's
 * external version. Without an external version (PostgreSQL, possibly several servers) nothing is
 * cached.
 */
export class ResponseCache {
  private writes = 0;
  private readonly entries = new Map<string, { version: string; body: string }>();

  constructor(
    private readonly externalVersion: (() => number) | undefined,
    private readonly maxEntries = 200,
  ) {}

  /**
   * Counts every mutating request, answered or not, as a possible write: once when it arrives
   * and once when it is done, so a read that overlaps a write is never stored as current.
   */
  register(app: FastifyInstance): void {
    const bump = async (request: FastifyRequest) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') this.writes += 1;
    };
    app.addHook('onRequest', bump);
    app.addHook('onSend', bump);
    app.addHook('onResponse', bump);
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
      if (hit && hit.version === version) return reply.type('application/json; charset=utf-8').send(hit.body);
    }
    const body = JSON.stringify(await compute());
    if (version !== null && version === this.version()) {
      if (this.entries.size >= this.maxEntries)
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { version, body });
    }
    return reply.type('application/json; charset=utf-8').send(body);
  }
}
