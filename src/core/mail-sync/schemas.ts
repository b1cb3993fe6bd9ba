/** Wire shapes of mail sync: the saved account with its last run, a sync's report, batch results. */
import { z } from 'zod';
import { mailImportItemSchema, queuedMailSchema } from '../import/schemas.ts';

export const mailSyncCountsSchema = z.object({
  fetched: z.number().int().describe('messages read from the server'),
  applied: z.number().int().describe('recorded on an application'),
  pending: z.number().int().describe('waiting in the review queue'),
  dismissed: z.number().int().describe('not about an application'),
  alreadyImported: z.number().int().describe('seen before (by Message-ID)'),
  unreadable: z.number().int(),
});
export type MailSyncCountsView = z.infer<typeof mailSyncCountsSchema>;

export const mailFolderStateSchema = z.object({
  folder: z.string(),
  uidValidity: z.number().int(),
  lastUid: z.number().int().describe('every message up to this UID has been read'),
  messages: z.number().int().describe('messages read from this folder so far'),
  syncedAt: z.string(),
});

export const mailAccountSchema = z.object({
  id: z.string(),
  /** imaps://user@host:port, never with the password. */
  address: z.string(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(['tls', 'plain']),
  username: z.string(),
  auth: z.enum(['password', 'oauth2']),
  hasSecret: z.boolean().describe('a password or token is saved (encrypted; it is never sent back)'),
  folders: z.array(z.string()),
  scheduleMinutes: z.number().int().nullable(),
  lastSync: z
    .object({
      at: z.string(),
      status: z.enum(['ok', 'failed']),
      error: z.string().nullable().describe('what went wrong, in plain words'),
      counts: mailSyncCountsSchema.nullable(),
    })
    .nullable(),
  folderStates: z.array(mailFolderStateSchema),
});
export type MailAccountView = z.infer<typeof mailAccountSchema>;

export const mailAccountStatusSchema = z.object({
  account: mailAccountSchema.nullable(),
  running: z.boolean().describe('a sync of this account is running now'),
  /** Folders on the server, when they were just listed (after saving the account). */
  serverFolders: z.array(z.string()).nullable(),
});
export type MailAccountStatus = z.infer<typeof mailAccountStatusSchema>;

export const mailSyncFolderReportSchema = z.object({
  folder: z.string(),
  uidValidity: z.number().int(),
  restarted: z.boolean().describe('the server renumbered the folder (new UIDVALIDITY); it was read again'),
  fromUid: z.number().int(),
  fetched: z.number().int(),
  lastUid: z.number().int(),
});

export const mailSyncReportSchema = z.object({
  address: z.string(),
  nothingNew: z.boolean(),
  folders: z.array(mailSyncFolderReportSchema),
  counts: mailSyncCountsSchema,
  items: z.array(mailImportItemSchema.extend({ folder: z.string(), uid: z.number().int() })),
  errors: z.array(z.object({ folder: z.string(), message: z.string() })),
});
export type MailSyncReport = z.infer<typeof mailSyncReportSchema>;

export const mailBatchResultSchema = z.object({
  done: z.array(queuedMailSchema),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
});
export type MailBatchResult = z.infer<typeof mailBatchResultSchema>;
