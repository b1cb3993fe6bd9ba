import { z } from 'zod';
import { isIsoDate } from '../dates.ts';
import { ROLES, SHARE_SCOPES } from './scopes.ts';

/** Request bodies of accounts, tokens and shares; shared by the routes, the CLI and the web forms. */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string()
  .trim()
  .max(320, 'must be at most 320 characters')
  .email('must be an e-mail address')
  .transform((v) => v.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  /** The token from an invitation link, when sign-up is by invitation. */
  invitation: z.string().max(200).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .max(320, 'must be at most 320 characters')
    .transform((v) => v.toLowerCase()),
  password: z.string().max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const tokenCreateSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});

const calendarDate = z.string().refine(isIsoDate, 'must be a date (YYYY-MM-DD)');

export const shareCreateSchema = z.object({
  coachEmail: emailSchema,
  scopes: z
    .array(z.enum(SHARE_SCOPES))
    .min(1, 'choose at least one thing to share')
    .max(SHARE_SCOPES.length)
    .transform((v) => [...new Set(v)]),
  endsOn: calendarDate.nullable().optional(),
});
export type ShareCreateInput = z.infer<typeof shareCreateSchema>;

export const roleSchema = z.enum(ROLES);

export const passwordChangeSchema = z.object({
  currentPassword: z.string().max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
  newPassword: passwordSchema,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const passwordResetCompleteSchema = z.object({
  token: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  password: passwordSchema,
});
export type PasswordResetCompleteInput = z.infer<typeof passwordResetCompleteSchema>;

export const invitationCreateSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});
export type InvitationCreateInput = z.infer<typeof invitationCreateSchema>;

export const adminSettingsPatchSchema = z.object({
  openSignup: z.boolean(),
});

export const adminUserPatchSchema = z.object({ role: roleSchema });
