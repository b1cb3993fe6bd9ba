import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it. Dates are ISO text in both dialects (`YYYY-MM-DD` for days,
 * full ISO instants for timestamps) so SQLite and PostgreSQL store and sort them the same way.
 * JSON payloads are text; the repositories parse them at the edge.
 */
export interface Database {
  workspaces: WorkspaceTable;
  settings: SettingTable;
  applications: ApplicationTable;
  application_tags: ApplicationTagTable;
  application_events: ApplicationEventTable;
  interview_rounds: InterviewRoundTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SettingTable {
  workspace_id: string;
  key: string;
  value: string;
}

export interface ApplicationTable {
  id: string;
  workspace_id: string;
  company: string;
  role: string;
  job_url: string | null;
  location: string | null;
  work_mode: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  job_description: string | null;
  channel: string;
  kind: string;
  resume_version: string | null;
  cover_letter_version: string | null;
  notes: string | null;
  priority: number | null;
  excitement: number | null;
  applied_on: string | null;
  // Derived from application_events in the same transaction that writes an event; the
  // events stay the source of truth (see services/applications).
  stage: string;
  furthest_stage: string;
  outcome: string | null;
  closed_on: string | null;
  last_response_on: string | null;
  last_activity_on: string | null;
  source_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationTagTable {
  workspace_id: string;
  application_id: string;
  tag: string;
}

export interface ApplicationEventTable {
  id: string;
  workspace_id: string;
  application_id: string;
  seq: number;
  type: string;
  occurred_on: string;
  recorded_at: string;
  data: string;
}

export interface InterviewRoundTable {
  id: string;
  workspace_id: string;
  application_id: string;
  number: number;
  kind: string;
  scheduled_at: string | null;
  who: string | null;
  notes: string | null;
  created_at: string;
}

export type { ColumnType, Generated };
