import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';

/** All SQL of getting data in: the mail review queue, and the import keys already in the database. */

type Db = Kysely<Database>;

export interface MailMessageTable {
  id: string;
  workspace_id: string;
  message_key: string;
  from_address: string | null;
  from_name: string | null;
  subject: string;
  sent_at: string | null;
  excerpt: string;
  kind: string;
  confidence: number;
  evidence: string;
  application_id: string | null;
  match_score: number | null;
  /** JSON list of why it was matched (migration 2026_11_28_1000_mail_match). */
  match_reasons: string;
  status: string;
  action: string | null;
  created_at: string;
  updated_at: string;
}

export type MailStatus = 'pending' | 'applied' | 'dismissed';

export interface MailMessageRecord {
  id: string;
  messageKey: string;
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  sentAt: string | null;
  /** The start of the message's text, for the person reviewing it. */
  excerpt: string;
  kind: string;
  confidence: number;
  evidence: string[];
  applicationId: string | null;
  matchScore: number | null;
  /** Why it was matched to its application (signals used), or why no one application. */
  matchReasons: string[];
  status: MailStatus;
  /** What was done when it was applied (`outcome_set`, `response+stage_changed`…), or why it waits. */
  action: string | null;
  createdAt: string;
  updatedAt: string;
}

function toRecord(row: Selectable<MailMessageTable>): MailMessageRecord {
  return {
    id: row.id,
    messageKey: row.message_key,
    fromAddress: row.from_address,
    fromName: row.from_name,
    subject: row.subject,
    sentAt: row.sent_at,
    excerpt: row.excerpt,
    kind: row.kind,
    confidence: Number(row.confidence),
    evidence: JSON.parse(row.evidence) as string[],
    applicationId: row.application_id,
    matchScore: row.match_score === null ? null : Number(row.match_score),
    matchReasons: JSON.parse(row.match_reasons) as string[],
    status: row.status as MailStatus,
    action: row.action,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(workspaceId: string, r: MailMessageRecord): MailMessageTable {
  return {
    id: r.id,
    workspace_id: workspaceId,
    message_key: r.messageKey,
    from_address: r.fromAddress,
    from_name: r.fromName,
    subject: r.subject,
    sent_at: r.sentAt,
    excerpt: r.excerpt,
    kind: r.kind,
    confidence: r.confidence,
    evidence: JSON.stringify(r.evidence),
    application_id: r.applicationId,
    match_score: r.matchScore,
    match_reasons: JSON.stringify(r.matchReasons),
    status: r.status,
    action: r.action,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

export async function insertMailMessages(
  db: Db,
  workspaceId: string,
  records: MailMessageRecord[],
): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < records.length; i += CHUNK) {
    await db
      .insertInto('mail_messages')
      .values(records.slice(i, i + CHUNK).map((r) => toRow(workspaceId, r)))
      .execute();
  }
}

/** The keys of the given messages that are already stored. */
export async function existingMessageKeys(db: Db, workspaceId: string, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const CHUNK = 500;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom('mail_messages')
      .select('message_key')
      .where('workspace_id', '=', workspaceId)
      .where('message_key', 'in', keys.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.message_key);
  }
  return found;
}

export async function findMailMessage(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<MailMessageRecord | undefined> {
  const row = await db
    .selectFrom('mail_messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Messages with the given status (all when omitted), newest first. */
export async function listMailMessages(
  db: Db,
  workspaceId: string,
  status?: MailStatus,
): Promise<MailMessageRecord[]> {
  let query = db.selectFrom('mail_messages').selectAll().where('workspace_id', '=', workspaceId);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('sent_at', 'desc').orderBy('id').execute();
  return rows.map(toRecord);
}

export async function updateMailMessage(
  db: Db,
  workspaceId: string,
  id: string,
  change: {
    status: MailStatus;
    action: string | null;
    applicationId?: string | null;
    kind?: string;
    updatedAt: string;
  },
): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({
      status: change.status,
      action: change.action,
      updated_at: change.updatedAt,
      ...(change.applicationId !== undefined ? { application_id: change.applicationId } : {}),
      ...(change.kind !== undefined ? { kind: change.kind } : {}),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function clearMailMessages(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('mail_messages').where('workspace_id', '=', workspaceId).execute();
}

/** Every import key (applications.source_key) of the workspace: what a re-import must not add again. */
export async function listSourceKeys(db: Db, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('applications')
    .select('source_key')
    .where('workspace_id', '=', workspaceId)
    .where('source_key', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.source_key!));
}

/** The messages matched to one application, newest first. */
export async function listMailMessagesForApplication(
  db: Db,
  workspaceId: string,
  applicationId: string,
): Promise<MailMessageRecord[]> {
  const rows = await db
    .selectFrom('mail_messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('application_id', '=', applicationId)
    .orderBy('sent_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/** Company, role and dates of every application: what the likely-duplicate check compares. */
export async function listApplicationKeys(
  db: Db,
  workspaceId: string,
): Promise<
  Array<{ id: string; company: string; role: string; appliedOn: string | null; createdOn: string }>
> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'company', 'role', 'applied_on', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    company: r.company,
    role: r.role,
    appliedOn: r.applied_on,
    createdOn: r.created_at.slice(0, 10),
  }));
}

/** Gives an application the source key of the imported row merged into it, when it has none. */
export async function setSourceKeyIfMissing(
  db: Db,
  workspaceId: string,
  id: string,
  sourceKey: string,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ source_key: sourceKey })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('source_key', 'is', null)
    .execute();
}
