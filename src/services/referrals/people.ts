import type { Application } from '../../core/applications/application.ts';
import { daysSilent } from '../../core/applications/ghosting.ts';
import { noticeCheck, quietLine } from '../../core/insights/response-times.ts';
import { personWords, type Reader, SELF } from '../../core/reader.ts';
import { parseTemplate, renderTemplate } from '../../core/recovery/render-template.ts';
import type { ReferralAsk } from '../../core/referrals/asks.ts';
import {
  askStateText,
  contactsByCompany,
  type KnownContact,
  peopleAt,
  referralAskVars,
  wantsReferral,
} from '../../core/referrals/people.ts';
import type { PersonYouKnow, ResponseWaitView } from '../../core/referrals/schemas.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import * as repo from '../../store/referrals-repository.ts';
import { readerOf, type ServiceContext, today } from '../context.ts';
import { loadTemplate } from '../recovery/templates.ts';
import { getSettings } from '../settings.ts';
import { typicalReplyDays } from './response-times.ts';

/** Every contact, with its connection mark when it came from a connections export. */
export async function loadKnownContacts(ctx: ServiceContext): Promise<KnownContact[]> {
  const [contacts, connections] = await Promise.all([
    contactsRepo.listContacts(ctx.db, ctx.workspaceId),
    repo.listConnections(ctx.db, ctx.workspaceId),
  ]);
  const marks = new Map(connections.map((c) => [c.contactId, c]));
  return contacts.map((c) => {
    const mark = marks.get(c.id);
    return {
      id: c.id,
      name: c.name,
      company: c.company,
      role: c.role,
      email: c.email,
      linkedinUrl: c.linkedinUrl,
      connection: mark ? { source: mark.source, connectedOn: mark.connectedOn } : null,
    };
  });
}

function presentAsk(a: ReferralAsk) {
  return {
    id: a.id,
    applicationId: a.applicationId,
    contactId: a.contactId,
    status: a.status,
    askedOn: a.askedOn,
    statusOn: a.statusOn,
  };
}

/**
 * "People you know here" for one application: contacts at its company by the shared company-name
 * rules, each with the referral ask drafted from the user's template and the ask's state. Empty
 * for closed applications and for ones past the offer (a referral no longer helps).
 */
export async function peopleYouKnowFor(
  ctx: ServiceContext,
  app: Pick<Application, 'id' | 'company' | 'role' | 'jobUrl' | 'stage' | 'outcome'>,
): Promise<PersonYouKnow[]> {
  if (!wantsReferral(app)) return [];
  const [contacts, asks, settings] = await Promise.all([
    loadKnownContacts(ctx),
    repo.listReferralAsks(ctx.db, ctx.workspaceId, { applicationId: app.id }),
    getSettings(ctx),
  ]);
  const people = peopleAt(app.company, contactsByCompany(contacts));
  if (people.length === 0) return [];
  const template = loadTemplate('referral-ask');
  const askByContact = new Map(asks.map((a) => [a.contactId, a]));
  return people.map((p) => {
    const ask = askByContact.get(p.id) ?? null;
    const parsed = parseTemplate(template);
    const vars = referralAskVars(p, app, settings.userName);
    return {
      contactId: p.id,
      name: p.name,
      company: p.company,
      role: p.role,
      email: p.email,
      linkedinUrl: p.linkedinUrl,
      connection: p.connection,
      ask: ask ? presentAsk(ask) : null,
      askState: askStateText(ask?.status ?? null, readerOf(ctx)),
      draft: {
        subject: parsed.subject === null ? null : renderTemplate(parsed.subject, vars).text,
        body: renderTemplate(parsed.body, vars).text,
      },
    };
  });
}

/** How many saved or open applications have at least one person the user knows. */
export async function countApplicationsWithPeople(ctx: ServiceContext): Promise<number> {
  const [apps, contacts] = await Promise.all([
    repo.listOpenApplications(ctx.db, ctx.workspaceId),
    loadKnownContacts(ctx),
  ]);
  const index = contactsByCompany(contacts);
  return apps
    .filter((a) => wantsReferral({ stage: a.stage as Application['stage'], outcome: null }))
    .filter((a) => peopleAt(a.company, index).length > 0).length;
}

/**
 * The waiting line on one application: its silence against the user's own history of replies,
 * and the notice rule when the user set one.
 */
export async function responseWaitFor(
  ctx: ServiceContext,
  app: Pick<Application, 'id' | 'appliedOn' | 'lastResponseOn' | 'outcome' | 'stage'>,
): Promise<ResponseWaitView> {
  const day = today(ctx);
  const silent = daysSilent(app, day);
  if (silent === null) return { quiet: null, notice: null };
  const [typical, settings] = await Promise.all([typicalReplyDays(ctx), getSettings(ctx)]);
  let notice: ResponseWaitView['notice'] = null;
  if (settings.noticeDays !== null) {
    const days = await repo.listInterviewDays(ctx.db, ctx.workspaceId, [app.id]);
    const check = noticeCheck({
      waiting: true,
      interviewDays: days.get(app.id) ?? [],
      lastResponseOn: app.lastResponseOn,
      today: day,
      noticeDays: settings.noticeDays,
    });
    if (check) notice = { ...check, text: noticeText(check, readerOf(ctx)) };
  }
  return { quiet: quietLine(silent, typical, readerOf(ctx)), notice };
}

export function noticeText(
  c: { silentDays: number; noticeDays: number; pastNotice: boolean },
  reader: Reader = SELF,
): string {
  const rule = `${personWords(reader).names} notice rule`;
  return c.pastNotice
    ? `${c.silentDays} days since the interview: past the ${c.noticeDays} days ${rule} gives an employer to answer.`
    : `${c.silentDays} of the ${c.noticeDays} days ${rule} gives an employer to answer after an interview.`;
}

/** What GET /applications/:id and `rebound show` add to an application: the people and the waiting line. */
export async function applicationExtras(
  ctx: ServiceContext,
  app: Pick<
    Application,
    'id' | 'company' | 'role' | 'jobUrl' | 'stage' | 'outcome' | 'appliedOn' | 'lastResponseOn'
  >,
): Promise<{ peopleYouKnow: PersonYouKnow[]; responseWait: ResponseWaitView }> {
  const [peopleYouKnow, responseWait] = await Promise.all([
    peopleYouKnowFor(ctx, app),
    responseWaitFor(ctx, app),
  ]);
  return { peopleYouKnow, responseWait };
}

/** For the board: the people the user knows at each saved or open application's company (names only). */
export async function peopleByApplication(
  ctx: ServiceContext,
): Promise<{ applicationId: string; people: { contactId: string; name: string }[] }[]> {
  const [apps, contacts] = await Promise.all([
    repo.listOpenApplications(ctx.db, ctx.workspaceId),
    loadKnownContacts(ctx),
  ]);
  const index = contactsByCompany(contacts);
  const out: { applicationId: string; people: { contactId: string; name: string }[] }[] = [];
  for (const a of apps) {
    if (!wantsReferral({ stage: a.stage as Application['stage'], outcome: null })) continue;
    const people = peopleAt(a.company, index);
    if (people.length > 0)
      out.push({ applicationId: a.id, people: people.map((p) => ({ contactId: p.id, name: p.name })) });
  }
  return out;
}
