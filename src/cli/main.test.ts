import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_MODULES } from './main.ts';
import { run } from './run.ts';

describe('the lazily loaded commands', () => {
  it('lists every command the modules register, in order, with the same descriptions', async () => {
    const loaded = (await buildProgram()).commands.map((c) => [c.name(), c.description()]);
    const listed = COMMAND_MODULES.flatMap((m) => Object.entries(m.commands));
    expect(listed).toEqual(loaded);
  });

  it('names in `extends` only commands an earlier module adds', () => {
    COMMAND_MODULES.forEach((module, i) => {
      const earlier = COMMAND_MODULES.slice(0, i).flatMap((m) => Object.keys(m.commands));
      for (const name of module.extends ?? []) expect(earlier).toContain(name);
    });
  });

  it('loads only what one command needs, and keeps the others in the help', async () => {
    const program = await buildProgram('reject');
    const reject = program.commands.find((c) => c.name() === 'reject')!;
    // `reject` is added by the applications module and given its options by the recovery module.
    expect(reject.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--db', '--via', '--cool-off']),
    );
    expect(program.commands.find((c) => c.name() === 'mail')!.commands).toEqual([]);
    expect(program.commands.map((c) => c.name())).toEqual(
      COMMAND_MODULES.flatMap((m) => Object.keys(m.commands)),
    );
  });
});

describe('a mistyped option', () => {
  it('names the option and points to --help, without printing the whole help', async () => {
    const program = await buildProgram('list');
    let written = '';
    program.configureOutput({ writeErr: (s) => (written += s), writeOut: () => {} });
    for (const c of program.commands)
      c.configureOutput({ writeErr: (s) => (written += s), writeOut: () => {} });
    await expect(program.parseAsync(['node', 'rebound', 'list', '--applied'])).rejects.toThrow();
    expect(written).toContain("unknown option '--applied'");
    expect(written).toContain('--help');
    expect(written).not.toContain('Usage:');
  });
});

describe('the options every command takes, written before its name', () => {
  it('work the same as after it: rebound --db FILE --json list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebound-cli-leading-'));
    try {
      const db = join(dir, 'cli.db');
      const env = { ...process.env, NO_COLOR: '1' };
      const added = await run(['--db', db, 'add', '--company', 'Acme', '--role', 'Engineer'], { env });
      expect(added.code).toBe(0);
      const listed = await run(['--json', `--db=${db}`, 'list'], { env });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout).items.map((a: { company: string }) => a.company)).toEqual(['Acme']);
      const help = await run(['--help'], { env });
      expect(help.stdout).toContain('--db FILE|postgres://URL and --json, before or after');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
