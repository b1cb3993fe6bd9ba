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
