import type { Kysely } from 'kysely';
import type { PasswordChangeInput, SignInInput, SignUpInput } from '../../core/accounts/input.ts';
import type { TokenView, UserView } from '../../core/accounts/schemas.ts';
import type { Role } from '../../core/accounts/scopes.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  countUsers,
  deletePendingInvitationsFor,
  endPasswordResets,
  findUserByCalendarSecret,
  findUserByEmail,
  findUserById,
  insertUser,
  readInstanceSetting,
  type UserRow,
  updateCalendarSecret,
  updateUserPassword,
} from '../../store/accounts-repository.ts';
import type { Database } from '../../store/schema.ts';
import {
  type AccessTokenRow,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  findTokenUser,
  insertSession,
  insertToken,
  listTokens,
  revokeToken,
  touchSession,
  touchToken,
} from '../../store/sessions-repository.ts';
import { ensureWorkspace } from '../../store/workspace-repository.ts';
import { type Clock, newId } from '../context.ts';
import { acceptInvitation } from './invitations.ts';
import type { AccountMail } from './mail.ts';
import { checkSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn } from './rate-limit.ts';
import { dummyPasswordHash, hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.ts';

/** Accounts are the server's, not one workspace's: their use cases need the database, the time and mail. */
export interface AccountsContext {
  db: Kysely<Database>;
  clock: Clock;
  /** How links are built and e-mailed (hosted server); without it links are paths and nothing is sent. */
  mail?: AccountMail;
}

/** How long a session lasts without use, and at most. */
export const SESSION_IDLE_DAYS = 14;
export const SESSION_MAX_DAYS = 90;
const DAY = 86_400_000;

/** Who is calling: a signed-in user, through a session cookie or a personal access token. */
export interface Principal {
  user: UserRow;
  via: 'session' | 'token';
  /** The session's id (hashed token) when signed in through a cookie. */
  sessionId?: string;
  /**
   * The stored settings of the user's own workspace, read in the same statement as the session
   * or token (authenticateSession, authenticateToken), so a request in its own workspace needs no
   * other read before its route runs.
   */
  ownSettings?: Record<string, unknown>;
}

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    workspaceId: user.workspace_id,
    createdAt: user.created_at,
  };
}

/** True when anyone may sign up without an invitation (the admin opened it, or REBOUND_OPEN_SIGNUP=1). */
export async function signUpIsOpen(db: Kysely<Database>): Promise<boolean> {
  if (process.env.REBOUND_OPEN_SIGNUP === '1') return true;
  return (await readInstanceSetting(db, 'openSignup')) === true;
}

/**
 * Creates an account with its own workspace. The first account on an empty server becomes the
 * admin; after that, sign-up needs an invitation unless sign-up is open.
 */
export async function signUp(ctx: AccountsContext, input: SignUpInput): Promise<UserRow> {
  const now = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const first = (await countUsers(trx)) === 0;
    let role: Role = 'seeker';
    if (first) role = 'admin';
    else if (input.invitation !== undefined) {
      role = await acceptInvitation(trx, input.invitation, input.email, now);
    } else if (!(await signUpIsOpen(trx))) {
      throw new ReboundError(
        'forbidden',
        'Sign-up on this server is by invitation. Ask its admin for an invitation link.',
        [{ path: 'invitation', message: 'an invitation is needed' }],
      );
    }
    return insertAccount(trx, { ...input, role, passwordHash }, now);
  });
}

/** Creates an account with the given role (the CLI's `rebound admin create`), whoever else exists. */
export async function createAccount(
  ctx: AccountsContext,
  input: { email: string; name: string; password: string; role: Role },
): Promise<UserRow> {
  const now = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => insertAccount(trx, { ...input, passwordHash }, now));
}

async function insertAccount(
  trx: Kysely<Database>,
  input: { email: string; name: string; role: Role; passwordHash: string },
  now: string,
): Promise<UserRow> {
  if (await findUserByEmail(trx, input.email)) {
    throw new ReboundError('conflict', `An account with ${input.email} already exists. Sign in instead.`, [
      { path: 'email', message: 'already has an account' },
    ]);
  }
  const workspaceId = newId();
  await ensureWorkspace(trx, workspaceId, `${input.name}'s job search`, now);
  const user: UserRow = {
    id: newId(),
    workspace_id: workspaceId,
    email: input.email,
    name: input.name,
    password_hash: input.passwordHash,
    role: input.role,
    calendar_secret: newSecret(''),
    created_at: now,
    password_changed_at: now,
  };
  await insertUser(trx, user);
  // Any other link sent to this address would only lead to a sign-up that cannot succeed.
  await deletePendingInvitationsFor(trx, input.email);
  return user;
}

/**
 * Checks an e-mail and password; the same refusal (and about the same time) whichever is wrong.
 * Failures are counted per account and per client address (`rate-limit.ts`): past the limit,
 * sign-in is refused (429) before any password is checked.
 */
export async function checkPassword(
  ctx: AccountsContext,
  input: SignInInput,
  address: string,
): Promise<UserRow> {
  const who = { email: input.email, address };
  await checkSignInAllowed(ctx, who);
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailedSignIn(ctx, who);
    throw new ReboundError('unauthenticated', 'The e-mail or the password is wrong.');
  }
  await recordSuccessfulSignIn(ctx, who);
  return user;
}

