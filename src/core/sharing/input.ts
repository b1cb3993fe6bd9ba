import { z } from 'zod';
import { emailSchema } from '../accounts/input.ts';
import { isIsoDate } from '../dates.ts';

/**
 * Request bodies of the sharing helper's routes of issue 13 (coach notes, plan proposals,
 * cohorts), written by the web helper from the contract; reconciled with the routes' own on merge.
 */

const text = z.string().trim().min(1, 'is required').max(5000, 'must be at most 5000 characters');

export const coachNoteCreateSchema = z.object({ text, sharedWithSeeker: z.boolean() });
export type CoachNoteCreateInput = z.infer<typeof coachNoteCreateSchema>;

export const proposalCreateSchema = z.object({
  text: z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  weekOf: z.string().refine(isIsoDate, 'must be a date (YYYY-MM-DD)'),
});
export type ProposalCreateInput = z.infer<typeof proposalCreateSchema>;

export const proposalAcceptSchema = z.object({
  text: z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters').optional(),
});

export const cohortCreateSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
});

export const cohortMemberAddSchema = z.object({
  email: emailSchema,
  tags: z.array(z.string().trim().min(1).max(50, 'must be at most 50 characters')).max(20),
});
export type CohortMemberAddInput = z.infer<typeof cohortMemberAddSchema>;
