import { z } from 'zod';
import { AI_FEATURES, AI_LIMITS, aiTextSchema } from './input.ts';

export const aiEndpointViewSchema = z.object({
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  /** Whether a key is saved (encrypted); the key itself is never sent back. */
  hasKey: z.boolean(),
  /** Local endpoints, suggested first: with them nothing leaves the machine. */
  suggestions: z.array(z.object({ name: z.string(), baseUrl: z.string() })),
});

export const aiCallLogSchema = z.object({
  at: z.string(),
  feature: z.enum(AI_FEATURES),
  charsSent: z.number().int(),
  model: z.string(),
  status: z.enum(['ok', 'error', 'timeout']),
});

export const aiCallListSchema = z.object({
  items: z.array(
    aiCallLogSchema.extend({ id: z.string(), baseUrl: z.string(), feature: z.string(), status: z.string() }),
  ),
});

/** A draft from the user's model: text to accept, edit or throw away; never acted on. */
export const aiDraftSchema = z.object({ draft: z.string(), log: aiCallLogSchema });

export const aiRewriteInputSchema = z
  .object({ feature: z.enum(AI_FEATURES), text: aiTextSchema, stream: z.boolean().optional() })
  .strict();

/** A feedback reply's theme summary, kept beside the verbatim reply (which it never replaces). */
export const replySummarySchema = z.object({
  feedbackRequestId: z.string(),
  /** The themes as the user accepted them; null when there is no summary. */
  summary: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReplySummaryView = z.infer<typeof replySummarySchema>;

export const replySummaryInputSchema = z
  .object({
    summary: z
      .string()
      .trim()
      .min(1, 'required')
      .max(AI_LIMITS.summary, `must be at most ${AI_LIMITS.summary} characters`),
  })
  .strict();
