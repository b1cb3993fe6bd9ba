import type { Kysely, Selectable } from 'kysely';
import type { Role, ShareScope } from '../core/accounts/scopes.ts';
import type { InvitationTable, PasswordResetTable, ShareTable, UserTable } from './accounts-schema.ts';
import { holdAdvisoryLock } from './advisory-lock.ts';
import type { Database } from './schema.ts';

/** Accounts, invitations, password resets, instance settings and shares (hosted mode only). */

export type UserRow = Selectable<UserTable>;
export type ShareRow = Selectable<ShareTable>;

type Db = Kysely<Database>;

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertUser(db: Db, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUserPassword(db: Db, id: string, hash: string, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: at })
    .where('id', '=', id)
    .execute();
}
// --- instance settings ---

export async function readInstanceSetting(db: Db, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? JSON.parse(row.value) : undefined;
}

export async function writeInstanceSetting(db: Db, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('instance_settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

// --- shares ---

export async function insertShare(db: Db, row: ShareRow): Promise<void> {
  await db.insertInto('shares').values(row).execute();
}

export async function listWorkspaceShares(db: Db, workspaceId: string): Promise<ShareRow[]> {
  return db
    .selectFrom('shares')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findShare(db: Db, workspaceId: string, id: string): Promise<ShareRow | undefined> {
  return db
    .selectFrom('shares')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function revokeShare(db: Db, workspaceId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('shares')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Shares in force on `today` that name this coach, with the seeker's name and e-mail. */
export async function listSharesForCoach(
  db: Db,
  coachEmail: string,
  today: string,
  workspaceId?: string,
): Promise<(ShareRow & { owner_name: string; owner_email: string })[]> {
  let query = db
    .selectFrom('shares')
    .innerJoin('users', 'users.id', 'shares.owner_id')
    .selectAll('shares')
    .select(['users.name as owner_name', 'users.email as owner_email'])
    .where('shares.coach_email', '=', coachEmail)
    .where('shares.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('shares.ends_on', 'is', null), eb('shares.ends_on', '>=', today)]));
  if (workspaceId !== undefined) query = query.where('shares.workspace_id', '=', workspaceId);
  return query.orderBy('users.name').orderBy('shares.created_at', 'desc').execute();
}

/** True when this workspace ever shared with this coach (a share now ended counts). */
export async function everSharedWithCoach(db: Db, coachEmail: string, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('shares')
    .select('id')
    .where('coach_email', '=', coachEmail)
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertShareView(
  db: Db,
  row: {
    id: string;
    workspace_id: string;
    share_id: string;
    viewer_id: string;
    scope: ShareScope;
    what: string;
    viewed_at: string;
  },
): Promise<void> {
  await db.insertInto('share_views').values(row).execute();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
}

export async function updateUserRole(db: Db, id: string, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The oldest admin: who the CLI's invitations are sent in the name of. */
export async function findFirstAdmin(db: Db): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

export async function findUserByCalendarSecret(db: Db, secret: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('calendar_secret', '=', secret).executeTakeFirst();
}

export async function updateCalendarSecret(db: Db, id: string, secret: string): Promise<void> {
  await db.updateTable('users').set({ calendar_secret: secret }).where('id', '=', id).execute();
}

// --- invitations ---

export type InvitationRow = Selectable<InvitationTable>;
export type InvitationWithInviter = InvitationRow & { invited_by_name: string; invited_by_role: string };

export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

function invitationsWithInviter(db: Db) {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select(['users.name as invited_by_name', 'users.role as invited_by_role']);
}

/** Invitations, newest first: all of them, or those one person sent. */
export async function listInvitations(db: Db, invitedBy?: string): Promise<InvitationWithInviter[]> {
  let query = invitationsWithInviter(db);
  if (invitedBy !== undefined) query = query.where('invitations.invited_by', '=', invitedBy);
  return query.orderBy('invitations.created_at', 'desc').orderBy('invitations.id', 'desc').execute();
}

export async function findInvitationByHash(db: Db, hash: string): Promise<InvitationWithInviter | undefined> {
  return invitationsWithInviter(db).where('invitations.token_hash', '=', hash).executeTakeFirst();
}

export async function findInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteInvitation(db: Db, id: string): Promise<void> {
  await db.deleteFrom('invitations').where('id', '=', id).execute();
}

/**
 * Withdraws the unused invitations for an address (pending or expired): every one (the person
 * joined, or an admin replaces them), or only those one person sent (they replace their own).
 */
export async function deletePendingInvitationsFor(db: Db, email: string, invitedBy?: string): Promise<void> {
  let query = db.deleteFrom('invitations').where('email', '=', email).where('accepted_at', 'is', null);
  if (invitedBy !== undefined) query = query.where('invited_by', '=', invitedBy);
  await query.execute();
}

/** The invitations for an address still in force at `now` (unused, unexpired), newest first. */
export async function findPendingInvitationsFor(
  db: Db,
  email: string,
  now: string,
): Promise<InvitationWithInviter[]> {
  return invitationsWithInviter(db)
    .where('invitations.email', '=', email)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at', 'desc')
    .orderBy('invitations.id', 'desc')
    .execute();
}

/**
 * Inside a PostgreSQL transaction, holds an address's invitations until it ends, so two people
 * inviting one address at once are taken one after the other (the second sees the first's).
 * Nothing on SQLite, whose write transactions hold the whole database.
 */
export async function lockInvitationsFor(db: Db, email: string): Promise<void> {
  await holdAdvisoryLock(db, `invitations:${email}`);
}

/** Marks an invitation used, once: false when it was already used (or raced by another sign-up). */
export async function markInvitationAccepted(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// --- password resets ---

export type PasswordResetRow = Selectable<PasswordResetTable>;

export async function insertPasswordReset(db: Db, row: PasswordResetRow): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

export async function findPasswordReset(db: Db, hash: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Uses a reset link once: false when it is unknown, used or expired at `now`. */
export async function usePasswordReset(db: Db, hash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every unused reset link of a user (after a password change or a reset). */
export async function endPasswordResets(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** How many reset links were made for a user since `since` (to bound e-mails to one address). */
export async function countRecentResets(db: Db, userId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
