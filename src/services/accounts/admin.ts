import type { AdminSettingsView, AdminUserView } from '../../core/accounts/schemas.ts';
import type { Role } from '../../core/accounts/scopes.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  countAdmins,
  findUserById,
  listUsers,
  readInstanceSetting,
  type UserRow,
  updateUserRole,
  writeInstanceSetting,
} from '../../store/accounts-repository.ts';
import type { AccountsContext, Principal } from './accounts.ts';

/** The server's admin pages: open sign-up, people and their roles. Admins only. */
export function requireAdmin(principal: Principal): void {
  if (principal.user.role !== 'admin') {
    throw new ReboundError('forbidden', 'Only an admin of this server can do this.');
  }
}

export async function getAdminSettings(
  ctx: AccountsContext,
  principal: Principal,
): Promise<AdminSettingsView> {
  requireAdmin(principal);
  return {
    openSignup: (await readInstanceSetting(ctx.db, 'openSignup')) === true,
    openSignupByEnvironment: process.env.REBOUND_OPEN_SIGNUP === '1',
    mailConfigured: Boolean(ctx.mail?.mailer && ctx.mail.publicUrl),
    publicUrl: ctx.mail?.publicUrl ?? null,
  };
}

export async function updateAdminSettings(
  ctx: AccountsContext,
  principal: Principal,
  patch: { openSignup: boolean },
): Promise<AdminSettingsView> {
  requireAdmin(principal);
  await writeInstanceSetting(ctx.db, 'openSignup', patch.openSignup);
  return getAdminSettings(ctx, principal);
}

function presentAdminUser(user: UserRow): AdminUserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.created_at };
}

export async function listAccounts(ctx: AccountsContext, principal: Principal): Promise<AdminUserView[]> {
  requireAdmin(principal);
  return (await listUsers(ctx.db)).map(presentAdminUser);
}

/** Changes someone's role; the server always keeps at least one admin. */
export async function changeRole(
  ctx: AccountsContext,
  principal: Principal,
  userId: string,
  role: Role,
): Promise<AdminUserView> {
  requireAdmin(principal);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new ReboundError('not_found', `No account ${userId}.`);
    if (user.role === 'admin' && role !== 'admin' && (await countAdmins(trx)) <= 1) {
      throw new ReboundError('conflict', `${user.email} is the only admin; make someone else admin first.`, [
        { path: 'role', message: 'the server needs an admin' },
      ]);
    }
    await updateUserRole(trx, userId, role);
    return presentAdminUser({ ...user, role });
  });
}
