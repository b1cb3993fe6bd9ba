import type { Kysely } from 'kysely';
import type { KnownSender } from '../core/mail/match-index.ts';
import type { Database } from './schema.ts';

/** All SQL of the senders a user confirmed for a company (an address or a domain), per workspace. */

type Db = Kysely<Database>;

export interface MailSenderTable {
  workspace_id: string;
  /** A lower-case address (`jo@acme.com`, `acme@myworkday.com`) or domain (`acme.com`). */
  sender: string;
  /** The company's name as the user's application spells it. */
  company: string;
  confirmations: number;
  updated_at: string;
}

export interface MailSenderRecord extends KnownSender {
  confirmations: number;
  updatedAt: string;
}

/** Every confirmed sender of the workspace, for the matcher. */
export async function listMailSenders(db: Db, workspaceId: string): Promise<MailSenderRecord[]> {
  const rows = await db
    .selectFrom('mail_senders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('sender')
    .execute();
  return rows.map((r) => ({
    sender: r.sender,
    company: r.company,
    confirmations: Number(r.confirmations),
    updatedAt: r.updated_at,
  }));
}

/** Records that `sender` writes for `company`; a sender confirmed again for another company moves to it. */
export async function rememberMailSender(
  db: Db,
  workspaceId: string,
  sender: string,
  company: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('mail_senders')
    .values({ workspace_id: workspaceId, sender, company, confirmations: 1, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'sender']).doUpdateSet((eb) => ({
        company,
        confirmations: eb('mail_senders.confirmations', '+', 1),
        updated_at: now,
      })),
    )
    .execute();
}

/** Restores senders from a backup. */
export async function insertMailSenders(
  db: Db,
  workspaceId: string,
  senders: MailSenderRecord[],
): Promise<void> {
  if (senders.length === 0) return;
  await db
    .insertInto('mail_senders')
    .values(
      senders.map((s) => ({
        workspace_id: workspaceId,
        sender: s.sender,
        company: s.company,
        confirmations: s.confirmations,
        updated_at: s.updatedAt,
      })),
    )
    .execute();
}

export async function clearMailSenders(db: Db, workspaceId: string): Promise<void> {
  await db.deleteFrom('mail_senders').where('workspace_id', '=', workspaceId).execute();
}
