import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { addArgs, BIN, reboundBinary, tempDatabase } from './run.ts';

describe('rebound list, when nothing is shown', () => {
  const { db } = tempDatabase('rebound-cli-list-empty-');

  it('says there is nothing yet, or that everything is closed, instead of the same line', () => {
    expect(reboundBinary(['list', '--db', db]).stdout).toContain('No applications yet.');
    const { id } = reboundBinary(addArgs(db, 'Acme', 'Engineer', '--json')).json();
    expect(reboundBinary(['withdraw', id, '--db', db]).code).toBe(0);
    const open = reboundBinary(['list', '--status', 'open', '--db', db]);
    expect(open.code).toBe(0);
    expect(open.stdout).toContain(
      'No open applications: your one application is closed. See them with: rebound list --status closed',
    );
    // The real binary, a process per command (a smoke test of bin/rebound.js and dist/): allow time.
  }, 300_000);
});

describe('rebound list | head', () => {
  const { db } = tempDatabase('rebound-cli-pipe-');

  it('stops quietly when the reader closes the pipe early', async () => {
    for (let i = 0; i < 3; i++) expect(reboundBinary(addArgs(db, `Acme ${i}`, 'Engineer')).code).toBe(0);
    // A reader that has gone before the first line is written, as `| head -c 0` would be.
    const child = spawn(process.execPath, [BIN, 'list', '--json', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, 300_000);
});
