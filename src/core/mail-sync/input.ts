/**
 * Requests of mail sync, shared by the HTTP routes, the CLI and the web form: the IMAP account
 * (where, who, which folders, how often) and the secret that logs in.
 */
import { z } from 'zod';
import { plainImapRefusal } from './imap-url.ts';

export const MAIL_SYNC_MIN_MINUTES = 5;
export const MAIL_SYNC_MAX_MINUTES = 24 * 60;
export const MAX_SYNC_FOLDERS = 20;

const foldersField = z
  .array(z.string().trim().min(1, 'required').max(200))
  .min(1, 'choose at least one folder')
  .max(MAX_SYNC_FOLDERS);
const scheduleField = z
  .number()
  .int()
  .min(MAIL_SYNC_MIN_MINUTES, `at least every ${MAIL_SYNC_MIN_MINUTES} minutes`)
  .max(MAIL_SYNC_MAX_MINUTES, 'at most once a day (1440 minutes)')
  .nullable()
  .describe('sync every N minutes while the server runs; null: only when asked');

export const mailAccountInputSchema = z
  .object({
    host: z.string().trim().min(1, 'required').max(253),
    port: z.number().int().min(1).max(65535).optional().describe('default 993 (TLS) or 143 (plain)'),
    security: z
      .enum(['tls', 'plain'])
      .default('tls')
      .describe('tls: imaps (encrypted from the start); plain: only to this computer'),
    username: z.string().trim().min(1, 'required').max(320),
    auth: z
      .enum(['password', 'oauth2'])
      .default('password')
      .describe('password: your password or an app password; oauth2: an access token you got for IMAP'),
    secret: z
      .string()
      .min(1, 'required')
      .max(8192)
      .optional()
      .describe('the password or access token; leave it out to keep the saved one'),
    folders: foldersField.default(['INBOX']),
    scheduleMinutes: scheduleField.default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.security !== 'plain') return;
    const why = plainImapRefusal(v.host);
    if (why) ctx.addIssue({ code: 'custom', path: ['security'], message: why });
  });
export type MailAccountInput = z.infer<typeof mailAccountInputSchema>;
export type MailAccountBody = z.input<typeof mailAccountInputSchema>;

/** Changes the saved account's folders or schedule, without logging in again. */
export const mailAccountSettingsSchema = z
  .object({ folders: foldersField.optional(), scheduleMinutes: scheduleField.optional() })
  .strict();
export type MailAccountSettingsInput = z.infer<typeof mailAccountSettingsSchema>;

/** Several review-queue e-mails at once: record each on its matched application, or dismiss each. */
export const mailBatchSchema = z
  .object({
    ids: z.array(z.string().trim().min(1).max(100)).min(1, 'choose at least one e-mail').max(500),
    action: z.enum(['apply', 'dismiss']),
  })
  .strict();
export type MailBatchInput = z.infer<typeof mailBatchSchema>;
