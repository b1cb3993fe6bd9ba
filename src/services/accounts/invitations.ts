import type { Kysely } from 'kysely';
import type { Role } from '../../core/accounts/scopes.ts';
import { ReboundError } from '../../core/errors.ts';
import type { Database } from '../../store/schema.ts';
import { hashSecret } from './secrets.ts';

/**
 * Marks an invitation used by the person signing up and returns the role it grants. The link's
 * secret must be known, unused and unexpired, and the sign-up must use the invited address.
 */
export async function acceptInvitation(
  trx: Kysely<Database>,
  token: string,
  email: string,
  now: string,
): Promise<Role> {
  const invitation = await trx
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
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
  await trx.updateTable('invitations').set({ accepted_at: now }).where('id', '=', invitation.id).execute();
  return invitation.role;
}
