import { z } from 'zod';
import { neverShared } from '../accounts/scopes.ts';

/**
 * Wire shapes of the writing after a no. PRIVATE: this writing is only ever shown to the person
 * who wrote it. A later hosted mode must never share it with a coach or anyone else; keep these
 * shapes out of any "shareable" grouping.
 */

export const writingPromptSchema = z.object({
  number: z.number().int(),
  prompt: z.string(),
  hint: z.string(),
});

export const writingSessionSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  number: z.number().int(),
  /** The day it was written (YYYY-MM-DD). */
  on: z.string(),
  prompt: z.string(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
neverShared.add(writingSessionSchema, { what: 'the writing after a no' });
export type WritingSessionView = z.infer<typeof writingSessionSchema>;

export const writingViewSchema = z.object({
  applicationId: z.string(),
  company: z.string(),
  role: z.string(),
  /** Always true: nothing here is shared, and it leaves in a backup only when asked for. */
  private: z.literal(true),
  minutes: z.number().int(),
  maxSessions: z.number().int(),
  sessions: z.array(writingSessionSchema),
  /** The session to write in today; null once all five are written. */
  next: z
    .object({ number: z.number().int(), prompt: writingPromptSchema, continuing: z.boolean() })
    .nullable(),
});
export type WritingView = z.infer<typeof writingViewSchema>;

export const reframeSchema = z.object({
  traps: z.array(z.object({ id: z.string(), name: z.string(), thought: z.string(), reframe: z.string() })),
  note: z.string(),
  /** The helpline page the person set in settings; null when none is set. */
  helplineUrl: z.string().nullable(),
});
export type ReframeView = z.infer<typeof reframeSchema>;
