import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { buildServer } from './app.ts';

// Serving the built web app is the same on both databases; SQLite is enough here.
const database = databases[0]!;
const headers = { host: 'localhost:4477' };

describe('the web app at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-web-'));
  let opened: TestContext;
  beforeAll(async () => {
    opened = await openTestContext(database, new Date('2026-11-20T10:00:00Z'));
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says how to build the web app when it was never built, and the API still answers', async () => {
    const empty = join(dir, 'not-built');
    mkdirSync(empty);
    const app = await buildServer({ context: opened.ctx, webRoot: empty });
    const page = await app.inject({ url: '/', headers });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('The web app is not built yet');
    expect(page.body).toContain('npm run build');
    expect((await app.inject({ url: '/applications/abc', headers })).statusCode).toBe(503);
    expect((await app.inject({ url: '/api/health', headers })).json()).toEqual({ ok: true });
    const unknown = await app.inject({ url: '/api/nope', headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    await app.close();
  });

  it('serves the built app, and its shell for client-side routes', async () => {
    const built = join(dir, 'built');
    mkdirSync(built);
    writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildServer({ context: opened.ctx, webRoot: built });
    for (const url of ['/', '/applications/abc', '/index.html']) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
    }
    const script = await app.inject({ url: '/assets/app.js', headers });
    expect(script.statusCode).toBe(200);
    expect(script.body).toBe('console.log(1)');
    // Paths that try to leave the folder answer 404, never a file outside it or a 500.
    for (const url of [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/assets/..%2f..%2f..%2fetc/hosts',
    ]) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toContain('root:');
      expect(res.body, url).not.toContain('localhost');
    }
    const unknown = await app.inject({ url: '/api/v1/nope', headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    await app.close();
  });
});
