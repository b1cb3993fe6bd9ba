import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface AiEndpointTable {
  workspace_id: string;
  base_url: string;
  model: string;
  api_key: string | null;
  updated_at: string;
}

export interface AiCallTable {
  id: string;
  workspace_id: string;
  at: string;
  feature: string;
  chars_sent: number;
  base_url: string;
  model: string;
  status: string;
}

export interface AiReplySummaryTable {
  feedback_request_id: string;
  workspace_id: string;
  summary: string;
  updated_at: string;
}

export interface AiEndpointRecord {
  baseUrl: string;
  model: string;
  /** Sealed with the secret box; never returned to a client. */
  sealedKey: string | null;
  updatedAt: string;
}

export interface AiCallRecord {
  id: string;
  at: string;
  feature: string;
  charsSent: number;
  baseUrl: string;
  model: string;
  status: string;
}

export async function getEndpoint(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<AiEndpointRecord | null> {
  const row = await db
    .selectFrom('ai_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row
    ? { baseUrl: row.base_url, model: row.model, sealedKey: row.api_key, updatedAt: row.updated_at }
    : null;
}

export async function saveEndpoint(
  db: Kysely<Database>,
  workspaceId: string,
  e: AiEndpointRecord,
): Promise<void> {
  const values = { base_url: e.baseUrl, model: e.model, api_key: e.sealedKey, updated_at: e.updatedAt };
  await db
    .insertInto('ai_endpoints')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute();
}

export async function deleteEndpoint(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await db.deleteFrom('ai_endpoints').where('workspace_id', '=', workspaceId).execute();
}

export async function insertCall(db: Kysely<Database>, workspaceId: string, c: AiCallRecord): Promise<void> {
  await db
    .insertInto('ai_calls')
    .values({
      id: c.id,
      workspace_id: workspaceId,
      at: c.at,
      feature: c.feature,
      chars_sent: c.charsSent,
      base_url: c.baseUrl,
      model: c.model,
      status: c.status,
    })
    .execute();
}

export async function listCalls(
  db: Kysely<Database>,
  workspaceId: string,
  limit = 100,
): Promise<AiCallRecord[]> {
  const rows = await db
    .selectFrom('ai_calls')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    feature: r.feature,
    charsSent: r.chars_sent,
    baseUrl: r.base_url,
    model: r.model,
    status: r.status,
  }));
}

/** The theme summary kept beside a feedback reply, or null when there is none. */
export async function getReplySummary(
  db: Kysely<Database>,
  workspaceId: string,
  feedbackRequestId: string,
): Promise<{ summary: string; updatedAt: string } | null> {
  const row = await db
    .selectFrom('ai_reply_summaries')
    .select(['summary', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('feedback_request_id', '=', feedbackRequestId)
    .executeTakeFirst();
  return row ? { summary: row.summary, updatedAt: row.updated_at } : null;
}

export async function saveReplySummary(
  db: Kysely<Database>,
  workspaceId: string,
  feedbackRequestId: string,
  summary: string,
  updatedAt: string,
): Promise<void> {
  await db
    .insertInto('ai_reply_summaries')
    .values({
      feedback_request_id: feedbackRequestId,
      workspace_id: workspaceId,
      summary,
      updated_at: updatedAt,
    })
    .onConflict((oc) => oc.column('feedback_request_id').doUpdateSet({ summary, updated_at: updatedAt }))
    .execute();
}

export async function deleteReplySummary(
  db: Kysely<Database>,
  workspaceId: string,
  feedbackRequestId: string,
): Promise<void> {
  await db
    .deleteFrom('ai_reply_summaries')
    .where('workspace_id', '=', workspaceId)
    .where('feedback_request_id', '=', feedbackRequestId)
    .execute();
}

/** Every reply summary of a workspace, for the backup. */
export async function listReplySummaries(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<Array<{ feedbackRequestId: string; summary: string; updatedAt: string }>> {
  const rows = await db
    .selectFrom('ai_reply_summaries')
    .select(['feedback_request_id', 'summary', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('feedback_request_id')
    .execute();
  return rows.map((r) => ({
    feedbackRequestId: r.feedback_request_id,
    summary: r.summary,
    updatedAt: r.updated_at,
  }));
}

export async function clearReplySummaries(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await db.deleteFrom('ai_reply_summaries').where('workspace_id', '=', workspaceId).execute();
}
