import { describe, expect, it } from 'vitest';
import { openTestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { OWNER_ONLY_PREFIXES, PUBLIC_ROUTES, SHARED_READS } from './access.ts';
import { buildServer } from './app.ts';

describe('what a hosted server shares', () => {
  it('places every read route of the API deliberately: public, shared under a scope, or owner only', async () => {
    const opened = await openTestContext(databases[0]!, new Date('2026-11-10T10:00:00Z'));
    const app = await buildServer({ context: opened.ctx, webRoot: null });
    try {
      const doc = (await app.inject({ url: '/api/openapi.json', headers: { host: 'localhost' } })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const reads = Object.entries(doc.paths)
        .filter(([, ops]) => 'get' in ops)
        .map(([path]) => path.replace(/\{(\w+)\}/g, ':$1'));
      const undecided = reads.filter(
        (route) =>
          !PUBLIC_ROUTES.has(route) &&
          !(route in SHARED_READS) &&
          !OWNER_ONLY_PREFIXES.some((prefix) => route === prefix || route.startsWith(prefix)),
      );
      expect(undecided).toEqual([]);
      // Every shared read names a route that exists, so a renamed route cannot silently stop being shared.
      expect(Object.keys(SHARED_READS).filter((route) => !reads.includes(route))).toEqual([]);
    } finally {
      await app.close();
      await opened.close();
    }
  });
});
