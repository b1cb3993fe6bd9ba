import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { InformationalInterviewTable } from './skills-schema.ts';

/** All SQL about informational interviews: conversations held to learn about a role or field. */

type Db = Kysely<Database>;

export interface InfoInterviewRecord {
  id: string;
  contactId: string | null;
  contactName: string | null;
  heldOn: string;
  company: string | null;
  role: string | null;
  learned: string | null;
  followUps: string | null;
  createdAt: string;
  updatedAt: string;
}

function toInterview(r: Selectable<InformationalInterviewTable>): InfoInterviewRecord {
  return {
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    heldOn: r.held_on,
    company: r.company,
    role: r.role,
    learned: r.learned,
    followUps: r.follow_ups,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function interviewRow(workspaceId: string, i: InfoInterviewRecord): InformationalInterviewTable {
  return {
    id: i.id,
    workspace_id: workspaceId,
    contact_id: i.contactId,
    contact_name: i.contactName,
    held_on: i.heldOn,
    company: i.company,
    role: i.role,
    learned: i.learned,
    follow_ups: i.followUps,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

export async function listInfoInterviews(db: Db, workspaceId: string): Promise<InfoInterviewRecord[]> {
  const rows = await db
    .selectFrom('informational_interviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toInterview);
}

export async function findInfoInterview(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<InfoInterviewRecord | undefined> {
  const row = await db
    .selectFrom('informational_interviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toInterview(row) : undefined;
}

export async function insertInfoInterviews(
  db: Db,
  workspaceId: string,
  rows: InfoInterviewRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('informational_interviews')
      .values(rows.slice(i, i + 200).map((r) => interviewRow(workspaceId, r)))
      .execute();
  }
}

export async function updateInfoInterview(
  db: Db,
  workspaceId: string,
  r: InfoInterviewRecord,
): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = interviewRow(workspaceId, r);
  await db
    .updateTable('informational_interviews')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', r.id)
    .execute();
}

export async function deleteInfoInterview(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('informational_interviews')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
