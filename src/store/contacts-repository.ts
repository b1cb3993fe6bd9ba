import type { Kysely, Selectable } from 'kysely';
import type { TouchKind } from '../core/contacts/cadence.ts';
import type { Contact } from '../core/contacts/contact.ts';
import type { ContactRole } from '../core/contacts/input.ts';
import type { CadenceTable, ContactTable } from './recovery-schema.ts';
import type { Database } from './schema.ts';

/** All SQL about contacts, their links to applications, keep-in-touch rhythms and touches. */

type Db = Kysely<Database>;

export interface ContactRecord extends Contact {
  howMet: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactLink {
  id: string;
  contactId: string;
  applicationId: string;
  roundId: string | null;
  role: ContactRole;
  createdAt: string;
}

export interface CadenceRecord {
  contactId: string;
  applicationId: string | null;
  startAt: string;
  timeZone: string;
  connectAfterDays: number;
  valueEveryDays: number;
  stoppedAt: string | null;
  createdAt: string;
}

export interface InteractionRecord {
  id: string;
  contactId: string;
  kind: TouchKind | 'other';
  at: string;
  note: string | null;
  createdAt: string;
}

function toContact(r: Selectable<ContactTable>): ContactRecord {
  return {
    id: r.id,
    name: r.name,
    company: r.company,
    role: r.role,
    email: r.email,
    linkedinUrl: r.linkedin_url,
    phone: r.phone,
    howMet: r.how_met,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function contactRow(workspaceId: string, c: ContactRecord): ContactTable {
  return {
    id: c.id,
    workspace_id: workspaceId,
    name: c.name,
    company: c.company,
    role: c.role,
    email: c.email,
    linkedin_url: c.linkedinUrl,
    phone: c.phone,
    how_met: c.howMet,
    notes: c.notes,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export async function insertContacts(db: Db, workspaceId: string, rows: ContactRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + 200).map((c) => contactRow(workspaceId, c)))
      .execute();
  }
}

export async function updateContact(db: Db, workspaceId: string, c: ContactRecord): Promise<void> {
  const { id: _id, workspace_id: _ws, created_at: _c, ...rest } = contactRow(workspaceId, c);
  await db
    .updateTable('contacts')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', c.id)
    .execute();
}

export async function findContact(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ContactRecord | undefined> {
  const row = await db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toContact(row) : undefined;
}

export async function listContacts(
  db: Db,
  workspaceId: string,
  filter: { applicationId?: string } = {},
): Promise<ContactRecord[]> {
  let q = db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.applicationId !== undefined) {
    const appId = filter.applicationId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_links')
          .select('contact_links.id')
          .whereRef('contact_links.contact_id', '=', 'contacts.id')
          .where('contact_links.application_id', '=', appId),
      ),
    );
  }
  const rows = await q.orderBy('name').orderBy('id').execute();
  return rows.map(toContact);
}

export async function deleteContact(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('contacts')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- links

/** The e-mail address of each contact linked to an application (for matching mail to it). */
export async function listLinkedContactEmails(
  db: Db,
  workspaceId: string,
): Promise<{ applicationId: string; email: string }[]> {
  const rows = await db
    .selectFrom('contact_links')
    .innerJoin('contacts', 'contacts.id', 'contact_links.contact_id')
    .select(['contact_links.application_id as applicationId', 'contacts.email as email'])
    .where('contact_links.workspace_id', '=', workspaceId)
    .where('contacts.email', 'is not', null)
    .execute();
  return rows.map((r) => ({ applicationId: r.applicationId, email: r.email! }));
}

export async function insertContactLinks(db: Db, workspaceId: string, rows: ContactLink[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('contact_links')
      .values(
        rows.slice(i, i + 200).map((l) => ({
          id: l.id,
          workspace_id: workspaceId,
          contact_id: l.contactId,
          application_id: l.applicationId,
          round_id: l.roundId,
          role: l.role,
          created_at: l.createdAt,
        })),
      )
      .execute();
  }
}

export async function listContactLinks(
  db: Db,
  workspaceId: string,
  filter: { contactId?: string; applicationId?: string } = {},
): Promise<ContactLink[]> {
  let q = db.selectFrom('contact_links').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.contactId !== undefined) q = q.where('contact_id', '=', filter.contactId);
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    applicationId: r.application_id,
    roundId: r.round_id,
    role: r.role as ContactRole,
    createdAt: r.created_at,
  }));
}

