/**
 * Rebound as a user installs it: `npm pack`, `npm install -g` into a temporary prefix, then
 * `rebound serve` from there, far from any checkout. The web app answers at / and the API at
 * /api/health. Needs the npm registry (or a warm npm cache) for the package's dependencies.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { skipForTool } from '../support/tools.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OFFLINE = /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)|ENOTCACHED|network/i;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed package', () => {
  const work = mkdtempSync(join(tmpdir(), 'rebound-pack-'));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  it('installs globally and serves the web app and the API with no checkout', async (ctx) => {
    // The same build `npm pack` runs through prepack, done first so pack's output is only JSON.
    const built = run(process.execPath, [join(ROOT, 'scripts', 'build.js'), '--clean'], ROOT);
    expect(built.code, built.stderr).toBe(0);
    const packed = run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work, '--loglevel', 'error'],
      ROOT,
    );
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/rebound.js',
        'dist/cli/main.js',
        'dist/web/index.html',
        'data/skills/vocabulary.json',
        'package.json',
      ]),
    );
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);

    // Install scripts are skipped: better-sqlite3 would compile SQLite for minutes on a machine
    // that cannot download its prebuilt binary. The one native file is copied from this checkout.
    const prefix = join(work, 'prefix');
    const installed = run(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--loglevel',
        'error',
        join(work, info!.filename),
      ],
      work,
    );
    if (installed.code !== 0 && OFFLINE.test(installed.stderr))
      skipForTool(ctx, 'npm-registry', `could not be reached (${installed.stderr.split('\n')[0]})`);
    expect(installed.code, installed.stderr).toBe(0);
    const pkg = join(prefix, 'lib', 'node_modules', 'rebound');
    const native = join('node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(join(pkg, native), { recursive: true });
    copyFileSync(join(ROOT, native, 'better_sqlite3.node'), join(pkg, native, 'better_sqlite3.node'));
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(readdirSync(join(pkg, 'node_modules'))).not.toContain('tsx');

    const home = join(work, 'home');
    server = spawn(join(prefix, 'bin', 'rebound'), ['serve', '--port', '0'], {
      cwd: work,
      env: { ...process.env, REBOUND_HOME: home, REBOUND_DATABASE_URL: '', REBOUND_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      server!.stdout?.on('data', (chunk) => {
        out += chunk;
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) done(m[1]!);
      });
      server!.stderr?.on('data', (chunk) => {
        out += chunk;
      });
      server!.on('exit', (code) => fail(new Error(`rebound serve exited with ${code}:\n${out}`)));
    });

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<div id="root">/);
    const health = await fetch(new URL('api/health', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect(existsSync(join(home, 'rebound.db'))).toBe(true);
  }, 300_000);
});
