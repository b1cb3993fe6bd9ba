import { z } from 'zod';
import { fileUploadSchema } from '../import/input.ts';
import { REFERRAL_ASK_STATUSES } from './asks.ts';

/** Request bodies of the referral routes, shared by the HTTP routes, the CLI and the web forms. */

/** A connections export (LinkedIn's Connections.csv, or another contacts CSV) as JSON. */
export const connectionsImportSchema = fileUploadSchema
  .extend({
    /** Import the readable lines and report the rest; by default one bad line stops the import. */
    skipInvalid: z.boolean().optional(),
  })
  .strict();
export type ConnectionsImportInput = z.infer<typeof connectionsImportSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-28');

/** Records (or moves on) the referral ask to one person about one application. */
export const referralAskInputSchema = z
  .object({
    contactId: z.string().min(1, 'required').max(100),
    status: z.enum(REFERRAL_ASK_STATUSES),
    /** The day it happened; today when left out. */
    on: day.optional(),
  })
  .strict();
export type ReferralAskInput = z.infer<typeof referralAskInputSchema>;
