import type { Kysely, Selectable } from 'kysely';
import type { UserRow } from './accounts-repository.ts';
import type { AccessTokenTable } from './accounts-schema.ts';
import { executeCached } from './compiled-queries.ts';
import type { Database } from './schema.ts';

/** Sessions, personal access tokens and failed sign-ins: how a signed-in user is recognised (hosted mode only). */

export type AccessTokenRow = Selectable<AccessTokenTable>;

type Db = Kysely<Database>;

// --- sessions ---

export async function insertSession(
  db: Db,
  row: { id: string; workspace_id: string; user_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

/**
 * The user behind a live session, with their own workspace's stored settings (key → value) in the
 * same statement: one round trip for everything a request needs before its route runs.
 */
export async function findSessionUser(
  db: Db,
  id: string,
  now: string,
): Promise<
  { user: UserRow; lastSeenAt: string; createdAt: string; ownSettings: Record<string, unknown> } | undefined
> {
  // Every signed-in page's API calls run this: compiled once (compiled-queries.ts).
  const rows = await executeCached(db, 'findSessionUser', [id, now], ([sessionId, at]) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('settings', 'settings.workspace_id', 'users.workspace_id')
      .selectAll('users')
      .select([
        'sessions.last_seen_at as session_last_seen',
        'sessions.created_at as session_created',
        'settings.key as setting_key',
        'settings.value as setting_value',
      ])
      .where('sessions.id', '=', sessionId!)
      .where('sessions.expires_at', '>', at!),
  );
  if (rows.length === 0) return undefined;
  const { session_last_seen, session_created, setting_key: _k, setting_value: _v, ...user } = rows[0]!;
  return { user, lastSeenAt: session_last_seen, createdAt: session_created, ownSettings: settingsOf(rows) };
}

/** Stored settings from the rows of a left join (one row per setting, or one row of nulls). */
function settingsOf(rows: ReadonlyArray<{ setting_key: string | null; setting_value: string | null }>) {
  const settings: Record<string, unknown> = {};
  for (const r of rows) if (r.setting_key !== null) settings[r.setting_key] = JSON.parse(r.setting_value!);
  return settings;
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (sign out everywhere, password change), but `keep` if given. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep !== undefined) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

// --- personal access tokens ---

export async function insertToken(db: Db, row: AccessTokenRow): Promise<void> {
  await db.insertInto('access_tokens').values(row).execute();
}

/** The user behind a live personal access token, with their own workspace's stored settings (as findSessionUser). */
export async function findTokenUser(
  db: Db,
  hash: string,
): Promise<
  | { user: UserRow; tokenId: string; lastUsedAt: string | null; ownSettings: Record<string, unknown> }
  | undefined
> {
  // Every API call by token runs this: compiled once (compiled-queries.ts).
  const rows = await executeCached(db, 'findTokenUser', [hash], ([tokenHash]) =>
    db
      .selectFrom('access_tokens')
      .innerJoin('users', 'users.id', 'access_tokens.user_id')
      .leftJoin('settings', 'settings.workspace_id', 'users.workspace_id')
      .selectAll('users')
      .select([
        'access_tokens.id as token_id',
        'access_tokens.last_used_at as token_last_used',
        'settings.key as setting_key',
        'settings.value as setting_value',
      ])
      .where('access_tokens.token_hash', '=', tokenHash!)
      .where('access_tokens.revoked_at', 'is', null),
  );
  if (rows.length === 0) return undefined;
  const { token_id, token_last_used, setting_key: _k, setting_value: _v, ...user } = rows[0]!;
  return { user, tokenId: token_id, lastUsedAt: token_last_used, ownSettings: settingsOf(rows) };
}

export async function touchToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('access_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function listTokens(db: Db, userId: string): Promise<AccessTokenRow[]> {
  return db
    .selectFrom('access_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function revokeToken(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('access_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
// --- failed sign-ins ---

/** When each failure counted under `key` since `since` happened, oldest first. */
export async function listAttempts(db: Db, key: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('auth_attempts')
    .select('attempted_at')
    .where('key', '=', key)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at')
    .execute();
  return rows.map((r) => r.attempted_at);
}

export async function insertAttempts(db: Db, keys: string[], at: string): Promise<void> {
  await db
    .insertInto('auth_attempts')
    .values(keys.map((key) => ({ key, attempted_at: at })))
    .execute();
}

/** Forgets the failures under these keys. */
export async function deleteAttempts(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('auth_attempts').where('key', 'in', keys).execute();
}

/** Forgets every failure at or before `before` (older than any window that counts). */
export async function pruneAttempts(db: Db, before: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('attempted_at', '<=', before).execute();
}

// --- users, as the admin sees them ---
