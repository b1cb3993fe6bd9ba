import type { Kysely } from 'kysely';
import type { InvitationCreateInput } from '../../core/accounts/input.ts';
import type {
  InvitationCreatedView,
  InvitationPublicView,
  InvitationView,
} from '../../core/accounts/schemas.ts';
import { ROLE_LABELS, type Role } from '../../core/accounts/scopes.ts';
import { formatDay } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  deleteInvitation,
  deletePendingInvitationsFor,
  findInvitation,
  findInvitationByHash,
  findPendingInvitationsFor,
  findUserByEmail,
  type InvitationWithInviter,
  insertInvitation,
  listInvitations,
  lockInvitationsFor,
  markInvitationAccepted,
  type UserRow,
} from '../../store/accounts-repository.ts';
import type { Database } from '../../store/schema.ts';
import { newId } from '../context.ts';
import type { AccountsContext, Principal } from './accounts.ts';
import { linkTo, sendAccountMail } from './mail.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long an invitation link works. */
export const INVITATION_DAYS = 14;
const DAY = 86_400_000;

function status(row: InvitationWithInviter, now: string): InvitationView['status'] {
  if (row.accepted_at !== null) return 'accepted';
  return row.expires_at <= now ? 'expired' : 'pending';
}

function presentInvitation(row: InvitationWithInviter, now: string): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedByName: row.invited_by_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    status: status(row, now),
  };
}

/** Who may invite whom: an admin anyone, a coach job seekers; nobody else invites directly. */
function checkMayInvite(inviter: UserRow, role: Role): void {
  if (inviter.role === 'admin') return;
  if (inviter.role === 'coach' && role === 'seeker') return;
  throw new ReboundError(
    'forbidden',
    inviter.role === 'coach'
      ? 'A coach can invite job seekers only; ask the admin to invite anyone else.'
      : 'Only an admin (or a coach, for job seekers) can invite people.',
    [{ path: 'role', message: 'you cannot invite this role' }],
  );
}

