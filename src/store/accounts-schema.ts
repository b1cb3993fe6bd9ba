// Tables of hosted accounts (migration 2026_11_28_0900_accounts). Local mode never writes them.

import type { Role, ShareScope } from '../core/accounts/scopes.ts';

export interface UserTable {
  id: string;
  /** The user's own workspace: their job search. */
  workspace_id: string;
  /** Stored lower-cased and trimmed; unique. */
  email: string;
  name: string;
  /** argon2id, PHC string. */
  password_hash: string;
  role: Role;
  /** Unguessable part of the user's calendar feed URL. */
  calendar_secret: string;
  created_at: string;
  password_changed_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  id: string;
  workspace_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface AccessTokenTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** The token's first characters, to tell tokens apart in a list. */
  hint: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  invited_by: string;
  token_hash: string;
  email: string;
  role: Role;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuthAttemptTable {
  key: string;
  attempted_at: string;
}

export interface InstanceSettingTable {
  key: string;
  value: string;
}

export interface ShareTable {
  id: string;
  /** The seeker's workspace being shared. */
  workspace_id: string;
  owner_id: string;
  /** Lower-cased; the coach may not have an account yet. */
  coach_email: string;
  /** JSON array of ShareScope. */
  scopes: string;
  /** Last day the share is valid (inclusive), or null for no end. */
  ends_on: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ShareViewTable {
  id: string;
  workspace_id: string;
  share_id: string;
  viewer_id: string;
  scope: ShareScope;
  what: string;
  viewed_at: string;
}

export interface ReminderSentTable {
  workspace_id: string;
  user_id: string;
  /** The person's local day the reminder was for. */
  day: string;
  sent_at: string;
}
