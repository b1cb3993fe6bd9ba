/**
 * Matching learns from the user: what a confirmed e-mail's sender teaches is remembered per
 * workspace (`mail_senders`), and an application with no website gets the sender's domain when
 * it is the company's own. The import reads both back for the matcher.
 */
import type { Application } from '../../core/applications/application.ts';
import { sendersToLearn } from '../../core/mail/learn.ts';
import type { KnownSender, MatchableApplication } from '../../core/mail/match-email.ts';
import * as bulk from '../../store/applications-bulk-repository.ts';
import * as apps from '../../store/applications-repository.ts';
import * as contacts from '../../store/contacts-repository.ts';
import * as senders from '../../store/mail-senders-repository.ts';
import { nowIso, type ServiceContext } from '../context.ts';

/** The applications (with their linked contacts' addresses) and confirmed senders the matcher reads. */
export async function loadMatchBoard(
  ctx: ServiceContext,
): Promise<{ applications: MatchableApplication[]; senders: KnownSender[] }> {
  const all = await bulk.listAllApplications(ctx.db, ctx.workspaceId);
  const known = await senders.listMailSenders(ctx.db, ctx.workspaceId);
  const emails = new Map<string, string[]>();
  for (const { applicationId, email } of await contacts.listLinkedContactEmails(ctx.db, ctx.workspaceId)) {
    const list = emails.get(applicationId);
    if (list) list.push(email);
    else emails.set(applicationId, [email]);
  }
  return {
    applications: all.map((a) => ({
      id: a.id,
      company: a.company,
      role: a.role,
      jobUrl: a.jobUrl,
      website: a.website,
      contactEmails: emails.get(a.id) ?? [],
    })),
    senders: known.map((k) => ({ sender: k.sender, company: k.company })),
  };
}

/** Remembers what a mail from `fromAddress`, confirmed for `app`, says about its company. */
export async function learnFromConfirmedMail(
  ctx: ServiceContext,
  fromAddress: string | null,
  app: Application,
): Promise<void> {
  const learned = sendersToLearn(fromAddress);
  if (!learned) return;
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await senders.rememberMailSender(trx, ctx.workspaceId, learned.sender, app.company, now);
    if (learned.domain) {
      await senders.rememberMailSender(trx, ctx.workspaceId, learned.domain, app.company, now);
      if (app.website === null)
        await apps.updateApplicationFields(trx, ctx.workspaceId, app.id, { website: learned.domain }, now);
    }
  });
}
