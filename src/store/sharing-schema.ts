// Tables of coaching and cohorts (migration 2026_11_28_0920_sharing). Local mode never writes them.

export interface CoachNoteTable {
  id: string;
  /** The seeker's workspace the note is about. */
  workspace_id: string;
  coach_id: string;
  text: string;
  /** 1 when the seeker may read it; 0 keeps it the coach's own. */
  shared_with_seeker: number;
  created_at: string;
}

export type ProposalStatus = 'proposed' | 'accepted' | 'declined';

export interface PlanProposalTable {
  id: string;
  /** The seeker's workspace. */
  workspace_id: string;
  coach_id: string;
  text: string;
  /** Monday of the week it is for. */
  week_of: string;
  status: ProposalStatus;
  /** What the seeker accepted (their edit, or the coach's words). */
  answer: string | null;
  /** The weekly goal accepting added, when there is one. */
  goal_id: string | null;
  created_at: string;
  answered_at: string | null;
}

export interface CohortTable {
  id: string;
  /** The workspace of the admin who made it. */
  workspace_id: string;
  name: string;
  created_by: string;
  created_at: string;
}

export type CohortMemberStatus = 'invited' | 'accepted' | 'declined';

export interface CohortMemberTable {
  id: string;
  /** The member's own workspace (whose numbers count once they accept). */
  workspace_id: string;
  cohort_id: string;
  user_id: string;
  /** JSON array of tags. */
  tags: string;
  status: CohortMemberStatus;
  invited_at: string;
  answered_at: string | null;
}
