import { z } from 'zod';
import { ROLES, SHARE_SCOPES } from './scopes.ts';

/** Wire shapes of accounts, sessions, tokens and shares. */

const instant = z.string().describe('an ISO date-time');

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  workspaceId: z.string().describe('the workspace this user owns: their own job search'),
  createdAt: instant,
});
export type UserView = z.infer<typeof userSchema>;

export const shareSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  coachEmail: z.string(),
  scopes: z.array(z.enum(SHARE_SCOPES)),
  endsOn: z.string().nullable(),
  createdAt: instant,
  revokedAt: instant.nullable(),
  active: z.boolean().describe('in force today: not revoked and not past its last day'),
});
export type ShareView = z.infer<typeof shareSchema>;

/** A workspace shared with the caller, as the caller (a coach) sees it. */
export const sharedWithMeSchema = z.object({
  shareId: z.string(),
  workspaceId: z.string(),
  name: z.string().describe("the seeker's name"),
  email: z.string(),
  scopes: z.array(z.enum(SHARE_SCOPES)),
  endsOn: z.string().nullable(),
});
export type SharedWithMeView = z.infer<typeof sharedWithMeSchema>;

export const meSchema = z.object({
  mode: z.enum(['local', 'hosted']),
  user: userSchema.nullable().describe('null in local mode, where there are no accounts'),
  /** Workspaces the caller may open: their own first, then those shared with them. */
  sharedWithMe: z.array(sharedWithMeSchema),
});
export type MeView = z.infer<typeof meSchema>;

export const authResultSchema = z.object({ user: userSchema });

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string().describe('the first characters of the token, to tell tokens apart'),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export type TokenView = z.infer<typeof tokenSchema>;

export const tokenCreatedSchema = tokenSchema.extend({
  token: z.string().describe('the token itself, shown once: store it now'),
});
export const tokenListSchema = z.object({ items: z.array(tokenSchema) });
export const shareListSchema = z.object({ items: z.array(shareSchema) });
export const okSchema = z.object({ ok: z.literal(true) });

// --- Contract additions of issue 13 (accounts helper's routes), written ahead by the web helper
// --- from /work/hosted-contract.md so the web app has its wire types; reconcile when merging.

/** A new invitation: the link is shown once (only its hash is kept). */
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  expiresAt: instant,
  createdAt: instant.optional(),
  acceptedAt: instant.nullable().optional(),
});
export type InvitationView = z.infer<typeof invitationSchema>;
export const invitationCreatedSchema = invitationSchema.extend({
  link: z.string().describe('the sign-up link to send: <publicUrl>/sign-up?invitation=<token>'),
  emailed: z.boolean().describe('true when the server e-mailed the link itself'),
});
export type InvitationCreatedView = z.infer<typeof invitationCreatedSchema>;
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

/** What the sign-up page shows about an invitation link before anyone has an account. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  invitedByName: z.string(),
  expiresAt: instant,
});
export type InvitationPreviewView = z.infer<typeof invitationPreviewSchema>;

export const adminSettingsSchema = z.object({ openSignup: z.boolean() });
export type AdminSettingsView = z.infer<typeof adminSettingsSchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: instant,
});
export type AdminUserView = z.infer<typeof adminUserSchema>;
export const adminUserListSchema = z.object({ items: z.array(adminUserSchema) });

/** A new share; when the coach has no account yet, the invitation link to send them. */
export const shareCreatedSchema = shareSchema.extend({
  invitationLink: z.string().nullable().optional(),
});
export type ShareCreatedView = z.infer<typeof shareCreatedSchema>;

/** GET me with the calendar feed of the caller's own workspace (accounts helper adds it). */
export const meWithCalendarSchema = meSchema.extend({
  calendarPath: z.string().nullable().optional().describe('/api/v1/calendar/<secret>.ics'),
});
export type MeWithCalendarView = z.infer<typeof meWithCalendarSchema>;
