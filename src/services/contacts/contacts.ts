import { type Cadence, nextTouches, planCadence, stopCadence } from '../../core/contacts/cadence.ts';
import { connectionNote } from '../../core/contacts/connection-note.ts';
import { validateContact } from '../../core/contacts/contact.ts';
import type {
  CadenceInputBody,
  ContactCreateInput,
  ContactLinkInput,
  ContactPatchInput,
  InteractionInput,
} from '../../core/contacts/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { buildVcards } from '../../io/vcard.ts';
import * as apps from '../../store/applications-repository.ts';
import type {
  CadenceRecord,
  ContactLink,
  ContactRecord,
  InteractionRecord,
} from '../../store/contacts-repository.ts';
import * as repo from '../../store/contacts-repository.ts';
import * as eventsRepo from '../../store/events-repository.ts';
import * as feedbackRepo from '../../store/feedback-repository.ts';
import * as schedule from '../../store/schedule-repository.ts';
import { applicationIdsForContact, refreshSearchDocuments } from '../../store/search-repository.ts';
import { readSettings } from '../../store/workspace-repository.ts';
import { newId, nowIso, type ServiceContext } from '../context.ts';
import { touchItems } from '../recovery/schedule.ts';
import { loadTemplate } from '../recovery/templates.ts';

type Db = ServiceContext['db'];

export interface ContactDetail extends ContactRecord {
  links: ContactLink[];
  /** The user's own words for the keep-in-touch notes, by kind, when they edited them. */
  drafts: Partial<Record<repo.ContactDraftKind, string>>;
  cadence: (CadenceRecord & { next: ReturnType<typeof nextTouches> }) | null;
  interactions: InteractionRecord[];
}

export function contactNotFound(id: string): ReboundError {
  return new ReboundError('contact_not_found', `No contact with id ${id}. It may have been deleted.`, [
    { path: 'id', message: 'not found' },
  ]);
}

async function contactOrThrow(db: Db, ctx: ServiceContext, id: string): Promise<ContactRecord> {
  const c = await repo.findContact(db, ctx.workspaceId, id);
  if (!c) throw contactNotFound(id);
  return c;
}

function toCadence(c: CadenceRecord): Cadence {
  return {
    startAt: c.startAt,
    timeZone: c.timeZone,
    connectAfterDays: c.connectAfterDays,
    valueEveryDays: c.valueEveryDays,
    stoppedAt: c.stoppedAt,
  };
}

export async function getContactOrThrow(ctx: ServiceContext, id: string): Promise<ContactDetail> {
  const contact = await contactOrThrow(ctx.db, ctx, id);
  const [links, cadence, interactions, drafts] = await Promise.all([
    repo.listContactLinks(ctx.db, ctx.workspaceId, { contactId: id }),
    repo.findCadence(ctx.db, ctx.workspaceId, id),
    repo.listInteractions(ctx.db, ctx.workspaceId, id),
    repo.listContactDrafts(ctx.db, ctx.workspaceId, id),
  ]);
  return {
    ...contact,
    links,
    drafts: Object.fromEntries(drafts.map((d) => [d.kind, d.body])),
    interactions,
    cadence: cadence
      ? { ...cadence, next: nextTouches(toCadence(cadence), interactions, ctx.clock.now(), 120) }
      : null,
  };
}

export async function listContacts(
  ctx: ServiceContext,
  filter: { applicationId?: string } = {},
): Promise<ContactRecord[]> {
  return repo.listContacts(ctx.db, ctx.workspaceId, filter);
}

function checked(
  id: string,
  input: ContactCreateInput | (ContactRecord & ContactPatchInput),
): Omit<ContactRecord, 'createdAt' | 'updatedAt'> {
  const valid = validateContact({ ...input, id });
  return { ...valid, howMet: input.howMet ?? null };
}

/** Adds a person met along the way; a name and one way to reach them are required. */
export async function createContact(ctx: ServiceContext, input: ContactCreateInput): Promise<ContactRecord> {
  const now = nowIso(ctx);
  const record: ContactRecord = { ...checked(newId(), input), createdAt: now, updatedAt: now };
  await repo.insertContacts(ctx.db, ctx.workspaceId, [record]);
  return record;
}

export async function updateContact(
  ctx: ServiceContext,
  id: string,
  patch: ContactPatchInput,
): Promise<ContactRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await contactOrThrow(trx, ctx, id);
    const merged = { ...current, ...patch };
    const record: ContactRecord = {
      ...checked(id, merged),
      createdAt: current.createdAt,
      updatedAt: nowIso(ctx),
    };
    await repo.updateContact(trx, ctx.workspaceId, record);
    await refreshTouches(trx, ctx, record);
    if (record.name !== current.name) {
      await refreshSearchDocuments(
        trx,
        ctx.workspaceId,
        await applicationIdsForContact(trx, ctx.workspaceId, id),
      );
    }
    return record;
  });
}

