import type { ColumnType, Generated } from 'kysely';
import type {
  ApplicationKind,
  Channel,
  EventType,
  Outcome,
  RoundKind,
  Stage,
  WorkMode,
} from '../core/applications/application.ts';

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
  // Recovery loop (issue 3): see recovery-schema.ts.
  rejections: import('./recovery-schema.ts').RejectionTable;
  journal_entries: import('./recovery-schema.ts').JournalEntryTable;
  feedback_requests: import('./recovery-schema.ts').FeedbackRequestTable;
  post_mortem_items: import('./recovery-schema.ts').PostMortemItemTable;
  action_items: import('./recovery-schema.ts').ActionItemTable;
  contacts: import('./recovery-schema.ts').ContactTable;
  contact_links: import('./recovery-schema.ts').ContactLinkTable;
  contact_drafts: import('./recovery-schema.ts').ContactDraftTable;
  cadences: import('./recovery-schema.ts').CadenceTable;
  interactions: import('./recovery-schema.ts').InteractionTable;
  scheduled_items: import('./recovery-schema.ts').ScheduledItemTable;
  time_logs: TimeLogTable;
  weekly_goals: WeeklyGoalTable;
  goal_progress: GoalProgressTable;
  wins: WinTable;
  planned_breaks: PlannedBreakTable;
  workspace_revisions: WorkspaceRevisionTable;
  // Skills loop (issue 5): see skills-repository.ts.
  custom_skills: import('./skills-schema.ts').CustomSkillTable;
  resume_versions: import('./skills-schema.ts').ResumeVersionTable;
  learning_plan_items: import('./skills-schema.ts').LearningPlanItemTable;
  informational_interviews: import('./skills-schema.ts').InformationalInterviewTable;
  // Getting data in (issue 6): see imports-repository.ts.
  mail_messages: import('./imports-repository.ts').MailMessageTable;
  // Mail sync (issue 14): see mail-sync-repository.ts.
  mail_accounts: import('./mail-sync-repository.ts').MailAccountTable;
  mail_sync_folders: import('./mail-sync-repository.ts').MailSyncFolderTable;
  // Senders the user confirmed for a company (issue 14): see mail-senders-repository.ts.
  mail_senders: import('./mail-senders-repository.ts').MailSenderTable;
  // Your own model (issue 17): see ai-repository.ts.
  ai_endpoints: import('./ai-repository.ts').AiEndpointTable;
  ai_calls: import('./ai-repository.ts').AiCallTable;
  ai_reply_summaries: import('./ai-repository.ts').AiReplySummaryTable;
  // Per-application history summaries (issue 12): see summaries-repository.ts.
  application_summaries: ApplicationSummaryTable;
  // Running insight tallies (migration 2026_12_01_0900_insight_tallies): see insight-tallies-repository.ts.
  insight_tallies: import('./insight-tallies-repository.ts').InsightTallyTable;
  // Full-text search (migration 2026_11_27_1500_rounds_search): see search-repository.ts.
  application_search: ApplicationSearchTable;
  // Hosted accounts and consent (issue 13): see accounts-schema.ts.
  users: import('./accounts-schema.ts').UserTable;
  sessions: import('./accounts-schema.ts').SessionTable;
  access_tokens: import('./accounts-schema.ts').AccessTokenTable;
  invitations: import('./accounts-schema.ts').InvitationTable;
  password_resets: import('./accounts-schema.ts').PasswordResetTable;
  auth_attempts: import('./accounts-schema.ts').AuthAttemptTable;
  instance_settings: import('./accounts-schema.ts').InstanceSettingTable;
  shares: import('./accounts-schema.ts').ShareTable;
  share_views: import('./accounts-schema.ts').ShareViewTable;
  reminders_sent: import('./accounts-schema.ts').ReminderSentTable;
  // Coaching and cohorts (migration 2026_11_28_0920_sharing): see sharing-schema.ts.
  coach_notes: import('./sharing-schema.ts').CoachNoteTable;
  plan_proposals: import('./sharing-schema.ts').PlanProposalTable;
  cohorts: import('./sharing-schema.ts').CohortTable;
  cohort_members: import('./sharing-schema.ts').CohortMemberTable;
  // Referral paths (issue 16): see referrals-repository.ts.
  connections: import('./referrals-repository.ts').ConnectionTable;
  referral_asks: import('./referrals-repository.ts').ReferralAskTable;
  // The weekly plan and the writing after a no (issue 16): see week-repository.ts, writing-repository.ts.
  week_steps: WeekStepTable;
  /** PRIVATE: never shared (no coach, no "shareable" view); in a backup only when asked for. */
  writing_sessions: WritingSessionTable;
}

