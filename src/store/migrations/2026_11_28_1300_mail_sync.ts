import type { Kysely } from 'kysely';

// Frozen: never edit after release. Later changes are new migrations that only add.
//
// Mail sync (issue 14): the IMAP account a workspace reads its job mail from, and how far each
// chosen folder has been read. The password (or OAuth2 access token) is stored only encrypted
// (AES-256-GCM) with a key kept outside the database. A folder is read by UID: everything up to
// `last_uid` under `uid_validity` has been imported; a different UIDVALIDITY starts it over (the
// messages' own keys in mail_messages keep any of them from acting twice).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    // 'imaps' (TLS from the start) or 'imap' (plain, loopback only).
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // 'password' (an app password) or 'oauth2' (an access token the user supplies).
    .addColumn('auth', 'text', (c) => c.notNull())
    // `v1.<iv>.<tag>.<ciphertext>` in base64url; null when no secret was saved.
    .addColumn('secret', 'text')
    // JSON array of folder paths.
    .addColumn('folders', 'text', (c) => c.notNull())
    // Minutes between scheduled syncs while the server runs; null: off.
    .addColumn('schedule_minutes', 'integer')
    .addColumn('last_sync_at', 'text')
    // 'ok' or 'failed', with the plain-words error and the counts (JSON) of the last run.
    .addColumn('last_sync_status', 'text')
    .addColumn('last_sync_error', 'text')
    .addColumn('last_sync_counts', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_accounts_ws')
    .on('mail_accounts')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_sync_folders')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('mail_accounts.id').onDelete('cascade'))
    .addColumn('folder', 'text', (c) => c.notNull())
    // UIDVALIDITY and UIDs are unsigned 32-bit numbers: bigint on PostgreSQL.
    .addColumn('uid_validity', 'bigint', (c) => c.notNull())
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('messages', 'integer', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_sync_folders_pk', ['workspace_id', 'account_id', 'folder'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Rebound migrations only go forward.');
}