/** Deletes a contact with its links, its keep-in-touch rhythm and its pending touches. */
export async function deleteContact(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await schedule.deleteScheduledByRef(trx, ctx.workspaceId, id);
    const linked = await applicationIdsForContact(trx, ctx.workspaceId, id);
    if (!(await repo.deleteContact(trx, ctx.workspaceId, id))) throw contactNotFound(id);
    await refreshSearchDocuments(trx, ctx.workspaceId, linked);
  });
}

/** Who a feedback request is best addressed to, in order: people who saw the process closely. */
export const FEEDBACK_ROLES = ['hiring_manager', 'interviewer', 'recruiter'] as const;

/** One person in an application's process: the contact and their part in it. */
export interface ApplicationPerson {
  link: ContactLink;
  contact: ContactRecord;
}

/** The people linked to an application, with their part in it, in the order they were linked. */
export async function listApplicationPeople(
  ctx: ServiceContext,
  applicationId: string,
): Promise<ApplicationPerson[]> {
  if (!(await apps.findApplication(ctx.db, ctx.workspaceId, applicationId))) {
    throw new ReboundError('application_not_found', `No application with id ${applicationId}.`, [
      { path: 'id', message: 'not found' },
    ]);
  }
  const [links, contacts] = await Promise.all([
    repo.listContactLinks(ctx.db, ctx.workspaceId, { applicationId }),
    repo.listContacts(ctx.db, ctx.workspaceId, { applicationId }),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return links.flatMap((link) => {
    const contact = byId.get(link.contactId);
    return contact ? [{ link, contact }] : [];
  });
}

/** Removes one link between a person and an application; the contact itself stays. */
export async function unlinkContact(ctx: ServiceContext, linkId: string): Promise<void> {
  if (!(await repo.deleteContactLink(ctx.db, ctx.workspaceId, linkId))) {
    throw new ReboundError('not_found', `No contact link with id ${linkId}.`, [
      { path: 'linkId', message: 'not found' },
    ]);
  }
}

/**
 * Links a contact to an application (and optionally one of its rounds) with their part in it.
 * The same person in the same part twice is refused. A recruiter, interviewer or hiring manager
 * linked while a feedback request is still a draft with no one to send it to becomes its addressee.
 */
export async function linkContact(
  ctx: ServiceContext,
  id: string,
  input: ContactLinkInput,
): Promise<ContactLink> {
  return ctx.db.transaction().execute(async (trx) => {
    const contact = await contactOrThrow(trx, ctx, id);
    const app = await apps.findApplication(trx, ctx.workspaceId, input.applicationId);
    if (!app) {
      throw new ReboundError('application_not_found', `No application with id ${input.applicationId}.`, [
        { path: 'applicationId', message: 'not found' },
      ]);
    }
    if (input.roundId) {
      const rounds = await eventsRepo.listRounds(trx, ctx.workspaceId, input.applicationId);
      if (!rounds.some((r) => r.id === input.roundId)) {
        throw new ReboundError('invalid_input', `roundId: no round ${input.roundId} on this application`, [
          { path: 'roundId', message: 'not a round of this application' },
        ]);
      }
    }
    const existing = await repo.listContactLinks(trx, ctx.workspaceId, {
      applicationId: input.applicationId,
    });
    if (
      existing.some(
        (l) => l.contactId === id && l.role === input.role && l.roundId === (input.roundId ?? null),
      )
    ) {
      throw new ReboundError(
        'conflict',
        `${contact.name} is already linked to this application as ${input.role.replace('_', ' ')}.`,
        [{ path: 'role', message: 'already linked in this role' }],
      );
    }
    const link: ContactLink = {
      id: newId(),
      contactId: id,
      applicationId: input.applicationId,
      roundId: input.roundId ?? null,
      role: input.role,
      createdAt: nowIso(ctx),
    };
    await repo.insertContactLinks(trx, ctx.workspaceId, [link]);
    if ((FEEDBACK_ROLES as readonly string[]).includes(input.role)) {
      const requests = await feedbackRepo.listFeedbackRequests(trx, ctx.workspaceId, input.applicationId);
      for (const f of requests.filter((r) => r.state === 'drafted' && r.contactId === null)) {
        await feedbackRepo.updateFeedbackRequest(trx, ctx.workspaceId, {
          ...f,
          contactId: id,
          updatedAt: nowIso(ctx),
        });
      }
    }
    await refreshSearchDocuments(trx, ctx.workspaceId, [input.applicationId]);
    return link;
  });
}

async function noteFor(
  db: Db,
  ctx: ServiceContext,
  contact: ContactRecord,
  cadence: CadenceRecord,
): Promise<string> {
  const [app, settings] = await Promise.all([
    cadence.applicationId
      ? apps.findApplication(db, ctx.workspaceId, cadence.applicationId)
      : Promise.resolve(undefined),
    readSettings(db, ctx.workspaceId),
  ]);
  return connectionNote(
    {
      contactName: contact.name.split(' ')[0],
      company: app?.company ?? contact.company,
      role: app?.role,
      userName: typeof settings.userName === 'string' ? settings.userName : null,
    },
    loadTemplate('connection-request'),
  );
}

/** Re-plans a contact's pending touches from its cadence and logged interactions. */
async function refreshTouches(db: Db, ctx: ServiceContext, contact: ContactRecord): Promise<void> {
  await schedule.deleteScheduledByRef(db, ctx.workspaceId, contact.id, ['contact_touch']);
  const cadence = await repo.findCadence(db, ctx.workspaceId, contact.id);
  if (!cadence || cadence.stoppedAt) return;
  const interactions = await repo.listInteractions(db, ctx.workspaceId, contact.id);
  const note = await noteFor(db, ctx, contact, cadence);
  await schedule.upsertScheduledItems(
    db,
    ctx.workspaceId,
    touchItems(contact, toCadence(cadence), interactions, ctx.clock.now(), note),
  );
}

/**
 * Starts keeping in touch with a contact (thank-you now, connection request after a few days,
 * a useful touch every few months), or stops it. It belongs to the person: closing the
 * application does not stop it.
 */
export async function setCadence(
  ctx: ServiceContext,
  id: string,
  input: CadenceInputBody,
): Promise<ContactDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const contact = await contactOrThrow(trx, ctx, id);
    const existing = await repo.findCadence(trx, ctx.workspaceId, id);
    if (input.stop) {
      if (!existing)
        throw new ReboundError(
          'invalid_transition',
          `There is no keep-in-touch plan for ${contact.name} to stop.`,
          [{ path: 'stop', message: 'no cadence' }],
        );
      const stopped = stopCadence(toCadence(existing), ctx.clock.now());
      await repo.saveCadence(trx, ctx.workspaceId, { ...existing, stoppedAt: stopped.stoppedAt });
    } else {
      if (input.applicationId && !(await apps.findApplication(trx, ctx.workspaceId, input.applicationId))) {
        throw new ReboundError('application_not_found', `No application with id ${input.applicationId}.`, [
          { path: 'applicationId', message: 'not found' },
        ]);
      }
      const plan = planCadence({
        startAt: nowIso(ctx),
        timeZone: ctx.timeZone,
        connectAfterDays: input.connectAfterDays,
        valueEveryDays: input.valueEveryDays,
      });
      await repo.saveCadence(trx, ctx.workspaceId, {
        contactId: id,
        applicationId: input.applicationId ?? existing?.applicationId ?? null,
        ...plan,
        createdAt: nowIso(ctx),
      });
    }
    await refreshTouches(trx, ctx, contact);
  });
  return getContactOrThrow(ctx, id);
}

