import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { run } from '../../src/cli/run.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'rebound.js');

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
