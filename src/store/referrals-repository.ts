import type { Kysely } from 'kysely';
import type { ReferralAsk, ReferralAskStatus } from '../core/referrals/asks.ts';
import { listPerApplicationRows } from './per-application-rows.ts';
import type { Database } from './schema.ts';

/** All SQL about connections (contacts from a connections export) and referral asks. */

type Db = Kysely<Database>;

export interface ConnectionTable {
  workspace_id: string;
  contact_id: string;
  /** `linkedin` for LinkedIn's Connections.csv, `csv` for another contacts file, `sample` for sample data. */
  source: string;
  connected_on: string | null;
  imported_at: string;
}

export interface ReferralAskTable {
  id: string;
  workspace_id: string;
  application_id: string;
  contact_id: string;
  status: string;
  asked_on: string;
  status_on: string;
  created_at: string;
  updated_at: string;
}

export interface ConnectionRecord {
  contactId: string;
  source: string;
  connectedOn: string | null;
  importedAt: string;
}

export async function listConnections(db: Db, workspaceId: string): Promise<ConnectionRecord[]> {
  const rows = await db
    .selectFrom('connections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('contact_id')
    .execute();
  return rows.map((r) => ({
    contactId: r.contact_id,
    source: r.source,
    connectedOn: r.connected_on,
    importedAt: r.imported_at,
  }));
}

/** Marks contacts as connections; a contact marked already keeps its first mark (an earlier connected-on day wins). */
export async function insertConnections(
  db: Db,
  workspaceId: string,
  rows: ConnectionRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('connections')
      .values(
        rows.slice(i, i + 200).map((c) => ({
          workspace_id: workspaceId,
          contact_id: c.contactId,
          source: c.source,
          connected_on: c.connectedOn,
          imported_at: c.importedAt,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'contact_id']).doNothing())
      .execute();
  }
}

function toAsk(r: ReferralAskTable): ReferralAsk {
  return {
    id: r.id,
    applicationId: r.application_id,
    contactId: r.contact_id,
    status: r.status as ReferralAskStatus,
    askedOn: r.asked_on,
    statusOn: r.status_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listReferralAsks(
  db: Db,
  workspaceId: string,
  filter: { applicationId?: string } = {},
): Promise<ReferralAsk[]> {
  const { applicationId } = filter;
  const rows = await listPerApplicationRows(
    db,
    'referral_asks',
    ['created_at', 'id'],
    workspaceId,
    applicationId,
  );
  return rows.map(toAsk);
}

export async function insertReferralAsks(db: Db, workspaceId: string, rows: ReferralAsk[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('referral_asks')
      .values(
        rows.slice(i, i + 200).map((a) => ({
          id: a.id,
          workspace_id: workspaceId,
          application_id: a.applicationId,
          contact_id: a.contactId,
          status: a.status,
          asked_on: a.askedOn,
          status_on: a.statusOn,
          created_at: a.createdAt,
          updated_at: a.updatedAt,
        })),
      )
      .execute();
  }
}

export async function updateReferralAsk(db: Db, workspaceId: string, a: ReferralAsk): Promise<void> {
  await db
    .updateTable('referral_asks')
    .set({ status: a.status, status_on: a.statusOn, updated_at: a.updatedAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', a.id)
    .execute();
}

/** Removes every connection mark and ask of a workspace (restore with replace). */
export async function clearReferralData(db: Db, workspaceId: string): Promise<void> {
  for (const table of ['referral_asks', 'connections'] as const) {
    await db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }
}

export interface OpenApplicationRow {
  id: string;
  company: string;
  role: string;
  stage: string;
  lastResponseOn: string | null;
  appliedOn: string | null;
}

/** Applications not closed yet (saved or open), with what the referral and notice checks read. */
export async function listOpenApplications(db: Db, workspaceId: string): Promise<OpenApplicationRow[]> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'company', 'role', 'stage', 'last_response_on', 'applied_on'])
    .where('workspace_id', '=', workspaceId)
    .where('outcome', 'is', null)
    .orderBy('company')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    company: r.company,
    role: r.role,
    stage: r.stage,
    lastResponseOn: r.last_response_on,
    appliedOn: r.applied_on,
  }));
}

/** The scheduled days of interview rounds, by application (date part only; undated rounds left out). */
export async function listInterviewDays(
  db: Db,
  workspaceId: string,
  applicationIds?: readonly string[],
): Promise<Map<string, string[]>> {
  let q = db
    .selectFrom('interview_rounds')
    .select(['application_id', 'scheduled_at'])
    .where('workspace_id', '=', workspaceId)
    .where('scheduled_at', 'is not', null);
  if (applicationIds !== undefined) {
    if (applicationIds.length === 0) return new Map();
    q = q.where('application_id', 'in', [...applicationIds]);
  }
  const out = new Map<string, string[]>();
  for (const r of await q.execute()) {
    const day = String(r.scheduled_at).slice(0, 10);
    out.set(r.application_id, [...(out.get(r.application_id) ?? []), day]);
  }
  return out;
}