/** Logs a touch (or any other contact); the next one is planned from it. */
export async function logInteraction(
  ctx: ServiceContext,
  id: string,
  input: InteractionInput,
): Promise<ContactDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const contact = await contactOrThrow(trx, ctx, id);
    const at = input.at ? new Date(input.at).toISOString() : nowIso(ctx);
    if (at > nowIso(ctx))
      throw new ReboundError('invalid_input', 'at: must not be in the future', [
        { path: 'at', message: 'must not be in the future' },
      ]);
    await repo.insertInteractions(trx, ctx.workspaceId, [
      { id: newId(), contactId: id, kind: input.kind, at, note: input.note ?? null, createdAt: nowIso(ctx) },
    ]);
    await refreshTouches(trx, ctx, contact);
  });
  return getContactOrThrow(ctx, id);
}

/**
 * Keeps the user's own words for a thank-you or connection note to one contact, so they are
 * there when the note is copied later; `null` (or only spaces) goes back to the template's words.
 */
export async function saveContactDraft(
  ctx: ServiceContext,
  id: string,
  kind: repo.ContactDraftKind,
  body: string | null,
): Promise<ContactDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    await contactOrThrow(trx, ctx, id);
    if (body === null || body.trim() === '') await repo.deleteContactDraft(trx, ctx.workspaceId, id, kind);
    else
      await repo.saveContactDraft(trx, ctx.workspaceId, {
        contactId: id,
        kind,
        body,
        updatedAt: nowIso(ctx),
      });
  });
  return getContactOrThrow(ctx, id);
}

/** Every contact as one vCard 4.0 file. */
export async function contactsVcf(ctx: ServiceContext): Promise<string> {
  return buildVcards(await repo.listContacts(ctx.db, ctx.workspaceId));
}