export async function deleteContactLink(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('contact_links')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- cadences

function toCadence(r: Selectable<CadenceTable>): CadenceRecord {
  return {
    contactId: r.contact_id,
    applicationId: r.application_id,
    startAt: r.start_at,
    timeZone: r.time_zone,
    connectAfterDays: Number(r.connect_after_days),
    valueEveryDays: Number(r.value_every_days),
    stoppedAt: r.stopped_at,
    createdAt: r.created_at,
  };
}

function cadenceRow(workspaceId: string, c: CadenceRecord): CadenceTable {
  return {
    contact_id: c.contactId,
    workspace_id: workspaceId,
    application_id: c.applicationId,
    start_at: c.startAt,
    time_zone: c.timeZone,
    connect_after_days: c.connectAfterDays,
    value_every_days: c.valueEveryDays,
    stopped_at: c.stoppedAt,
    created_at: c.createdAt,
  };
}

export async function insertCadences(db: Db, workspaceId: string, rows: CadenceRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('cadences')
      .values(rows.slice(i, i + 200).map((c) => cadenceRow(workspaceId, c)))
      .execute();
  }
}

/** Writes the contact's cadence, replacing the previous one. */
export async function saveCadence(db: Db, workspaceId: string, c: CadenceRecord): Promise<void> {
  await db
    .deleteFrom('cadences')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', c.contactId)
    .execute();
  await insertCadences(db, workspaceId, [c]);
}

export async function findCadence(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<CadenceRecord | undefined> {
  const row = await db
    .selectFrom('cadences')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return row ? toCadence(row) : undefined;
}

export async function listCadences(db: Db, workspaceId: string): Promise<CadenceRecord[]> {
  const rows = await db
    .selectFrom('cadences')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('contact_id')
    .execute();
  return rows.map(toCadence);
}

// ---- interactions

export async function insertInteractions(
  db: Db,
  workspaceId: string,
  rows: InteractionRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('interactions')
      .values(
        rows.slice(i, i + 200).map((x) => ({
          id: x.id,
          workspace_id: workspaceId,
          contact_id: x.contactId,
          kind: x.kind,
          at: x.at,
          note: x.note,
          created_at: x.createdAt,
        })),
      )
      .execute();
  }
}

export async function listInteractions(
  db: Db,
  workspaceId: string,
  contactId?: string,
): Promise<InteractionRecord[]> {
  let q = db.selectFrom('interactions').selectAll().where('workspace_id', '=', workspaceId);
  if (contactId !== undefined) q = q.where('contact_id', '=', contactId);
  const rows = await q.orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    kind: r.kind as InteractionRecord['kind'],
    at: r.at,
    note: r.note,
    createdAt: r.created_at,
  }));
}

// ---- drafts: the user's own words for a keep-in-touch note

export type ContactDraftKind = 'thank_you' | 'connection_request';

export interface ContactDraft {
  contactId: string;
  kind: ContactDraftKind;
  body: string;
  updatedAt: string;
}

export async function listContactDrafts(
  db: Db,
  workspaceId: string,
  contactId?: string,
): Promise<ContactDraft[]> {
  let q = db.selectFrom('contact_drafts').selectAll().where('workspace_id', '=', workspaceId);
  if (contactId !== undefined) q = q.where('contact_id', '=', contactId);
  const rows = await q.orderBy('contact_id').orderBy('kind').execute();
  return rows.map((r) => ({
    contactId: r.contact_id,
    kind: r.kind as ContactDraftKind,
    body: r.body,
    updatedAt: r.updated_at,
  }));
}

/** Keeps the user's words for one note (replacing earlier ones); `insertContactDrafts` restores many. */
export async function saveContactDraft(db: Db, workspaceId: string, d: ContactDraft): Promise<void> {
  await deleteContactDraft(db, workspaceId, d.contactId, d.kind);
  await insertContactDrafts(db, workspaceId, [d]);
}

export async function insertContactDrafts(db: Db, workspaceId: string, rows: ContactDraft[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('contact_drafts')
      .values(
        rows.slice(i, i + 200).map((d) => ({
          workspace_id: workspaceId,
          contact_id: d.contactId,
          kind: d.kind,
          body: d.body,
          updated_at: d.updatedAt,
        })),
      )
      .execute();
  }
}

export async function deleteContactDraft(
  db: Db,
  workspaceId: string,
  contactId: string,
  kind: ContactDraftKind,
): Promise<void> {
  await db
    .deleteFrom('contact_drafts')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('kind', '=', kind)
    .execute();
}

/** Removes every contact row of a workspace (restore with replace); links, cadences and touches cascade. */
export async function clearContactData(db: Db, workspaceId: string): Promise<void> {
  for (const table of ['contact_drafts', 'interactions', 'cadences', 'contact_links', 'contacts'] as const) {
    await db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }
}
