import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StoreTarget } from '../store/connect.ts';

/** Where a local user's data lives by default, per platform. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.REBOUND_HOME) return env.REBOUND_HOME;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Rebound');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Rebound');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'rebound');
}

/**
 * Which database to open: `--db FILE or URL`, else `REBOUND_DATABASE_URL` (PostgreSQL), else
 * `REBOUND_DB` (a file or a URL, like `--db`), else `rebound.db` in the user's data directory.
 */
export function resolveTarget(flags: { db?: string }, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  if (flags.db) return fileOrUrl(flags.db);
  if (env.REBOUND_DATABASE_URL) return { kind: 'postgres', url: env.REBOUND_DATABASE_URL };
  // A postgres:// URL here once made a SQLite file in a folder named "postgres:".
  if (env.REBOUND_DB) return fileOrUrl(env.REBOUND_DB);
  return { kind: 'sqlite', file: join(defaultDataDir(env), 'rebound.db') };
}

function fileOrUrl(db: string): StoreTarget {
  return /^postgres(ql)?:\/\//.test(db) ? { kind: 'postgres', url: db } : { kind: 'sqlite', file: db };
}

/**
 * The key that seals saved passwords (see io/secret-box.ts), kept outside the database: beside a
 * SQLite file (its data folder), else in the user's data folder; REBOUND_SECRET_KEY_FILE overrides.
 */
export function secretKeyFile(target: StoreTarget, env: NodeJS.ProcessEnv = process.env): string {
  if (env.REBOUND_SECRET_KEY_FILE) return env.REBOUND_SECRET_KEY_FILE;
  if (target.kind === 'sqlite') return join(dirname(target.file), 'rebound-secret.key');
  return join(defaultDataDir(env), 'rebound-secret.key');
}
