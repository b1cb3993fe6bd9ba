import type { PasswordResetCompleteInput } from '../../core/accounts/input.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  countRecentResets,
  endPasswordResets,
  findPasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  type UserRow,
  updateUserPassword,
  usePasswordReset,
} from '../../store/accounts-repository.ts';
import { deleteAttempts, deleteUserSessions } from '../../store/sessions-repository.ts';
import type { AccountsContext } from './accounts.ts';
import { linkTo, sendAccountMail } from './mail.ts';
import { accountKey } from './rate-limit.ts';
import { hashPassword, hashSecret, newSecret } from './secrets.ts';

/** How long a reset link works, and how many may be e-mailed to one account per hour. */
export const RESET_LINK_MINUTES = 60;
export const RESETS_PER_HOUR = 3;

/** Stores a new reset link for the user; `send` e-mails it (when mail is configured). */
async function makeResetLink(
  ctx: AccountsContext,
  user: UserRow,
): Promise<{ link: string; expiresAt: string; send: () => Promise<boolean> }> {
  const now = ctx.clock.now();
  const token = newSecret('rbr_');
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString();
  await insertPasswordReset(ctx.db, {
    token_hash: hashSecret(token),
    workspace_id: user.workspace_id,
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  const link = linkTo(ctx.mail, `/reset-password?token=${encodeURIComponent(token)}`);
  const send = () =>
    sendAccountMail(ctx.mail, {
      to: user.email,
      subject: 'Reset your Rebound password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone (you, we hope) asked to reset the password of your Rebound account. Choose a new one here:',
        link,
        '',
        `The link works once, for ${RESET_LINK_MINUTES} minutes. If you did not ask, ignore this message: your password stays as it is.`,
      ].join('\n'),
    });
  return { link, expiresAt, send };
}

/**
 * "Forgot my password": e-mails a one-time link when the address has an account and mail is
 * configured. The caller always hears the same thing, so nobody learns who has an account;
 * at most RESETS_PER_HOUR links per account per hour, so nobody floods a mailbox.
 */
export async function requestPasswordReset(ctx: AccountsContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || !ctx.mail?.mailer || !ctx.mail.publicUrl) return;
  const hourAgo = new Date(ctx.clock.now().getTime() - 3_600_000).toISOString();
  if ((await countRecentResets(ctx.db, user.id, hourAgo)) >= RESETS_PER_HOUR) return;
  const made = await makeResetLink(ctx, user);
  // Not awaited: the answer must not take longer for an address with an account (the SMTP
  // round trip would tell). A failure is logged by sendAccountMail.
  void made.send();
}

/**
 * An admin makes a reset link for someone who cannot get e-mail from this server. With mail
 * configured the link goes only to that person's address (the admin never sees it, so an admin
 * cannot take over a seeker's account); without mail the admin gets it to pass on.
 */
export async function adminResetLink(
  ctx: AccountsContext,
  userId: string,
): Promise<{ link: string | null; expiresAt: string; emailed: boolean }> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new ReboundError('not_found', `No account ${userId}.`);
  const made = await makeResetLink(ctx, user);
  const emailed = await made.send();
  return { link: emailed ? null : made.link, expiresAt: made.expiresAt, emailed };
}

/**
 * Sets a new password with a reset link: the link works once and until it expires. Every
 * session of the account ends, other reset links stop working, and failed sign-ins of the
 * account are forgotten. Returns the user, for the new session.
 */
export async function completePasswordReset(
  ctx: AccountsContext,
  input: PasswordResetCompleteInput,
): Promise<UserRow> {
  const hash = hashSecret(input.token);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const reset = await findPasswordReset(trx, hash);
    const refuse = (why: string) =>
      new ReboundError('invalid_input', `token: this reset link ${why}. Ask for a new one.`, [
        { path: 'token', message: why },
      ]);
    if (!reset) throw refuse('is not valid');
    if (reset.used_at !== null) throw refuse('was already used');
    if (reset.expires_at <= now) throw refuse('has expired');
    if (!(await usePasswordReset(trx, hash, now))) throw refuse('was already used');
    const user = await findUserById(trx, reset.user_id);
    if (!user) throw refuse('is not valid');
    await updateUserPassword(trx, user.id, passwordHash, now);
    await deleteUserSessions(trx, user.id);
    await endPasswordResets(trx, user.id, now);
    await deleteAttempts(trx, [accountKey(user.email)]);
    return { ...user, password_hash: passwordHash, password_changed_at: now };
  });
}