function invitationMail(
  inviter: UserRow,
  invitation: { email: string; role: Role; link: string; expiresAt: string; forShare: boolean },
) {
  const { email, role, link, expiresAt } = invitation;
  const label = ROLE_LABELS[role].toLowerCase();
  const as = invitation.forShare
    ? 'as their coach: they chose to share parts of their job search with you'
    : `as ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
  return {
    to: email,
    subject: `${inviter.name} invited you to Rebound`,
    text: [
      `${inviter.name} (${inviter.email}) invited you to Rebound, a job-search tracker, ${as}.`,
      '',
      'Create your account with this link:',
      link,
      '',
      `The link works once, until ${expiresAt.slice(0, 10)}, and only for ${email}.`,
      'If you did not expect this, ignore this message.',
    ].join('\n'),
  };
}

/**
 * Who may replace whose unused invitations for an address, in an explicit invitation: an admin
 * manages every invitation, anyone else only their own. An invitation that goes with a share
 * replaces only the seeker's own, even when the seeker is an admin: sharing is not managing
 * invitations, and must not turn someone's admin or coach link into another role.
 */
type Replaces = 'all' | 'own';

/** Someone else's invitation for the address, still in force, that this inviter may not replace. */
async function blockingInvitation(
  db: Kysely<Database>,
  inviter: UserRow,
  email: string,
  replaces: Replaces,
  now: string,
): Promise<InvitationWithInviter | undefined> {
  if (replaces === 'all') return undefined;
  const pending = await findPendingInvitationsFor(db, email, now);
  return pending.find((row) => row.invited_by !== inviter.id);
}

/**
 * "ada@example.org already has an invitation from Ada Admin (an admin), valid until 10 Dec 2026."
 * Only an admin is named: another inviter may be a job seeker who shared their search with that
 * address, and who shares with whom is theirs to tell.
 */
function alreadyInvited(email: string, other: InvitationWithInviter): ReboundError {
  const from =
    other.invited_by_role === 'admin' ? `${other.invited_by_name} (an admin)` : 'someone else on this server';
  const what = `already has an invitation from ${from}, valid until ${formatDay(other.expires_at.slice(0, 10))}`;
  return new ReboundError('conflict', `${email} ${what}.`, [{ path: 'email', message: what }]);
}

/**
 * Makes an invitation (its token is kept only hashed) and e-mails it when mail is configured.
 * It replaces the unused invitations for the same address that `replaces` allows (only the
 * newest link works). Someone else's invitation still in force that it may not replace is left
 * as it is and returned, and nothing is written or sent.
 */
async function makeInvitation(
  ctx: AccountsContext,
  inviter: UserRow,
  email: string,
  role: Role,
  options: { replaces: Replaces; forShare?: boolean },
): Promise<{ made: InvitationCreatedView } | { pending: InvitationWithInviter }> {
  if (await findUserByEmail(ctx.db, email)) {
    throw new ReboundError('conflict', `${email} already has an account.`, [
      { path: 'email', message: 'already has an account' },
    ]);
  }
  const now = ctx.clock.now();
  const token = newSecret('rbi_');
  const row: InvitationWithInviter = {
    id: newId(),
    workspace_id: inviter.workspace_id,
    invited_by: inviter.id,
    token_hash: hashSecret(token),
    email,
    role,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY).toISOString(),
    accepted_at: null,
    invited_by_name: inviter.name,
    invited_by_role: inviter.role,
  };
  const { invited_by_name: _, invited_by_role: __, ...stored } = row;
  const pending = await ctx.db.transaction().execute(async (trx) => {
    await lockInvitationsFor(trx, email);
    const other = await blockingInvitation(trx, inviter, email, options.replaces, row.created_at);
    if (other) return other;
    await deletePendingInvitationsFor(trx, email, options.replaces === 'all' ? undefined : inviter.id);
    await insertInvitation(trx, stored);
    return undefined;
  });
  if (pending) return { pending };
  const link = linkTo(ctx.mail, `/sign-up?invitation=${encodeURIComponent(token)}`);
  const emailed = await sendAccountMail(
    ctx.mail,
    invitationMail(inviter, {
      email,
      role,
      link,
      expiresAt: row.expires_at,
      forShare: options.forShare ?? false,
    }),
  );
  return { made: { ...presentInvitation(row, row.created_at), link, emailed } };
}

/** An explicit invitation: refused (conflict, naming `email`) over someone else's it may not replace. */
async function inviteExplicitly(
  ctx: AccountsContext,
  inviter: UserRow,
  input: InvitationCreateInput,
): Promise<InvitationCreatedView> {
  const replaces = inviter.role === 'admin' ? 'all' : 'own';
  const result = await makeInvitation(ctx, inviter, input.email, input.role, { replaces });
  if ('pending' in result) throw alreadyInvited(input.email, result.pending);
  return result.made;
}

/**
 * POST /invitations: an admin invites anyone (replacing any unused invitation for the address),
 * a coach invites job seekers (replacing only their own; refused over someone else's in force).
 */
export async function createInvitation(
  ctx: AccountsContext,
  principal: Principal,
  input: InvitationCreateInput,
): Promise<InvitationCreatedView> {
  checkMayInvite(principal.user, input.role);
  return inviteExplicitly(ctx, principal.user, input);
}

/** The invitation the CLI sends (`rebound admin invite`), in the name of the first admin. */
export async function createInvitationAs(
  ctx: AccountsContext,
  inviter: UserRow,
  input: InvitationCreateInput,
): Promise<InvitationCreatedView> {
  return inviteExplicitly(ctx, inviter, input);
}

/** What a share tells the seeker about the invitation that went (or did not go) with it. */
export interface ShareInvitation {
  invitationLink: string | null;
  invitationEmailed: boolean;
  pendingInvitation: { role: Role; expiresAt: string } | null;
}

/**
 * A seeker shared with a coach who has no account yet: the coach gets an invitation (role
 * coach) by e-mail. Without mail the link is returned for the seeker to pass on. Nothing when
 * the coach already has an account. When someone else's invitation for that address is in force,
 * it stays (the share reaches the person once they join through it, whatever its role but
 * analyst) and the seeker is told it is on its way, with its role and end, instead of a link.
 */
export async function inviteCoachIfNew(
  ctx: AccountsContext,
  principal: Principal,
  coachEmail: string,
): Promise<ShareInvitation> {
  const none: ShareInvitation = { invitationLink: null, invitationEmailed: false, pendingInvitation: null };
  if (await findUserByEmail(ctx.db, coachEmail)) return none;
  const result = await makeInvitation(ctx, principal.user, coachEmail, 'coach', {
    replaces: 'own',
    forShare: true,
  });
  if ('pending' in result) {
    return {
      ...none,
      pendingInvitation: { role: result.pending.role, expiresAt: result.pending.expires_at },
    };
  }
  // An e-mailed link proves the coach reads that mailbox; it is not shown to anyone else then.
  const { made } = result;
  return { ...none, invitationLink: made.emailed ? null : made.link, invitationEmailed: made.emailed };
}

/** The admin sees every invitation; anyone else the ones they sent. */
export async function listInvitationsFor(
  ctx: AccountsContext,
  principal: Principal,
): Promise<InvitationView[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await listInvitations(ctx.db, principal.user.role === 'admin' ? undefined : principal.user.id);
  return rows.map((r) => presentInvitation(r, now));
}

/** Withdraws an invitation (its link stops working): the admin any, anyone else their own. */
export async function deleteInvitationFor(
  ctx: AccountsContext,
  principal: Principal,
  id: string,
): Promise<void> {
  const row = await findInvitation(ctx.db, id);
  if (!row || (principal.user.role !== 'admin' && row.invited_by !== principal.user.id)) {
    throw new ReboundError('invitation_not_found', `No invitation ${id} of yours.`);
  }
  await deleteInvitation(ctx.db, id);
}

/** What the sign-up page shows for an invitation link; not found when unknown, used or expired. */
export async function lookupInvitation(ctx: AccountsContext, token: string): Promise<InvitationPublicView> {
  const row = await findInvitationByHash(ctx.db, hashSecret(token));
  const now = ctx.clock.now().toISOString();
  if (!row) throw new ReboundError('invitation_not_found', 'This invitation link is not valid.');
  if (row.accepted_at === null && (await findUserByEmail(ctx.db, row.email))) {
    throw new ReboundError(
      'invitation_not_found',
      `${row.email} already has an account, so this link is no longer needed. Sign in instead.`,
    );
  }
  if (row.accepted_at !== null) {
    throw new ReboundError('invitation_not_found', 'This invitation link was already used. Sign in instead.');
  }
  if (row.expires_at <= now) {
    throw new ReboundError('invitation_not_found', 'This invitation link has expired. Ask for a new one.');
  }
  return { email: row.email, role: row.role, invitedByName: row.invited_by_name, expiresAt: row.expires_at };
}

/**
 * Marks an invitation used by the person signing up and returns the role it grants. The link's
 * secret must be known, unused and unexpired, and the sign-up must use the invited address.
 * The mark is conditional, so two sign-ups racing with one link cannot both succeed.
 */
export async function acceptInvitation(
  trx: Kysely<Database>,
  token: string,
  email: string,
  now: string,
): Promise<Role> {
  const invitation = await findInvitationByHash(trx, hashSecret(token));
  const refuse = (why: string) =>
    new ReboundError('forbidden', `This invitation link ${why}. Ask for a new one.`, [
      { path: 'invitation', message: why },
    ]);
  if (!invitation) throw refuse('is not valid');
  if (invitation.accepted_at !== null) throw refuse('was already used');
  if (invitation.expires_at <= now) throw refuse('has expired');
  if (invitation.email !== email) {
    throw new ReboundError(
      'forbidden',
      `This invitation is for ${invitation.email}; sign up with that address.`,
      [{ path: 'email', message: 'must be the invited address' }],
    );
  }
  if (!(await markInvitationAccepted(trx, invitation.id, now))) throw refuse('was already used');
  return invitation.role;
}