export interface WeekStepTable {
  id: string;
  workspace_id: string;
  week_start: string;
  day: string;
  time: string | null;
  place: string;
  what: string;
  minutes: number;
  channel: string;
  status: string;
  moved_from: string | null;
  settled_at: string | null;
  /** `sample:` for the sample plan (removed with the sample data). */
  source_key: string | null;
  created_at: string;
}

/** PRIVATE: what a person wrote after a rejection. Never shared; see the migration 2026_11_28_1100. */
export interface WritingSessionTable {
  id: string;
  workspace_id: string;
  application_id: string;
  number: number;
  written_on: string;
  prompt: string;
  body: string;
  created_at: string;
  updated_at: string;
}

/** One searchable document per application (FTS5 on SQLite, GIN-indexed on PostgreSQL). */
export interface ApplicationSearchTable {
  application_id: string;
  workspace_id: string;
  body: string;
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
  website: string | null;
  location: string | null;
  work_mode: WorkMode | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  job_description: string | null;
  channel: Channel;
  kind: ApplicationKind;
  resume_version: string | null;
  cover_letter_version: string | null;
  notes: string | null;
  priority: number | null;
  excitement: number | null;
  applied_on: string | null;
  // Derived from application_events in the same transaction that writes an event; the
  // events stay the source of truth (see services/applications).
  stage: Stage;
  furthest_stage: Stage;
  outcome: Outcome | null;
  closed_on: string | null;
  last_response_on: string | null;
  last_activity_on: string | null;
  source_key: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * What an application's history says beyond the derived columns on `applications`, one row per
 * application, written in the same transaction as each event (`summarizeHistory`).
 */
export interface ApplicationSummaryTable {
  application_id: string;
  workspace_id: string;
  /** First day each stage was reached, one column per stage. */
  saved_on: string | null;
  applied_on: string | null;
  screening_on: string | null;
  interviewing_on: string | null;
  offer_on: string | null;
  accepted_on: string | null;
  first_applied_on: string | null;
  first_response_on: string | null;
  event_count: number;
  round_count: number;
  response_count: number;
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
  type: EventType;
  occurred_on: string;
  recorded_at: string;
  data: string;
}

export interface InterviewRoundTable {
  id: string;
  workspace_id: string;
  application_id: string;
  number: number;
  kind: RoundKind;
  scheduled_at: string | null;
  start_time: string | null;
  duration_minutes: number | null;
  who: string | null;
  notes: string | null;
  created_at: string;
  /** 1 while the application is open (no outcome), 0 once closed; kept by the store (Today counts by it). */
  application_open: Generated<number>;
}

// Insights, channels and wellbeing (migration 2026_11_22_1100_insights).
export interface TimeLogTable {
  id: string;
  workspace_id: string;
  channel: string;
  minutes: number;
  logged_on: string;
  note: string | null;
  created_at: string;
}

export interface WeeklyGoalTable {
  id: string;
  workspace_id: string;
  kind: string;
  target: number;
  unit: string;
  label: string | null;
  /** Monday of the one week this goal is for (an accepted check-in); null: every week. */
  week_start: string | null;
  created_at: string;
}

export interface GoalProgressTable {
  id: string;
  workspace_id: string;
  goal_id: string;
  done_on: string;
  amount: number;
  created_at: string;
}

export interface WinTable {
  id: string;
  workspace_id: string;
  won_on: string;
  text: string;
  application_id: string | null;
  created_at: string;
}

export interface PlannedBreakTable {
  id: string;
  workspace_id: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: string;
}

/** PostgreSQL only: bumped once per statement that writes applications, their tags or events (see readRevision). */
export interface WorkspaceRevisionTable {
  workspace_id: string;
  revision: number;
}

export type { ColumnType, Generated };
