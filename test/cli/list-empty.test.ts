import { describe, expect, it } from 'vitest';
import { addArgs, reboundBinary, tempDatabase } from './run.ts';

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
