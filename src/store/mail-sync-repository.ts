import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';

/** All SQL of mail sync: the workspace's IMAP account and how far each of its folders was read. */

type Db = Kysely<Database>;

export interface MailAccountTable {
  id: string;
  workspace_id: string;
  host: string;
  port: number;
  protocol: string;
  username: string;
  auth: string;
  secret: string | null;
  folders: string;
  schedule_minutes: number | null;
  last_sync_at: string | null;
  last_sync_status: string | null;
  last_sync_error: string | null;
  last_sync_counts: string | null;
  created_at: string;
  updated_at: string;
}

export interface MailSyncFolderTable {
  workspace_id: string;
  account_id: string;
  folder: string;
  uid_validity: number | string;
  last_uid: number | string;
  messages: number;
  synced_at: string;
}

/** What the last sync run found, per message status (stored as JSON on the account). */
export interface MailSyncCounts {
  fetched: number;
  applied: number;
  pending: number;
  dismissed: number;
  alreadyImported: number;
  unreadable: number;
}

export interface MailAccountRecord {
  id: string;
  host: string;
  port: number;
  protocol: 'imap' | 'imaps';
  username: string;
  auth: 'password' | 'oauth2';
  /** The encrypted secret (see io/secret-box.ts), never the secret itself. */
  secret: string | null;
  folders: string[];
  scheduleMinutes: number | null;
  lastSyncAt: string | null;
  lastSyncStatus: 'ok' | 'failed' | null;
  lastSyncError: string | null;
  lastSyncCounts: MailSyncCounts | null;
  createdAt: string;
  updatedAt: string;
}

export interface MailSyncFolderRecord {
  folder: string;
  uidValidity: number;
  lastUid: number;
  messages: number;
  syncedAt: string;
}

function toAccount(row: Selectable<MailAccountTable>): MailAccountRecord {
  return {
    id: row.id,
    host: row.host,
    port: Number(row.port),
    protocol: row.protocol === 'imap' ? 'imap' : 'imaps',
    username: row.username,
    auth: row.auth === 'oauth2' ? 'oauth2' : 'password',
    secret: row.secret,
    folders: JSON.parse(row.folders) as string[],
    scheduleMinutes: row.schedule_minutes === null ? null : Number(row.schedule_minutes),
    lastSyncAt: row.last_sync_at,
    lastSyncStatus:
      row.last_sync_status === 'ok' || row.last_sync_status === 'failed' ? row.last_sync_status : null,
    lastSyncError: row.last_sync_error,
    lastSyncCounts: row.last_sync_counts ? (JSON.parse(row.last_sync_counts) as MailSyncCounts) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The workspace's mail account (the first saved; Rebound keeps one per workspace for now). */
export async function findMailAccount(db: Db, workspaceId: string): Promise<MailAccountRecord | undefined> {
  const row = await db
    .selectFrom('mail_accounts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function insertMailAccount(db: Db, workspaceId: string, a: MailAccountRecord): Promise<void> {
  await db
    .insertInto('mail_accounts')
    .values({
      id: a.id,
      workspace_id: workspaceId,
      host: a.host,
      port: a.port,
      protocol: a.protocol,
      username: a.username,
      auth: a.auth,
      secret: a.secret,
      folders: JSON.stringify(a.folders),
      schedule_minutes: a.scheduleMinutes,
      last_sync_at: a.lastSyncAt,
      last_sync_status: a.lastSyncStatus,
      last_sync_error: a.lastSyncError,
      last_sync_counts: a.lastSyncCounts ? JSON.stringify(a.lastSyncCounts) : null,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
}

/** Changes how the account is reached or what it reads; the sync state is left alone. */
export async function updateMailAccount(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<Pick<MailAccountRecord, 'secret' | 'folders' | 'scheduleMinutes' | 'auth'>> & {
    updatedAt: string;
  },
): Promise<void> {
  await db
    .updateTable('mail_accounts')
    .set({
      ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
      ...(patch.folders !== undefined ? { folders: JSON.stringify(patch.folders) } : {}),
      ...(patch.scheduleMinutes !== undefined ? { schedule_minutes: patch.scheduleMinutes } : {}),
      ...(patch.auth !== undefined ? { auth: patch.auth } : {}),
      updated_at: patch.updatedAt,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Records how the latest sync run ended. */
export async function recordSyncRun(
  db: Db,
  workspaceId: string,
  id: string,
  run: { at: string; status: 'ok' | 'failed'; error: string | null; counts: MailSyncCounts | null },
): Promise<void> {
  await db
    .updateTable('mail_accounts')
    .set({
      last_sync_at: run.at,
      last_sync_status: run.status,
      last_sync_error: run.error,
      last_sync_counts: run.counts ? JSON.stringify(run.counts) : null,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Forgets the account, its secret and its folders' state (the imported mail stays). */
export async function deleteMailAccount(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('mail_sync_folders')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', id)
    .execute();
  await db.deleteFrom('mail_accounts').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function listSyncFolders(
  db: Db,
  workspaceId: string,
  accountId: string,
): Promise<MailSyncFolderRecord[]> {
  const rows = await db
    .selectFrom('mail_sync_folders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('folder')
    .execute();
  return rows.map((r) => ({
    folder: r.folder,
    uidValidity: Number(r.uid_validity),
    lastUid: Number(r.last_uid),
    messages: Number(r.messages),
    syncedAt: r.synced_at,
  }));
}

/** Saves how far a folder was read (insert or replace). */
export async function saveSyncFolder(
  db: Db,
  workspaceId: string,
  accountId: string,
  state: MailSyncFolderRecord,
): Promise<void> {
  const values = {
    uid_validity: state.uidValidity,
    last_uid: state.lastUid,
    messages: state.messages,
    synced_at: state.syncedAt,
  };
  await db
    .insertInto('mail_sync_folders')
    .values({ workspace_id: workspaceId, account_id: accountId, folder: state.folder, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'account_id', 'folder']).doUpdateSet(values))
    .execute();
}

/** A saved account that syncs by itself (hosted servers plan these as jobs). */
export interface ScheduledMailAccount {
  workspaceId: string;
  scheduleMinutes: number;
  lastSyncAt: string | null;
}

/** Every workspace's account with a schedule and a saved secret, across workspaces. */
export async function listScheduledMailAccounts(db: Db): Promise<ScheduledMailAccount[]> {
  const rows = await db
    .selectFrom('mail_accounts')
    .select(['workspace_id', 'schedule_minutes', 'last_sync_at'])
    .where('schedule_minutes', 'is not', null)
    .where('secret', 'is not', null)
    .orderBy('workspace_id')
    .execute();
  return rows.map((r) => ({
    workspaceId: r.workspace_id,
    scheduleMinutes: Number(r.schedule_minutes),
    lastSyncAt: r.last_sync_at,
  }));
}
