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
  calendarPath: z
    .string()
    .nullable()
    .describe(
      'the private address of your calendar feed (`/api/v1/calendar/<secret>.ics`) for a calendar app; null in local mode or signed out',
    ),
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

/** A share just made: when the coach has no account yet, an invitation (role coach) went with it. */
export const shareCreatedSchema = shareSchema.extend({
  invitationLink: z
    .string()
    .nullable()
    .describe('the sign-up link for a coach with no account, when it could not be e-mailed; else null'),
  invitationEmailed: z.boolean().describe('an invitation was e-mailed to the coach (who had no account)'),
  pendingInvitation: z
    .object({
      role: z.enum(ROLES).describe('the role that invitation gives; an analyst cannot read what is shared'),
      expiresAt: instant,
    })
    .nullable()
    .describe(
      "someone else's invitation for the coach's address is already on its way: it was left as it is and no new link was made (the share reaches them once they join through it); else null",
    ),
});
export type ShareCreatedView = z.infer<typeof shareCreatedSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired'] as const;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  invitedByName: z.string(),
  createdAt: instant,
  expiresAt: instant,
  acceptedAt: instant.nullable(),
  status: z.enum(INVITATION_STATUSES),
});
export type InvitationView = z.infer<typeof invitationSchema>;

export const invitationCreatedSchema = invitationSchema.extend({
  link: z.string().describe('the sign-up link (`<public URL>/sign-up?invitation=<token>`), shown once'),
  emailed: z.boolean().describe('the link was e-mailed (SMTP is configured); else copy it to the person'),
});
export type InvitationCreatedView = z.infer<typeof invitationCreatedSchema>;
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

/** What the sign-up page shows about an invitation link (public: anyone with the link). */
export const invitationPublicSchema = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  invitedByName: z.string(),
  expiresAt: instant,
});
export type InvitationPublicView = z.infer<typeof invitationPublicSchema>;

export const adminSettingsSchema = z.object({
  openSignup: z.boolean().describe('anyone may sign up without an invitation'),
  openSignupByEnvironment: z
    .boolean()
    .describe('REBOUND_OPEN_SIGNUP=1 keeps sign-up open whatever openSignup says'),
  mailConfigured: z.boolean().describe('invitations and reset links are e-mailed (REBOUND_SMTP_URL)'),
  publicUrl: z.string().nullable().describe('REBOUND_PUBLIC_URL, the start of every link'),
});
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

/** A password-reset link an admin made for someone (to copy when it could not be e-mailed). */
export const resetLinkSchema = z.object({
  link: z
    .string()
    .nullable()
    .describe('null when it was e-mailed to the person (an admin never sees it then)'),
  expiresAt: instant,
  emailed: z.boolean(),
});

export const calendarSecretSchema = z.object({
  calendarPath: z
    .string()
    .describe('the new private address of your calendar feed; the old one stops working'),
});
