import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { hasTool } from './tools.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('tests that need a program outside Node', () => {
  const results = mkdtempSync(join(tmpdir(), 'rebound-tools-'));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(results, { recursive: true, force: true }));

  it('skip when it is missing and note which file, what and how to install it', () => {
    vi.stubEnv('REBOUND_TEST_RESULTS', results);
    vi.stubEnv('REBOUND_REQUIRE_TOOLS', '');
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    expect(hasTool('chromium')).toBe(false);
    const [entry] = readFileSync(join(results, 'missing-tools.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(entry!)).toEqual({
      tool: 'chromium',
      label: 'Chromium',
      where: 'not found at /nowhere/chromium',
      remedy: 'install it with: apt-get install chromium',
      file: 'test/support/tools.test.ts',
    });
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    expect(hasTool('chromium')).toBe(true);
  });

  it('fail instead when REBOUND_REQUIRE_TOOLS is set (CI)', () => {
    vi.stubEnv('REBOUND_TEST_RESULTS', results);
    vi.stubEnv('REBOUND_REQUIRE_TOOLS', '1');
    vi.stubEnv('DOVECOT_PATH', '/nowhere/dovecot');
    expect(() => hasTool('dovecot')).toThrow(
      'test/support/tools.test.ts needs Dovecot (IMAP server) (not found at /nowhere/dovecot) and REBOUND_REQUIRE_TOOLS is set; install it with: apt-get install dovecot-imapd',
    );
  });

  it('`npm test` without Chromium skips the browser tests with one line naming them', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'test.js'), 'e2e/settings.test.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        CHROMIUM_PATH: '/nowhere/chromium',
        REBOUND_REQUIRE_TOOLS: '',
        REBOUND_TEST_RESULTS: join(results, 'npm-test'),
        NO_COLOR: '1',
      },
    });
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Skipped'))).toEqual([
      'Skipped 1 test file (e2e/settings.test.ts): Chromium not found at /nowhere/chromium; install it with: apt-get install chromium',
    ]);
    expect(lines.at(-1)).toBe('0 passed, 0 failed');
    expect(run.status).toBe(0);
  }, 120_000);
});
