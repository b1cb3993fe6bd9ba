import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'rebound.js');

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the server without warning (SIGKILL) and waits for it to be gone. */
  kill(): Promise<void>;
}

/**
 * `rebound serve` on a SQLite file (or a PostgreSQL URL), in its own process, on a free port, as
 * a user runs it; `extraArgs` such as `--hosted`.
 */
export async function startChildServer(dbFile: string, extraArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', dbFile, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (c) => {
    errors += c;
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const m = /running at (http:\/\/\S+?)\/?\n/.exec(out);
      if (m) done(m[1]!);
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${errors}`)));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs `rebound …` without blocking the event loop (the test keeps sending requests meanwhile). */
export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** A JSON write as Rebound's own web page sends it. */
export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
