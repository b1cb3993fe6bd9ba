import { z } from 'zod';
import { AI_FEATURES, aiTextSchema } from './input.ts';

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
