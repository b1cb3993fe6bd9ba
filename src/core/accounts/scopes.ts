import { z } from 'zod';

/**
 * Who may do what on a hosted server. Local mode has no accounts and none of this applies.
 *
 * - A **seeker** owns one workspace (their job search) and decides what to share.
 * - A **coach** reads what seekers share with them, scope by scope, and has a caseload.
 * - An **admin** runs the server: invitations, open sign-up, cohorts; also a seeker and a coach.
 * - An **analyst** sees only cohort aggregates, never one person's data.
 */
export const ROLES = ['admin', 'coach', 'seeker', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  coach: 'Coach',
  seeker: 'Job seeker',
  analyst: 'Analyst',
};

/**
 * What a seeker can share with a coach. The journal, moods and the writing after a no are not
 * here on purpose: they are never shareable.
 */
export const SHARE_SCOPES = ['applications', 'insights', 'goals', 'contacts', 'notes'] as const;
export type ShareScope = (typeof SHARE_SCOPES)[number];

export const SHARE_SCOPE_LABELS: Record<ShareScope, string> = {
  applications: 'Applications and their stages',
  insights: 'Insights and channels',
  goals: 'Goals, wins and the weekly plan',
  contacts: 'Contacts',
  notes: 'Notes and post-mortems',
};

/** True when a share is in force on `today` (not revoked, not past its last day). */
export function shareIsActive(
  share: { revokedAt: string | null; endsOn: string | null },
  today: string,
): boolean {
  return share.revokedAt === null && (share.endsOn === null || share.endsOn >= today);
}

/** Normalises an e-mail address for comparison and storage. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Wire shapes that are never shown to anyone but the workspace's owner, whatever was shared: the
 * journal (and its moods, and the load signal read from them) and the writing after a no. A schema registered here is removed from
 * every response served to a coach (src/server/shared-view.ts), wherever it appears: an element
 * of a list is dropped, an optional field left out, a nullable one sent as null.
 */
export const neverShared = z.registry<{ what: string }>();
