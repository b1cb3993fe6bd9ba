import { z } from 'zod';
import { LIMITS } from '../applications/input.ts';
import { MAX_COOL_OFF_HOURS, MIN_COOL_OFF_HOURS } from './cool-off.ts';
import { FEEDBACK_THEMES } from './feedback-state.ts';
import { POST_MORTEM_RATINGS } from './post-mortem.ts';
import { REJECTION_CHANNELS } from './rejection.ts';

/**
 * Input schemas for the recovery loop (rejections, pause journal, feedback requests, look backs,
 * action items), shared by the HTTP routes, the CLI and the web forms.
 */
export const RECOVERY_LIMITS = {
  reason: LIMITS.reason,
  journal: 20_000,
  answer: 20_000,
  note: 2_000,
  actionText: 500,
  tag: 40,
  tags: 20,
} as const;

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  trimmed(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const isoInstant = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be an ISO date-time such as 2026-11-10T09:00:00Z',
  });

const dayString = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
    message: 'must be a real date written YYYY-MM-DD',
  });

export const coolOffHoursSchema = z.union([
  z.literal('skip'),
  z
    .number()
    .min(MIN_COOL_OFF_HOURS, `choose ${MIN_COOL_OFF_HOURS} to ${MAX_COOL_OFF_HOURS} hours, or "skip"`)
    .max(MAX_COOL_OFF_HOURS, `choose ${MIN_COOL_OFF_HOURS} to ${MAX_COOL_OFF_HOURS} hours, or "skip"`),
]);

const reasonTagKeys = z.array(z.string().trim().min(1).max(RECOVERY_LIMITS.tag)).max(RECOVERY_LIMITS.tags);

/** Logging a rejection directly (the application must still be open; it is closed as rejected). */
export const rejectionInputSchema = z
  .object({
    applicationId: z.string().min(1, 'required').max(100),
    channel: z.enum(REJECTION_CHANNELS).optional(),
    reasonGiven: optionalText(RECOVERY_LIMITS.reason),
    reasonTags: reasonTagKeys.optional(),
    coolOffHours: coolOffHoursSchema.optional(),
    occurredOn: dayString.optional(),
  })
  .strict();
export type RejectionInput = z.infer<typeof rejectionInputSchema>;

/** Editing what was written down about a rejection. */
/** The guided steps after a "no", in order; the flow resumes at the one the user reached. */
export const RECOVERY_STEPS = ['pause', 'feedback', 'look-back', 'keep-in-touch'] as const;
export type RecoveryStep = (typeof RECOVERY_STEPS)[number];

export const rejectionPatchSchema = z
  .object({
    step: z.enum(RECOVERY_STEPS).optional(),
    channel: z.enum(REJECTION_CHANNELS).optional(),
    reasonGiven: optionalText(RECOVERY_LIMITS.reason),
    reasonTags: reasonTagKeys.optional(),
    coolOffHours: coolOffHoursSchema.optional(),
  })
  .strict();
export type RejectionPatch = z.infer<typeof rejectionPatchSchema>;

export const reasonTagInputSchema = z
  .object({
    key: z.string().trim().min(1, 'required').max(RECOVERY_LIMITS.tag),
    label: z.string().trim().min(1, 'required').max(200),
    side: z.enum(['company', 'me']),
  })
  .strict();
export type ReasonTagInput = z.infer<typeof reasonTagInputSchema>;

/** A private journal entry (used during the pause, and by wellbeing later). */
export const journalInputSchema = z
  .object({
    text: z.string().trim().min(1, 'required').max(RECOVERY_LIMITS.journal),
    mood: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 to 5')
      .max(5, 'must be 1 to 5')
      .nullable()
      .optional(),
    tags: z.array(z.string().trim().min(1).max(RECOVERY_LIMITS.tag)).max(RECOVERY_LIMITS.tags).optional(),
  })
  .strict();
export type JournalInput = z.infer<typeof journalInputSchema>;

export const feedbackThemeSchema = z
  .object({
    theme: z.enum(FEEDBACK_THEMES.map((t) => t.key) as [string, ...string[]]),
    name: z.string().trim().max(100).optional(),
  })
  .strict();

const contactIdSchema = z.string().min(1, 'required').max(100);

const feedbackTransitions = [
  z
    .object({
      state: z.literal('sent'),
      sentAt: isoInstant.optional(),
      contactId: contactIdSchema.nullable().optional(),
    })
    .strict(),
  z
    .object({
      state: z.literal('answered'),
      answer: z.string().min(1, 'required').max(RECOVERY_LIMITS.answer),
      themes: z.array(feedbackThemeSchema).max(10).optional(),
    })
    .strict(),
  z.object({ state: z.literal('no_reply') }).strict(),
  z.object({ state: z.literal('declined') }).strict(),
] as const;

/** Moving a feedback request along: drafted → sent → answered / no_reply / declined. */
export const feedbackPatchSchema = z.discriminatedUnion('state', [...feedbackTransitions]);
export type FeedbackPatch = z.infer<typeof feedbackPatchSchema>;
/** A move along as a client sends it. */
export type FeedbackPatchBody = z.input<typeof feedbackPatchSchema>;

/**
 * Changing a drafted feedback request, no `state` given: who it goes to (`null` for no one yet),
 * and the user's own subject and words (`null` goes back to the template's).
 */
export const feedbackContactSchema = z
  .object({
    state: z.undefined().optional(),
    contactId: contactIdSchema.nullable().optional(),
    subject: z
      .string()
      .trim()
      .min(1, 'required')
      .max(300, 'must be at most 300 characters')
      .nullable()
      .optional(),
    body: z
      .string()
      .trim()
      .min(1, 'required')
      .max(10_000, 'must be at most 10000 characters')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((p) => p.contactId !== undefined || p.subject !== undefined || p.body !== undefined, {
    path: ['contactId'],
    message: 'required',
  });
export type FeedbackContactPatch = z.infer<typeof feedbackContactSchema>;

/** The body of `PATCH /feedback-requests/:id`: a move along, or (without `state`) a new contact. */
export const feedbackRequestPatchSchema = z.discriminatedUnion('state', [
  feedbackContactSchema,
  ...feedbackTransitions,
]);
export type FeedbackRequestPatch = z.infer<typeof feedbackRequestPatchSchema>;

/** Rating the steps of an application in a look back. */
export const postMortemInputSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            key: z.string().trim().min(1, 'required').max(40),
            rating: z.enum(POST_MORTEM_RATINGS),
            note: optionalText(RECOVERY_LIMITS.note),
          })
          .strict(),
      )
      .min(1, 'rate at least one step')
      .max(40),
  })
  .strict();
export type PostMortemInputBody = z.infer<typeof postMortemInputSchema>;

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;

export const actionItemInputSchema = z
  .object({
    text: z.string().trim().min(1, 'required').max(RECOVERY_LIMITS.actionText),
    dueOn: dayString,
    applicationId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict();
export type ActionItemInput = z.infer<typeof actionItemInputSchema>;

export const actionItemPatchSchema = z
  .object({
    status: z.enum(ACTION_ITEM_STATUSES).optional(),
    text: z.string().trim().min(1, 'required').max(RECOVERY_LIMITS.actionText).optional(),
    dueOn: dayString.optional(),
  })
  .strict();
export type ActionItemPatch = z.infer<typeof actionItemPatchSchema>;

export const actionItemQuerySchema = z.object({
  status: z.enum([...ACTION_ITEM_STATUSES, 'all']).default('open'),
  applicationId: z.string().max(100).optional(),
});
