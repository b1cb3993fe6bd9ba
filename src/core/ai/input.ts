import { z } from 'zod';

/** The features that may send text to the user's own model, as the local log names them. */
export const AI_FEATURES = [
  'rewrite_feedback_request',
  'rewrite_thank_you',
  'rewrite_referral_ask',
  'summarise_feedback_reply',
  'suggest_resume_lines',
  'post_mortem_actions',
] as const;
export type AiFeature = (typeof AI_FEATURES)[number];

/** Local endpoints first: nothing leaves the machine with these. */
export const SUGGESTED_ENDPOINTS = [
  { name: 'Ollama', baseUrl: 'http://localhost:11434/v1' },
  { name: 'LM Studio', baseUrl: 'http://localhost:1234/v1' },
  { name: 'llama.cpp server', baseUrl: 'http://localhost:8080/v1' },
] as const;

export const AI_LIMITS = { text: 20_000, model: 200, key: 500, summary: 4_000 } as const;

export const aiEndpointInputSchema = z
  .object({
    baseUrl: z
      .string()
      .trim()
      .max(2_000)
      .refine(
        (v) => {
          try {
            const u = new URL(v);
            return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
          } catch {
            return false;
          }
        },
        { message: 'must be an http(s) URL, like http://localhost:11434/v1' },
      ),
    model: z.string().trim().min(1, 'required').max(AI_LIMITS.model),
    /** null or absent: no key (local endpoints need none). */
    apiKey: z.string().trim().max(AI_LIMITS.key).nullable().optional(),
  })
  .strict();
export type AiEndpointInput = z.infer<typeof aiEndpointInputSchema>;

/** The exact text to send, as the user saw and perhaps edited it. */
export const aiTextSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(AI_LIMITS.text, `must be at most ${AI_LIMITS.text} characters`);

/**
 * The text proposed for sending when the user asks for a rewrite in their voice: the instruction
 * and the draft, in one message the user sees and may edit before anything is sent.
 */
export function rewritePrompt(
  kind: 'feedback request' | 'thank-you note' | 'referral ask',
  subject: string | null,
  body: string,
): string {
  const withSubject = subject !== null;
  return [
    `Rewrite this ${kind} so it sounds like me: warm, plain and brief.`,
    'Keep every fact, name and question, and add nothing I did not say.',
    withSubject
      ? 'Answer with the rewritten e-mail only, starting with "Subject:".'
      : 'Answer with the rewritten message only.',
    '',
    ...(withSubject ? [`Subject: ${subject}`, ''] : []),
    body,
  ].join('\n');
}