/** Starts a session; returns the secret for the cookie (only its hash is stored). */
export async function startSession(ctx: AccountsContext, user: UserRow): Promise<string> {
  const token = newSecret('rbs_');
  const now = ctx.clock.now();
  await insertSession(ctx.db, {
    id: hashSecret(token),
    workspace_id: user.workspace_id,
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_IDLE_DAYS * DAY).toISOString(),
  });
  return token;
}

/**
 * The user of a session cookie, or null when it is unknown or expired. A session in use is
 * extended (at most once an hour, and never past SESSION_MAX_DAYS from its start).
 */
export async function authenticateSession(ctx: AccountsContext, token: string): Promise<Principal | null> {
  const id = hashSecret(token);
  const now = ctx.clock.now();
  const found = await findSessionUser(ctx.db, id, now.toISOString());
  if (!found) return null;
  if (now.getTime() - Date.parse(found.lastSeenAt) > 3_600_000) {
    const cap = Date.parse(found.createdAt) + SESSION_MAX_DAYS * DAY;
    const expires = Math.min(now.getTime() + SESSION_IDLE_DAYS * DAY, cap);
    await touchSession(ctx.db, id, now.toISOString(), new Date(expires).toISOString());
  }
  return { user: found.user, via: 'session', sessionId: id, ownSettings: found.ownSettings };
}

export async function endSession(ctx: AccountsContext, principal: Principal): Promise<void> {
  if (principal.sessionId) await deleteSession(ctx.db, principal.sessionId);
}

/** Signs out everywhere: every session of the user ends (tokens stay; they are revoked one by one). */
export async function endAllSessions(ctx: AccountsContext, principal: Principal): Promise<number> {
  return deleteUserSessions(ctx.db, principal.user.id);
}

/**
 * Changes the caller's password after checking the current one (a wrong one counts as a failed
 * sign-in). Every other session of the account ends and unused reset links stop working; this
 * session and personal access tokens stay.
 */
export async function changePassword(
  ctx: AccountsContext,
  principal: Principal,
  input: PasswordChangeInput,
  address: string,
): Promise<void> {
  const who = { email: principal.user.email, address };
  await checkSignInAllowed(ctx, who);
  const current = await findUserById(ctx.db, principal.user.id);
  if (!current || !(await verifyPassword(current.password_hash, input.currentPassword))) {
    await recordFailedSignIn(ctx, who);
    throw new ReboundError('invalid_input', 'currentPassword: that is not your current password.', [
      { path: 'currentPassword', message: 'is not your current password' },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, principal.user.id, hash, now);
    await deleteUserSessions(trx, principal.user.id, principal.sessionId);
    await endPasswordResets(trx, principal.user.id, now);
  });
}

// --- the calendar feed by secret address ---

/** The private path of a user's calendar feed (public: the secret is the key). */
export function calendarPath(user: UserRow): string {
  return `/api/v1/calendar/${user.calendar_secret}.ics`;
}

/** A new secret for the caller's calendar feed: the old address stops working at once. */
export async function rotateCalendarSecret(ctx: AccountsContext, principal: Principal): Promise<string> {
  const secret = newSecret('');
  await updateCalendarSecret(ctx.db, principal.user.id, secret);
  return calendarPath({ ...principal.user, calendar_secret: secret });
}

/** The owner of a calendar feed address (`<secret>.ics`), or undefined. */
export async function calendarOwner(ctx: AccountsContext, file: string): Promise<UserRow | undefined> {
  const secret = file.endsWith('.ics') ? file.slice(0, -4) : file;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return undefined;
  return findUserByCalendarSecret(ctx.db, secret);
}

// --- personal access tokens ---

function presentToken(row: AccessTokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates a personal access token; the token itself is returned once and never stored. */
export async function createToken(
  ctx: AccountsContext,
  principal: Principal,
  name: string,
): Promise<TokenView & { token: string }> {
  const token = newSecret('rbt_');
  const row: AccessTokenRow = {
    id: newId(),
    workspace_id: principal.user.workspace_id,
    user_id: principal.user.id,
    name,
    token_hash: hashSecret(token),
    hint: `${token.slice(0, 8)}…`,
    created_at: ctx.clock.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await insertToken(ctx.db, row);
  return { ...presentToken(row), token };
}

export async function listUserTokens(ctx: AccountsContext, principal: Principal): Promise<TokenView[]> {
  return (await listTokens(ctx.db, principal.user.id)).map(presentToken);
}

export async function revokeUserToken(ctx: AccountsContext, principal: Principal, id: string): Promise<void> {
  if (!(await revokeToken(ctx.db, principal.user.id, id, ctx.clock.now().toISOString()))) {
    throw new ReboundError('token_not_found', `No active token ${id}.`);
  }
}

/** How stale a token's "last used" may get: writing it on every request made each call a write. */
export const TOKEN_TOUCH_MS = 60_000;

/**
 * The user of a bearer token, or null when it is unknown or revoked. "Last used" is written at
 * most once a minute: an integration calling in parallel would otherwise queue every request
 * behind one row lock and one commit (measured in bench/hosted-bench.ts).
 */
export async function authenticateToken(ctx: AccountsContext, token: string): Promise<Principal | null> {
  const found = await findTokenUser(ctx.db, hashSecret(token));
  if (!found) return null;
  const now = ctx.clock.now();
  if (found.lastUsedAt === null || now.getTime() - Date.parse(found.lastUsedAt) >= TOKEN_TOUCH_MS) {
    await touchToken(ctx.db, found.tokenId, now.toISOString());
  }
  return { user: found.user, via: 'token', ownSettings: found.ownSettings };
}
