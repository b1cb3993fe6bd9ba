import { Console } from 'node:console';
import { Readable, Writable } from 'node:stream';
import { main } from './main.ts';

export interface RunOptions {
  /** The whole environment the command sees (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** What the command reads on standard input (default: nothing). */
  stdin?: string;
  /** The working directory for the command (default: this process's). */
  cwd?: string;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `rebound ARGS` inside this process and collects what it prints, as `bin/rebound.js` would
 * in a process of its own: for tests, which run hundreds of commands and need not start Node for
 * each. The commands print with console and process.stdout and read process.env, so while one
 * runs those are swapped for its own, and calls wait for each other.
 */
export function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const result = queue.then(() => runNow(argv, options));
  queue = result.catch(() => undefined);
  return result;
}

type Write = typeof process.stdout.write;

function collector(into: string[]): Write {
  return ((chunk: string | Uint8Array, encoding?: unknown, done?: unknown) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = typeof encoding === 'function' ? encoding : done;
    if (typeof callback === 'function') queueMicrotask(() => callback());
    return true;
  }) as Write;
}

function sink(into: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(chunk.toString('utf8'));
      done();
    },
  });
}

async function runNow(argv: string[], options: RunOptions): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = {
    out: process.stdout.write,
    err: process.stderr.write,
    env: process.env,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
    cwd: process.cwd(),
    exitCode: process.exitCode,
    console: globalThis.console,
  };
  const input = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  process.stdout.write = collector(stdout);
  process.stderr.write = collector(stderr);
  globalThis.console = new Console({ stdout: sink(stdout), stderr: sink(stderr) });
  if (options.env) process.env = options.env;
  Object.defineProperty(process, 'stdin', { value: input, configurable: true, enumerable: true });
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(argv);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    globalThis.console = saved.console;
    process.env = saved.env;
    if (saved.stdin) Object.defineProperty(process, 'stdin', saved.stdin);
    if (options.cwd) process.chdir(saved.cwd);
    process.exitCode = saved.exitCode;
  }
}
