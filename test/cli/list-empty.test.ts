import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reboundBinary } from './run.ts';

describe('rebound list, when nothing is shown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-cli-list-empty-'));
  const db = join(dir, 'cli.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says there is nothing yet, or that everything is closed, instead of the same line', () => {
    expect(reboundBinary(['list', '--db', db]).stdout).toContain('No applications yet.');
    const { id } = reboundBinary([
      'add',
      '--db',
      db,
      '--company',
      'Acme',
      '--role',
      'Engineer',
      '--json',
    ]).json();
    expect(reboundBinary(['withdraw', id, '--db', db]).code).toBe(0);
    const open = reboundBinary(['list', '--status', 'open', '--db', db]);
    expect(open.code).toBe(0);
    expect(open.stdout).toContain(
      'No open applications: your one application is closed. See them with: rebound list --status closed',
    );
    // The real binary, a process per command (a smoke test of bin/rebound.js and dist/): allow time.
  }, 300_000);
});
