import { z } from 'zod';
import { TOUCH_KINDS } from './cadence.ts';

/**
 * Input schemas for contacts, their links to applications, keep-in-touch rhythms and logged
 * touches; shared by the HTTP routes, the CLI and the web forms. `validateContact` runs after
 * these and checks that there is a way to reach the person.
 */
export const CONTACT_ROLES = ['interviewer', 'recruiter', 'hiring_manager', 'referrer', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** A person's part in an application's process, in words. */
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  interviewer: 'Interviewer',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  referrer: 'Referrer',
  other: 'Other',
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const contactFields = {
  name: z.string().trim().max(200, 'must be at most 200 characters'),
  company: text(200),
  role: text(200),
  email: text(320),
  linkedinUrl: text(2_000),
  phone: text(40),
  howMet: text(500),
  notes: text(20_000),
};

export const contactInputSchema = z.object(contactFields).strict();
export type ContactCreateInput = z.infer<typeof contactInputSchema>;

export const contactPatchSchema = z.object(contactFields).partial().strict();
export type ContactPatchInput = z.infer<typeof contactPatchSchema>;

export const contactLinkSchema = z
  .object({
    applicationId: z.string().min(1, 'required').max(100),
    roundId: z.string().min(1).max(100).nullable().optional(),
    role: z.enum(CONTACT_ROLES).default('other'),
  })
  .strict();
export type ContactLinkInput = z.infer<typeof contactLinkSchema>;

/** The notes to a contact whose words the user can edit and keep. */
export const CONTACT_DRAFT_KINDS = ['thank_you', 'connection_request'] as const;

/** The user's own words for one note; `null` goes back to the template's. */
export const contactDraftSchema = z
  .object({ body: z.string().max(5_000, 'must be at most 5000 characters').nullable() })
  .strict();

/** Starting (or stopping) the keep-in-touch rhythm for one contact. */
export const cadenceInputSchema = z
  .object({
    applicationId: z.string().min(1).max(100).nullable().optional(),
    connectAfterDays: z.number().int().optional(),
    valueEveryDays: z.number().int().optional(),
    stop: z.boolean().optional(),
  })
  .strict();
export type CadenceInputBody = z.infer<typeof cadenceInputSchema>;

export const INTERACTION_KINDS = [...TOUCH_KINDS, 'other'] as const;

export const interactionInputSchema = z
  .object({
    kind: z.enum(INTERACTION_KINDS),
    at: z
      .string()
      .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be an ISO date-time' })
      .optional(),
    note: text(2_000),
  })
  .strict();
export type InteractionInput = z.infer<typeof interactionInputSchema>;
