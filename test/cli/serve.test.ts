import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'rebound.js');

/** A raw HTTP GET with a chosen Host header (fetch does not let us forge Host). */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('rebound serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-serve-'));
  let child: ChildProcess;
  let url = '';

  beforeAll(async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(dir, 'serve.db')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) done(m[1]!);
      });
      child.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
    });
  });
  afterAll(() => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a local URL and answers health there', async () => {
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const res = await fetch(`${url}api/health`);
    expect(res.status).toBe(200);
  });

  it('binds 127.0.0.1 and refuses a foreign Host over real HTTP', async () => {
    const port = Number(new URL(url).port);
    expect((await get(port, '/api/health', `localhost:${port}`)).status).toBe(200);
    const foreign = await get(port, '/api/health', 'attacker.example');
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.code).toBe('forbidden_host');
  });

  it('serves the web app shell for client routes when it is built', async () => {
    const res = await fetch(`${url}applications/some-id`);
    // The shell is served when dist/web exists (npm test builds it); the API stays JSON.
    if (res.status === 200) expect(await res.text()).toContain('<div id="root">');
    const api = await fetch(`${url}api/v1/nope`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });
});

describe('rebound serve beyond this machine', () => {
  it('serves in hosted mode on 0.0.0.0: says so, and answers no data without an account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebound-serve-'));
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'x.db')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      const port = await new Promise<number>((done, fail) => {
        child.stdout?.on('data', (chunk) => {
          out += chunk;
          const m = /running at http:\/\/\S+:(\d+)\//.exec(out);
          if (m && out.includes('No accounts yet')) done(Number(m[1]));
        });
        child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(out).toContain('Hosted mode: every request needs an account');
      expect(out).toMatch(/the first person to sign up at \S+ becomes the admin/);
      // Reached by any name (as a server on a network is), but nothing without signing in.
      const apps = await get(port, '/api/v1/applications', `team.example:${port}`);
      expect(apps.status).toBe(401);
      expect(JSON.parse(apps.body).error.code).toBe('unauthenticated');
      expect((await get(port, '/api/health', `team.example:${port}`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('rebound serve with its code cache', () => {
  /** Starts `rebound serve` with its data folder in `home`; resolves when /api/health answered. */
  async function startAndAsk(home: string): Promise<number> {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(home, 'serve.db')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REBOUND_HOME: home },
    });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout?.on('data', (chunk) => {
          out += chunk;
          const m = /running at (http:\/\/\S+)/.exec(out);
          if (m) done(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
      });
      return (await fetch(`${url}api/health`)).status;
    } finally {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    }
  }
  const cacheFiles = (home: string) => readdirSync(join(home, 'code-cache')).filter((f) => f.endsWith('.v8'));

  it('keeps the compiled server in the data folder, and a damaged cache never stops a start', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rebound-serve-cache-'));
    try {
      expect(await startAndAsk(home)).toBe(200);
      const [cache] = cacheFiles(home);
      expect(cache).toMatch(/^serve-.*\.v8$/);
      // A start with the cache, then one whose cache was overwritten with rubbish.
      expect(await startAndAsk(home)).toBe(200);
      writeFileSync(join(home, 'code-cache', cache!), Buffer.alloc(4096, 7));
      expect(await startAndAsk(home)).toBe(200);
      // The rejected cache was written again.
      expect(cacheFiles(home)).toEqual([cache]);
      expect(readFileSync(join(home, 'code-cache', cache!)).equals(Buffer.alloc(4096, 7))).toBe(false);
      expect(await startAndAsk(home)).toBe(200);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
