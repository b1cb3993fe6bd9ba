import { z } from 'zod';
import { TOUCH_KINDS } from './cadence.ts';
import { CONTACT_ROLES, INTERACTION_KINDS } from './input.ts';

/** Wire shapes of contacts, their links to applications, keep-in-touch rhythms and touches. */

const instant = z.string().describe('an ISO date-time');

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  phone: z.string().nullable(),
  howMet: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type ContactView = z.infer<typeof contactSchema>;

export const contactListSchema = z.object({ items: z.array(contactSchema) });

export const contactLinkViewSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  applicationId: z.string(),
  roundId: z.string().nullable(),
  role: z.enum(CONTACT_ROLES),
  createdAt: instant,
});
export type ContactLinkView = z.infer<typeof contactLinkViewSchema>;

export const interactionSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(INTERACTION_KINDS),
  at: instant,
  note: z.string().nullable(),
  createdAt: instant,
});
export type InteractionView = z.infer<typeof interactionSchema>;

export const plannedTouchSchema = z.object({
  /** `thank_you`, `connection_request` or `value:<YYYY-MM-DD>`. */
  key: z.string(),
  kind: z.enum(TOUCH_KINDS),
  dueAt: instant,
  overdue: z.boolean(),
});

export const contactDetailSchema = contactSchema.extend({
  links: z.array(contactLinkViewSchema),
  /** The user's own words for the keep-in-touch notes, when they edited them. */
  drafts: z.object({ thank_you: z.string().optional(), connection_request: z.string().optional() }),
  cadence: z
    .object({
      contactId: z.string(),
      applicationId: z.string().nullable(),
      startAt: instant,
      timeZone: z.string(),
      connectAfterDays: z.number().int(),
      valueEveryDays: z.number().int(),
      stoppedAt: instant.nullable(),
      createdAt: instant,
      next: z.array(plannedTouchSchema),
    })
    .nullable(),
  interactions: z.array(interactionSchema),
});
export type ContactDetailView = z.infer<typeof contactDetailSchema>;
