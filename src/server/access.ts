import type { ShareScope } from '../core/accounts/scopes.ts';

/**
 * Which routes a hosted server answers without an account, and which share scope a coach needs
 * to read each route of a seeker's workspace. A route not listed in SHARED_READS is the owner's
 * alone (settings, backup, exports, imports, the journal, moods, writing): a coach is refused it
 * whatever was shared. `access.test.ts` fails when a route of the API is in neither list nor
 * OWNER_ONLY, so every new route is placed deliberately.
 */
export const PUBLIC_ROUTES = new Set<string>([
  '/api/health',
  '/api/openapi.json',
  '/api/v1/auth/sign-up',
  '/api/v1/auth/sign-in',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/complete',
  '/api/v1/auth/invitations/:token',
  '/api/v1/me',
  '/api/v1/calendar/:secret',
]);

/** GET routes a coach may read in a seeker's workspace, by the scope that must be shared. */
export const SHARED_READS: Record<string, ShareScope> = {
  '/api/v1/applications': 'applications',
  '/api/v1/applications/:id': 'applications',
  '/api/v1/applications/:id/events': 'applications',
  '/api/v1/insights': 'insights',
  '/api/v1/channels': 'insights',
  '/api/v1/channels/plan': 'insights',
  '/api/v1/review': 'insights',
  '/api/v1/skills/gaps': 'insights',
  '/api/v1/goals': 'goals',
  '/api/v1/week': 'goals',
  '/api/v1/wins': 'goals',
  '/api/v1/time-logs': 'goals',
  '/api/v1/contacts': 'contacts',
  '/api/v1/contacts/:id': 'contacts',
  '/api/v1/applications/:id/people': 'contacts',
  '/api/v1/applications/:id/people-you-know': 'contacts',
  '/api/v1/referrals/people': 'contacts',
  '/api/v1/applications/:id/skills': 'applications',
  '/api/v1/informational-interviews': 'contacts',
  '/api/v1/informational-interviews/:id': 'contacts',
  '/api/v1/applications/:id/post-mortem': 'notes',
  '/api/v1/applications/:id/rejection': 'notes',
  '/api/v1/feedback-requests/:id': 'notes',
  '/api/v1/rejections': 'notes',
  '/api/v1/rejections/:id': 'notes',
  '/api/v1/action-items': 'notes',
  '/api/v1/feedback-requests': 'notes',
};

/**
 * Routes deliberately never shared, and routes that act on the caller's account rather than a
 * workspace. Listed so the completeness test can tell "decided" from "forgotten".
 */
export const OWNER_ONLY_PREFIXES = [
  '/api/v1/auth/',
  '/api/v1/tokens',
  '/api/v1/shares',
  '/api/v1/invitations',
  '/api/v1/admin/',
  '/api/v1/settings',
  '/api/v1/ai/',
  '/api/v1/backup',
  '/api/v1/export/',
  '/api/v1/calendar.ics',
  '/api/v1/contacts.vcf',
  '/api/v1/feedback-requests/:id/eml',
  '/api/v1/sample-data',
  '/api/v1/imports/',
  '/api/v1/mail/',
  '/api/v1/journal',
  // PRIVATE, never shared: the writing after a no (and its reframe card).
  '/api/v1/writing/',
  '/api/v1/reframe',
  // The plan's steps are written and suggested by the owner only; a coach with "goals" reads GET /api/v1/week.
  '/api/v1/week/',
  '/api/v1/rejections/:id/journal',
  '/api/v1/wellbeing',
  '/api/v1/breaks',
  '/api/v1/today',
  '/api/v1/resume',
  '/api/v1/skills/',
  '/api/v1/learning-plan',
  '/api/v1/paths',
  '/api/v1/meta',
  '/api/v1/recovery/meta',
  '/api/v1/reason-tags',
  // The coach's side and cohorts act as the caller; their services check shares, scopes and roles.
  '/api/v1/caseload',
  '/api/v1/coach-notes',
  '/api/v1/proposals',
  '/api/v1/cohorts',
  '/api/v1/cohort-invitations',
];

/**
 * All an analyst may reach beyond the public routes: their own account, and cohort aggregates.
 * Anything else (their own workspace, anything shared with them) is refused.
 */
export const ANALYST_ROUTES = new Set<string>([
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/sign-out-everywhere',
  'POST /api/v1/auth/password',
  'GET /api/v1/tokens',
  'POST /api/v1/tokens',
  'DELETE /api/v1/tokens/:id',
  'GET /api/v1/cohorts',
  'GET /api/v1/cohorts/:id/insights',
  'GET /api/v1/cohorts/:id/insights.csv',
]);

export function analystMay(method: string, routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && ANALYST_ROUTES.has(`${method} ${routeUrl}`);
}

/** The scope a coach needs to read this route, or null when it is never shared (or not a read). */
export function sharedReadScope(method: string, routeUrl: string): ShareScope | null {
  if (method !== 'GET') return null;
  return SHARED_READS[routeUrl] ?? null;
}
