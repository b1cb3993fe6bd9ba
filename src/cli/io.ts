import type { Command } from 'commander';
import { ERROR_CODES, type ErrorCode, isReboundError } from '../core/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Store } from '../store/connect.ts';
import { storeErrorToRebound } from '../store/errors.ts';
import { resolveTarget } from './target.ts';

export interface CommonFlags {
  db?: string;
  json?: boolean;
}

/** Adds the flags every command takes. */
export function common(cmd: Command): Command {
  return cmd
    .option(
      '--db <file>',
      'SQLite file or postgres:// URL (default: REBOUND_DATABASE_URL, REBOUND_DB, or your data folder)',
    )
    .option('--json', 'print machine-readable JSON');
}

/**
 * Opens the store and workspace for one command and always closes them. Storage is imported
 * here, when a command first needs it, so `rebound --help` does not load it.
 */
export async function withWorkspace<T>(
  flags: CommonFlags,
  fn: (ctx: ServiceContext, store: Store) => Promise<T>,
): Promise<T> {
  const [{ openStore }, { openWorkspace }] = await Promise.all([
    import('../store/connect.ts'),
    import('../services/workspace.ts'),
  ]);
  const store = await openStore(resolveTarget(flags));
  try {
    return await fn(await openWorkspace(store), store);
  } finally {
    await store.close();
  }
}

/**
 * Like `withWorkspace`, for a command about one application: `ref` may be its id or its
 * company's name (src/services/applications.ts, resolveApplicationId).
 */
export function withApplication<T>(
  flags: CommonFlags,
  ref: string,
  fn: (ctx: ServiceContext, id: string, store: Store) => Promise<T>,
): Promise<T> {
  return withWorkspace(flags, async (ctx, store) => {
    const { resolveApplicationId } = await import('../services/applications.ts');
    return fn(ctx, await resolveApplicationId(ctx, ref), store);
  });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Exit codes by error kind: 2 bad input, 3 not found, 4 conflict, 1 anything else. */
export function exitCodeFor(code: ErrorCode): number {
  const status = ERROR_CODES[code];
  if (status === 400 || status === 413) return 2;
  if (status === 404) return 3;
  if (status === 409) return 4;
  return 1;
}

/** Prints an error for a person (or as JSON) without a stack trace and sets the exit code. */
export function reportError(thrown: unknown, json: boolean): number {
  const error = storeErrorToRebound(thrown) ?? thrown;
  if (isReboundError(error)) {
    if (json)
      process.stderr.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } })}\n`,
      );
    else {
      process.stderr.write(`error: ${error.message}\n`);
    }
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (json)
    process.stderr.write(`${JSON.stringify({ error: { code: 'internal_error', message, details: [] } })}\n`);
  else process.stderr.write(`error: ${message}\n`);
  if (process.env.REBOUND_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

/** A small aligned text table. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
