import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { vi } from 'vitest';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'rebound.js');

// A CLI test runs `rebound` a dozen times in a row, each a new process: on a busy machine that can
// take a minute. The limit only catches a hang; speed is measured by `npm run bench -- cli`.
vi.setConfig({ testTimeout: 180_000 });

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON output
  json<T = any>(): T;
}

/** Runs the real `rebound` command in a child process, as a user would. */
export function rebound(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    input,
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: <T>() => JSON.parse(result.stdout) as T,
  };
}
