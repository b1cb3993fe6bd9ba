import { ReboundError } from '../../core/errors.ts';
import type { ReferralAsk } from '../../core/referrals/asks.ts';
import type { ReferralAskInput } from '../../core/referrals/input.ts';
import type { PersonYouKnow } from '../../core/referrals/schemas.ts';
import * as apps from '../../store/applications-repository.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import * as repo from '../../store/referrals-repository.ts';
import { getApplicationOrThrow } from '../applications.ts';
import { contactNotFound } from '../contacts/contacts.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { peopleYouKnowFor } from './people.ts';

/**
 * Records the referral ask to one person about one application, or moves it on (asked → agreed →
 * referred, or declined). One ask per person and application: the day first asked is kept.
 * Returns the application's people you know, as shown after the change.
 */
export async function setReferralAsk(
  ctx: ServiceContext,
  applicationId: string,
  input: ReferralAskInput,
): Promise<PersonYouKnow[]> {
  const on = input.on ?? today(ctx);
  if (on > today(ctx))
    throw new ReboundError('invalid_input', 'on: the ask cannot be in the future', [
      { path: 'on', message: 'in the future' },
    ]);
  await ctx.db.transaction().execute(async (trx) => {
    const app = await apps.findApplication(trx, ctx.workspaceId, applicationId);
    if (!app) await getApplicationOrThrow({ ...ctx, db: trx }, applicationId);
    const contact = await contactsRepo.findContact(trx, ctx.workspaceId, input.contactId);
    if (!contact) throw contactNotFound(input.contactId);
    const now = nowIso(ctx);
    const [current] = (await repo.listReferralAsks(trx, ctx.workspaceId, { applicationId })).filter(
      (a) => a.contactId === input.contactId,
    );
    if (current) {
      const next: ReferralAsk = { ...current, status: input.status, statusOn: on, updatedAt: now };
      await repo.updateReferralAsk(trx, ctx.workspaceId, next);
    } else {
      await repo.insertReferralAsks(trx, ctx.workspaceId, [
        {
          id: newId(),
          applicationId,
          contactId: input.contactId,
          status: input.status,
          askedOn: on,
          statusOn: on,
          createdAt: now,
          updatedAt: now,
        },
      ]);
    }
  });
  const app = await getApplicationOrThrow(ctx, applicationId);
  return peopleYouKnowFor(ctx, app);
}
