import { z } from 'zod';
import { STEP_CHANNELS, STEP_STATUSES } from './steps.ts';

/** Wire shapes of the weekly plan. */

export const weekStepSchema = z.object({
  id: z.string(),
  weekStart: z.string(),
  day: z.string(),
  time: z.string().nullable(),
  where: z.string(),
  what: z.string(),
  minutes: z.number().int(),
  channel: z.enum(STEP_CHANNELS),
  status: z.enum(STEP_STATUSES),
  /** The day it was first planned for, when moved since. */
  movedFrom: z.string().nullable(),
  settledAt: z.string().nullable(),
  createdAt: z.string(),
  /** "Tuesday 09:00, library, 2 tailored applications, 90 min" */
  text: z.string(),
});
export type WeekStepView = z.infer<typeof weekStepSchema>;

export const stepDraftSchema = z.object({
  day: z.string(),
  time: z.string().nullable(),
  where: z.string(),
  what: z.string(),
  minutes: z.number().int(),
  channel: z.enum(STEP_CHANNELS),
  why: z.string(),
  text: z.string(),
});
export type StepDraftView = z.infer<typeof stepDraftSchema>;

const channelResults = {
  sent: z.number().int(),
  replies: z.number().int(),
  interviews: z.number().int(),
};

export const planReviewSchema = z.object({
  planned: z.number().int(),
  done: z.number().int(),
  moved: z.number().int(),
  dropped: z.number().int(),
  open: z.number().int(),
  minutesPlanned: z.number().int(),
  minutesDone: z.number().int(),
  channels: z.array(
    z.object({
      channel: z.enum(STEP_CHANNELS),
      planned: z.number().int(),
      done: z.number().int(),
      minutesPlanned: z.number().int(),
      minutesDone: z.number().int(),
      ...channelResults,
    }),
  ),
  message: z.string(),
});
export type PlanReviewView = z.infer<typeof planReviewSchema>;

/** `GET /api/v1/week`: the week's steps, day by day, and how the plan is going. */
export const weekPlanSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  steps: z.array(weekStepSchema),
  review: planReviewSchema,
});
export type WeekPlanView = z.infer<typeof weekPlanSchema>;

export const stepDraftListSchema = z.object({ weekStart: z.string(), items: z.array(stepDraftSchema) });
export type StepDraftList = z.infer<typeof stepDraftListSchema>;
