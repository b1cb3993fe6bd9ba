import { z } from 'zod';
import { emailSchema } from '../accounts/input.ts';
import { isIsoDate } from '../dates.ts';
import { WELLBEING_LIMITS } from '../wellbeing/input.ts';

/** Request shapes of the coach's side (view log, caseload, notes, check-ins) and of cohorts. */

export const SHARING_LIMITS = {
  note: 5_000,
  /** A check-in becomes a weekly goal's label when accepted, so it fits in one. */
  proposal: WELLBEING_LIMITS.label,
  cohortName: 100,
  tag: 40,
  tags: 10,
} as const;

const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const calendarDate = z.string().refine(isIsoDate, 'must be a date (YYYY-MM-DD)');
const id = z.string().min(1).max(100);

export const idParamsSchema = z.object({ id });
export const workspaceParamsSchema = z.object({ workspaceId: id });

export const shareViewsQuerySchema = z.object({
  shareId: id.optional().describe('only the views through this share'),
});

export const caseloadQuerySchema = z.object({
  quietDays: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .optional()
    .describe('days without activity before a seeker reads as quiet (default 10)'),
});

export const coachNoteInputSchema = z.object({
  text: text(SHARING_LIMITS.note),
  sharedWithSeeker: z.boolean().describe('true: the seeker reads it too; false: yours alone'),
});
export type CoachNoteInput = z.infer<typeof coachNoteInputSchema>;

export const proposalInputSchema = z.object({
  text: text(SHARING_LIMITS.proposal),
  weekOf: calendarDate.describe('any day of the week it is for (stored as that week’s Monday)'),
});
export type ProposalInput = z.infer<typeof proposalInputSchema>;

export const proposalAcceptSchema = z.object({
  text: text(SHARING_LIMITS.proposal).optional().describe('your own wording; the coach’s when left out'),
});
export type ProposalAccept = z.infer<typeof proposalAcceptSchema>;

export const cohortInputSchema = z.object({ name: text(SHARING_LIMITS.cohortName) });
export type CohortInput = z.infer<typeof cohortInputSchema>;

export const cohortMemberInputSchema = z.object({
  email: emailSchema,
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'a tag is not empty')
        .max(SHARING_LIMITS.tag, `must be at most ${SHARING_LIMITS.tag} characters`)
        .transform((t) => t.toLowerCase()),
    )
    .max(SHARING_LIMITS.tags, `at most ${SHARING_LIMITS.tags} tags`)
    .default([])
    .transform((v) => [...new Set(v)]),
});
export type CohortMemberInput = z.infer<typeof cohortMemberInputSchema>;
