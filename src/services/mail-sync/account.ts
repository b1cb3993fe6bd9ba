/**
 * The workspace's IMAP account: saved once the server accepted its login, the secret sealed with
 * the data folder's key (see io/secret-box.ts), shown without the secret.
 */
import { ReboundError } from '../../core/errors.ts';
import { formatImapAddress, IMAP_PORT, IMAPS_PORT } from '../../core/mail-sync/imap-url.ts';
import type { MailAccountInput } from '../../core/mail-sync/input.ts';
import type { MailAccountView } from '../../core/mail-sync/schemas.ts';
import { connectImap, type ImapSession, type ImapTarget } from '../../io/imap-client.ts';
import type { SecretBox } from '../../io/secret-box.ts';
import type { MailAccountRecord, MailSyncFolderRecord } from '../../store/mail-sync-repository.ts';
import * as repo from '../../store/mail-sync-repository.ts';
import { newId, nowIso, type ServiceContext } from '../context.ts';

/** How a session is opened; tests and a hosted deployment may give their own. */
export type Connect = (target: ImapTarget) => Promise<ImapSession>;

export function noAccount(): ReboundError {
  return new ReboundError(
    'mail_account_not_found',
    'No mail account is saved yet. Add one with: rebound mail sync --imap imaps://you@imap.example.com --folder INBOX (or in the web app: Import → E-mail)',
  );
}

export async function getMailAccountOrThrow(ctx: ServiceContext): Promise<MailAccountRecord> {
  const account = await repo.findMailAccount(ctx.db, ctx.workspaceId);
  if (!account) throw noAccount();
  return account;
}

/** Where the saved account logs in, with its secret unsealed. */
export function accountTarget(account: MailAccountRecord, box: SecretBox): ImapTarget {
  if (!account.secret) {
    throw new ReboundError(
      'invalid_input',
      `no password is saved for ${addressOf(account)}; enter it again`,
      [{ path: 'secret', message: 'required' }],
    );
  }
  return {
    host: account.host,
    port: account.port,
    security: account.protocol === 'imaps' ? 'tls' : 'plain',
    username: account.username,
    auth: account.auth,
    secret: box.open(account.secret, account.id),
  };
}

export function addressOf(a: Pick<MailAccountRecord, 'protocol' | 'host' | 'port' | 'username'>): string {
  return formatImapAddress({ ...a, security: a.protocol === 'imaps' ? 'tls' : 'plain' });
}

/**
 * Saves the account after logging in with it, so a wrong password or server saves nothing. The
 * same server and user keep their folders' sync state; another one replaces the account and
 * starts over. Without `secret` the saved one is used. Returns the server's folders (the session
 * is closed) or, with `keepOpen`, the open session for a sync to go on with.
 */
export async function saveMailAccount(
  ctx: ServiceContext,
  box: SecretBox,
  input: MailAccountInput,
  connect: Connect = connectImap,
): Promise<{ account: MailAccountRecord; serverFolders: string[]; session: ImapSession }> {
  const existing = await repo.findMailAccount(ctx.db, ctx.workspaceId);
  const protocol = input.security === 'tls' ? 'imaps' : 'imap';
  const port = input.port ?? (protocol === 'imaps' ? IMAPS_PORT : IMAP_PORT);
  const same =
    existing &&
    existing.host.toLowerCase() === input.host.toLowerCase() &&
    existing.port === port &&
    existing.protocol === protocol &&
    existing.username === input.username;
  let secret = input.secret;
  if (secret === undefined) {
    if (!same || !existing.secret)
      throw new ReboundError(
        'invalid_input',
        'secret: enter the password (or access token) for this account',
        [{ path: 'secret', message: 'required' }],
      );
    secret = accountTarget(existing, box).secret;
  }
  const session = await connect({
    host: input.host,
    port,
    security: input.security,
    username: input.username,
    auth: input.auth,
    secret,
  });
  let serverFolders: string[];
  try {
    serverFolders = await session.folders();
  } catch (error) {
    await session.close();
    throw error;
  }
  const now = nowIso(ctx);
  const id = same ? existing.id : newId();
  const sealed = box.seal(secret, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (same) {
      await repo.updateMailAccount(trx, ctx.workspaceId, id, {
        secret: sealed,
        auth: input.auth,
        folders: input.folders,
        scheduleMinutes: input.scheduleMinutes,
        updatedAt: now,
      });
      return;
    }
    if (existing) await repo.deleteMailAccount(trx, ctx.workspaceId, existing.id);
    await repo.insertMailAccount(trx, ctx.workspaceId, {
      id,
      host: input.host,
      port,
      protocol,
      username: input.username,
      auth: input.auth,
      secret: sealed,
      folders: input.folders,
      scheduleMinutes: input.scheduleMinutes,
      lastSyncAt: null,
      lastSyncStatus: null,
      lastSyncError: null,
      lastSyncCounts: null,
      createdAt: now,
      updatedAt: now,
    });
  });
  const account = (await repo.findMailAccount(ctx.db, ctx.workspaceId))!;
  return { account, serverFolders, session };
}

/** Changes the folders or the schedule of the saved account without logging in again. */
export async function updateMailAccountSettings(
  ctx: ServiceContext,
  patch: { folders?: string[]; scheduleMinutes?: number | null },
): Promise<MailAccountRecord> {
  const account = await getMailAccountOrThrow(ctx);
  await repo.updateMailAccount(ctx.db, ctx.workspaceId, account.id, { ...patch, updatedAt: nowIso(ctx) });
  return (await repo.findMailAccount(ctx.db, ctx.workspaceId))!;
}

/** Forgets the account and its secret; the mail it brought in stays. */
export async function deleteMailAccount(ctx: ServiceContext): Promise<void> {
  const account = await getMailAccountOrThrow(ctx);
  await ctx.db.transaction().execute((trx) => repo.deleteMailAccount(trx, ctx.workspaceId, account.id));
}

/** The wire shape of the account: never the secret, only whether one is saved. */
export function presentMailAccount(a: MailAccountRecord, folders: MailSyncFolderRecord[]): MailAccountView {
  return {
    id: a.id,
    address: addressOf(a),
    host: a.host,
    port: a.port,
    security: a.protocol === 'imaps' ? 'tls' : 'plain',
    username: a.username,
    auth: a.auth,
    hasSecret: a.secret !== null,
    folders: a.folders,
    scheduleMinutes: a.scheduleMinutes,
    lastSync:
      a.lastSyncAt && a.lastSyncStatus
        ? { at: a.lastSyncAt, status: a.lastSyncStatus, error: a.lastSyncError, counts: a.lastSyncCounts }
        : null,
    folderStates: folders,
  };
}

/** The account with its folders' state, for the faces. */
export async function mailAccountView(ctx: ServiceContext): Promise<MailAccountView | null> {
  const account = await repo.findMailAccount(ctx.db, ctx.workspaceId);
  if (!account) return null;
  return presentMailAccount(account, await repo.listSyncFolders(ctx.db, ctx.workspaceId, account.id));
}
