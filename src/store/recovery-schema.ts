/** Tables of the recovery loop (issue 3), as Kysely sees them; listed in `Database` (schema.ts). */

export interface RejectionTable {
  id: string;
  workspace_id: string;
  application_id: string;
  stage_reached: string;
  channel: string;
  rejected_at: string;
  reason_given: string | null;
  /** JSON array of tag keys. */
  reason_tags: string;
  /** Null when the pause was skipped. */
  cool_off_hours: number | null;
  cool_off_ends_at: string;
  reopened_at: string | null;
  created_at: string;
  updated_at: string;
  /** The step of the guided flow the user reached (`pause`, `feedback`, `look-back`, `keep-in-touch`). */
  flow_step: string | null;
}

export interface JournalEntryTable {
  id: string;
  workspace_id: string;
  written_at: string;
  mood: number | null;
  text: string;
  /** JSON array of strings. */
  tags: string;
  rejection_id: string | null;
}

export interface FeedbackRequestTable {
  id: string;
  workspace_id: string;
  rejection_id: string;
  application_id: string;
  contact_id: string | null;
  state: string;
  due_at: string;
  subject: string | null;
  body: string | null;
  sent_at: string | null;
  follow_up_due_at: string | null;
  answered_at: string | null;
  answer: string | null;
  /** JSON array of { theme, name? }. */
  themes: string;
  created_at: string;
  updated_at: string;
}

export interface PostMortemItemTable {
  workspace_id: string;
  application_id: string;
  key: string;
  rating: string;
  note: string | null;
  rated_at: string;
}

export interface ActionItemTable {
  id: string;
  workspace_id: string;
  application_id: string | null;
  source: string;
  source_key: string | null;
  text: string;
  due_on: string;
  status: string;
  created_at: string;
  done_at: string | null;
}

export interface ContactTable {
  id: string;
  workspace_id: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  linkedin_url: string | null;
  phone: string | null;
  how_met: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactLinkTable {
  id: string;
  workspace_id: string;
  contact_id: string;
  application_id: string;
  round_id: string | null;
  role: string;
  created_at: string;
}

export interface CadenceTable {
  contact_id: string;
  workspace_id: string;
  application_id: string | null;
  start_at: string;
  time_zone: string;
  connect_after_days: number;
  value_every_days: number;
  stopped_at: string | null;
  created_at: string;
}

export interface InteractionTable {
  id: string;
  workspace_id: string;
  contact_id: string;
  kind: string;
  at: string;
  note: string | null;
  created_at: string;
}

export interface ScheduledItemTable {
  workspace_id: string;
  /** The DueItem id, stable across rebuilds (`feedback_send:<id>`). */
  id: string;
  kind: string;
  /** The record that completes it (feedback request, rejection, action item, contact). */
  ref_id: string;
  title: string;
  detail: string | null;
  /** ISO instant, or YYYY-MM-DD for day items. */
  due_at: string;
  starts_at: string | null;
  ends_at: string | null;
  application_id: string | null;
  contact_id: string | null;
  nudge: number;
}

/** The user's own words for a keep-in-touch note to one contact, one per kind. */
export interface ContactDraftTable {
  workspace_id: string;
  contact_id: string;
  /** `thank_you` or `connection_request`. */
  kind: string;
  body: string;
  updated_at: string;
}
