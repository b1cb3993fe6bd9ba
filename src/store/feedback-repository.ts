import type { Kysely, Selectable } from 'kysely';
import type { FeedbackState, FeedbackThemeTag } from '../core/recovery/feedback-state.ts';
import { listPerApplicationRows } from './per-application-rows.ts';
import type { FeedbackRequestTable } from './recovery-schema.ts';
import type { Database } from './schema.ts';

/** All SQL about feedback requests: the note asking what could have gone better, and its answer. */

type Db = Kysely<Database>;

export interface FeedbackRequest {
  id: string;
  rejectionId: string;
  applicationId: string;
  contactId: string | null;
  state: FeedbackState;
  dueAt: string;
  subject: string | null;
  body: string | null;
  sentAt: string | null;
  followUpDueAt: string | null;
  answeredAt: string | null;
  answer: string | null;
  themes: FeedbackThemeTag[];
  createdAt: string;
  updatedAt: string;
}

function toFeedback(r: Selectable<FeedbackRequestTable>): FeedbackRequest {
  return {
    id: r.id,
    rejectionId: r.rejection_id,
    applicationId: r.application_id,
    contactId: r.contact_id,
    state: r.state as FeedbackState,
    dueAt: r.due_at,
    subject: r.subject,
    body: r.body,
    sentAt: r.sent_at,
    followUpDueAt: r.follow_up_due_at,
    answeredAt: r.answered_at,
    answer: r.answer,
    themes: JSON.parse(r.themes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function feedbackRow(workspaceId: string, f: FeedbackRequest): FeedbackRequestTable {
  return {
    id: f.id,
    workspace_id: workspaceId,
    rejection_id: f.rejectionId,
    application_id: f.applicationId,
    contact_id: f.contactId,
    state: f.state,
    due_at: f.dueAt,
    subject: f.subject,
    body: f.body,
    sent_at: f.sentAt,
    follow_up_due_at: f.followUpDueAt,
    answered_at: f.answeredAt,
    answer: f.answer,
    themes: JSON.stringify(f.themes),
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

export async function insertFeedbackRequests(
  db: Db,
  workspaceId: string,
  rows: FeedbackRequest[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('feedback_requests')
      .values(rows.slice(i, i + 200).map((f) => feedbackRow(workspaceId, f)))
      .execute();
  }
}

export async function updateFeedbackRequest(db: Db, workspaceId: string, f: FeedbackRequest): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = feedbackRow(workspaceId, f);
  await db
    .updateTable('feedback_requests')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', f.id)
    .execute();
}

export async function findFeedbackRequest(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<FeedbackRequest | undefined> {
  const row = await db
    .selectFrom('feedback_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toFeedback(row) : undefined;
}

export async function findFeedbackForRejection(
  db: Db,
  workspaceId: string,
  rejectionId: string,
): Promise<FeedbackRequest | undefined> {
  const row = await db
    .selectFrom('feedback_requests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('rejection_id', '=', rejectionId)
    .executeTakeFirst();
  return row ? toFeedback(row) : undefined;
}

export async function listFeedbackRequests(
  db: Db,
  workspaceId: string,
  applicationId?: string,
): Promise<FeedbackRequest[]> {
  const rows = await listPerApplicationRows(
    db,
    'feedback_requests',
    ['created_at', 'id'],
    workspaceId,
    applicationId,
  );
  return rows.map(toFeedback);
}
