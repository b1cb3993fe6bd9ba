/**
 * Sample connections and referral asks, added beside the sample applications so a first-time
 * user sees "people you know here", drafted asks and the referral line in insights. They are
 * marked with the connection source `sample`, so removing the sample data finds them.
 */
import type { Application } from '../../core/applications/application.ts';
import { addDays } from '../../core/dates.ts';
import type { ReferralAskStatus } from '../../core/referrals/asks.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import * as repo from '../../store/referrals-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';

const SAMPLE_SOURCE = 'sample';

/** Invented people; each company is written the way a LinkedIn profile might write it. */
const PEOPLE: { first: string; last: string; role: string; suffix: string; ask: ReferralAskStatus | null }[] =
  [
    { first: 'Ingrid', last: 'Solberg', role: 'Senior Engineer', suffix: ' Inc.', ask: 'referred' },
    { first: 'Mateo', last: 'Alvarez', role: 'Engineering Manager', suffix: '', ask: null },
    { first: 'Chiamaka', last: 'Eze', role: 'Talent Acquisition Partner', suffix: ' Ltd', ask: 'asked' },
    { first: 'Sora', last: 'Tanaka', role: 'Product Designer', suffix: ' GmbH', ask: 'declined' },
    { first: 'Lucía', last: 'Fernández', role: 'Data Scientist', suffix: ', Inc.', ask: null },
  ];

type SampleApp = Pick<Application, 'id' | 'company' | 'stage' | 'outcome'>;

/** Adds a few sample connections at open sample applications' companies, with asks in each state. */
export async function addSampleReferrals(ctx: ServiceContext, apps: readonly SampleApp[]): Promise<void> {
  const open = apps.filter((a) => a.outcome === null && (a.stage === 'saved' || a.stage === 'applied'));
  const targets = [...open.filter((a) => a.stage === 'applied'), ...open.filter((a) => a.stage === 'saved')];
  if (targets.length === 0) return;
  const now = nowIso(ctx);
  const day = today(ctx);
  const contacts: contactsRepo.ContactRecord[] = [];
  const asks: Parameters<typeof repo.insertReferralAsks>[2] = [];
  PEOPLE.forEach((p, i) => {
    // Two people at the first company, one at each of the next ones.
    const app = targets[Math.max(0, i - 1) % targets.length]!;
    const id = newId();
    const name = `${p.first} ${p.last}`;
    contacts.push({
      id,
      name,
      company: `${app.company}${p.suffix}`,
      role: p.role,
      email: null,
      linkedinUrl: `https://www.linkedin.com/in/${p.first}-${p.last}-sample`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/\p{M}/gu, ''),
      phone: null,
      howMet: 'LinkedIn connection (sample)',
      notes: null,
      createdAt: now,
      updatedAt: now,
    });
    if (p.ask)
      asks.push({
        id: newId(),
        applicationId: app.id,
        contactId: id,
        status: p.ask,
        askedOn: addDays(day, -10 - i),
        statusOn: addDays(day, -3 - i),
        createdAt: now,
        updatedAt: now,
      });
  });
  await ctx.db.transaction().execute(async (trx) => {
    await contactsRepo.insertContacts(trx, ctx.workspaceId, contacts);
    await repo.insertConnections(
      trx,
      ctx.workspaceId,
      contacts.map((c, i) => ({
        contactId: c.id,
        source: SAMPLE_SOURCE,
        connectedOn: addDays(day, -400 - i * 90),
        importedAt: now,
      })),
    );
    await repo.insertReferralAsks(trx, ctx.workspaceId, asks);
  });
}

/** Removes the sample connections (their asks go with them); run inside the sample removal. */
export async function removeSampleReferrals(ctx: ServiceContext, db = ctx.db): Promise<void> {
  const marks = await repo.listConnections(db, ctx.workspaceId);
  for (const m of marks)
    if (m.source === SAMPLE_SOURCE) await contactsRepo.deleteContact(db, ctx.workspaceId, m.contactId);
}
