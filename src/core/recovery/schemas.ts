import { z } from 'zod';
import { neverShared } from '../accounts/scopes.ts';
import { ROUND_KINDS, STAGES } from '../applications/application.ts';
import { FEEDBACK_STATES } from '../recovery/feedback-state.ts';
import { ACTION_ITEM_STATUSES, RECOVERY_STEPS } from './input.ts';
import { POST_MORTEM_RATINGS } from './post-mortem.ts';
import { REJECTION_CHANNELS } from './rejection.ts';

/** Wire shapes of the recovery loop: rejections, the pause journal, feedback requests, look backs. */

const instant = z.string().describe('an ISO date-time');

export const journalEntrySchema = z.object({
  id: z.string(),
  writtenAt: instant,
  mood: z.number().int().nullable(),
  text: z.string(),
  tags: z.array(z.string()),
  rejectionId: z.string().nullable(),
});
neverShared.add(journalEntrySchema, { what: 'the pause journal' });
export type JournalEntryView = z.infer<typeof journalEntrySchema>;

export const rejectionSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  company: z.string(),
  role: z.string(),
  stageReached: z.enum(STAGES),
  channel: z.enum(REJECTION_CHANNELS),
  rejectedAt: instant,
  reasonGiven: z.string().nullable(),
  reasonTags: z.array(z.string()),
  coolOff: z.object({ hours: z.number().nullable(), skipped: z.boolean(), endsAt: instant.nullable() }),
  reopenedAt: instant.nullable(),
  /** The step of the guided flow the user reached; the flow resumes there. */
  step: z.enum(RECOVERY_STEPS).nullable(),
  feedbackRequestId: z.string().nullable(),
  feedbackState: z.enum(FEEDBACK_STATES).nullable(),
  feedbackDueAt: instant.nullable(),
  /** Where the look back for this application lives (GET to read, PUT to rate). */
  postMortemUrl: z.string(),
  journal: z.array(journalEntrySchema),
  createdAt: instant,
});
export type RejectionView = z.infer<typeof rejectionSchema>;

export const rejectionListSchema = z.object({ items: z.array(rejectionSchema) });

const THEME_KEYS = [
  'experience_level',
  'skill',
  'communication',
  'culture_fit',
  'timing',
  'internal_candidate',
  'other',
] as const;

export const feedbackThemeTagSchema = z.object({ theme: z.enum(THEME_KEYS), name: z.string().optional() });

export const feedbackRequestSchema = z.object({
  id: z.string(),
  rejectionId: z.string(),
  applicationId: z.string(),
  company: z.string(),
  role: z.string(),
  contactId: z.string().nullable(),
  state: z.enum(FEEDBACK_STATES),
  dueAt: instant,
  sentAt: instant.nullable(),
  followUpDueAt: instant.nullable(),
  answeredAt: instant.nullable(),
  answer: z.string().nullable(),
  themes: z.array(feedbackThemeTagSchema),
  draft: z.object({
    subject: z.string(),
    body: z.string(),
    to: z.string().nullable(),
    toName: z.string().nullable(),
    questions: z.array(z.object({ key: z.string(), text: z.string() })),
    missing: z.array(z.string()),
    /** The words are the user's own, kept from an edit. */
    edited: z.boolean(),
  }),
  mailto: z.string(),
  /** The no-reply address the "no" came from, when it did: nobody reads it. */
  automaticSender: z.string().nullable(),
  emlUrl: z.string(),
});
export type FeedbackRequestView = z.infer<typeof feedbackRequestSchema>;

export const feedbackRequestListSchema = z.object({ items: z.array(feedbackRequestSchema) });

export const reasonTagSchema = z.object({
  key: z.string(),
  label: z.string(),
  side: z.enum(['company', 'me']),
});
export const reasonTagListSchema = z.object({ items: z.array(reasonTagSchema) });

export const recoveryMetaSchema = z.object({
  reasonTags: z.array(reasonTagSchema),
  feedbackThemes: z
    .array(z.object({ key: z.enum(THEME_KEYS), label: z.string(), needsName: z.boolean() }))
    .readonly(),
  journalPrompts: z.array(z.object({ key: z.string(), prompt: z.string(), hint: z.string() })).readonly(),
});
export type RecoveryMeta = z.infer<typeof recoveryMetaSchema>;

export const actionItemSchema = z.object({
  id: z.string(),
  applicationId: z.string().nullable(),
  source: z.enum(['post_mortem', 'manual']),
  /** For look-back tasks, the step's key it came from. */
  sourceKey: z.string().nullable(),
  text: z.string(),
  dueOn: z.string(),
  status: z.enum(ACTION_ITEM_STATUSES),
  doneAt: instant.nullable(),
});
export type ActionItemView = z.infer<typeof actionItemSchema>;

export const actionItemListSchema = z.object({ items: z.array(actionItemSchema) });

const POST_MORTEM_ITEM_KINDS = [
  'jd_match',
  'resume',
  'cover_letter',
  'screening_call',
  'interview_round',
  'follow_up',
  'offer_talks',
] as const;

export const postMortemSchema = z.object({
  applicationId: z.string(),
  company: z.string(),
  role: z.string(),
  furthestStage: z.enum(STAGES),
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(POST_MORTEM_ITEM_KINDS),
      stage: z.enum(STAGES),
      title: z.string(),
      prompts: z.array(z.string()),
      roundNumber: z.number().int().optional(),
      roundKind: z.enum(ROUND_KINDS).optional(),
      rating: z.enum(POST_MORTEM_RATINGS).nullable(),
      note: z.string().nullable(),
      actionItemId: z.string().nullable(),
    }),
  ),
  actionItems: z.array(actionItemSchema.extend({ createdAt: instant })),
});
export type PostMortemView = z.infer<typeof postMortemSchema>;
