import { z } from 'zod';

/** Input schemas for the writing after a no; shared by the HTTP API, the CLI and the web form. */
export const WRITING_LIMITS = { text: 50_000 } as const;

/** Text for the session of the day: a new session, or more for today's one. */
export const writingInputSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'required: write a few words, or close the page; nothing is saved until you do')
      .max(WRITING_LIMITS.text, `must be at most ${WRITING_LIMITS.text} characters`),
  })
  .strict();
export type WritingInput = z.infer<typeof writingInputSchema>;

export const writingParamsSchema = z.object({ applicationId: z.string().min(1).max(100) }).strict();
export const writingSessionParamsSchema = z.object({ id: z.string().min(1).max(100) }).strict();
