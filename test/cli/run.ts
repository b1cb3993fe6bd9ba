import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../../src/cli/run.ts';

export const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'rebound.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON output
  json<T = any>(): T;
}

function result(code: number, stdout: string, stderr: string): CliResult {
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

/**
 * Runs `rebound ARGS` in this process (src/cli/run.ts): the same commands, options, output and
 * exit codes as the installed binary, without starting Node for each of the hundreds of commands
 * the CLI tests run. `reboundBinary` runs the real `bin/rebound.js` for the smoke tests.
 */
export async function rebound(
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): Promise<CliResult> {
  const r = await run(args, { env: { ...process.env, ...env, NO_COLOR: '1' }, stdin: input });
  return result(r.code, r.stdout, r.stderr);
}

/** Runs the real `rebound` command (bin/rebound.js, from dist/) in a child process, as a user would. */
export function reboundBinary(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    input,
  });
  return result(r.status ?? -1, r.stdout, r.stderr);
}

/**
 * A folder in the system's temporary folder for the tests of the file or `describe` this is called
 * in, removed after them, and the path of a database file in it (created by the first command).
 */
export function tempDatabase(prefix: string, file = 'cli.db'): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, db: join(dir, file) };
}

/** The arguments of `rebound add` for a `role` at `company` in the database `db`, then `more`. */
export function addArgs(db: string, company: string, role: string, ...more: string[]): string[] {
  return ['add', '--db', db, '--company', company, '--role', role, ...more];
}
