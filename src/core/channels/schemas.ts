import { z } from 'zod';
import { wilsonRateSchema } from '../insights/wilson-schema.ts';
import { LOG_CHANNELS } from './input.ts';
import { PLAN_CHANNELS } from './plan.ts';

/** Wire shapes of the weekly time plan, time logs, plan against actual and the suggested split. */

const planChannel = z.enum(PLAN_CHANNELS);

/** Whole-number percentages per plan channel, summing to 100. */
export const channelPlanViewSchema = z.object(
  Object.fromEntries(PLAN_CHANNELS.map((c) => [c, z.number()])) as Record<
    (typeof PLAN_CHANNELS)[number],
    z.ZodNumber
  >,
);

export const planVsActualRowSchema = z.object({
  channel: planChannel,
  plannedHours: z.number(),
  actualHours: z.number(),
  /** actual − planned, in hours (negative: less time than planned). */
  differenceHours: z.number(),
});

export const channelYieldSchema = z.object({
  channel: planChannel,
  applications: z.number().int(),
  responses: wilsonRateSchema,
  interviews: wilsonRateSchema,
  hours: z.number(),
  /** Interviews per logged hour; null when no time was logged. */
  interviewsPerHour: z.number().nullable(),
});
export type ChannelYieldView = z.infer<typeof channelYieldSchema>;

export const planMoveSchema = z.object({
  from: planChannel,
  to: planChannel,
  points: z.number(),
  why: z.string(),
});

export const reallocationSchema = z.object({
  plan: channelPlanViewSchema,
  moves: z.array(planMoveSchema),
  method: z.string(),
  posteriors: z.array(
    z.object({
      channel: planChannel,
      alpha: z.number(),
      beta: z.number(),
      mean: z.number(),
      probabilityBest: z.number(),
    }),
  ),
});

export const channelSettingsSchema = z.object({
  plan: channelPlanViewSchema,
  hoursPerWeek: z.number(),
  isDefaultPlan: z.boolean(),
});
export type ChannelSettingsView = z.infer<typeof channelSettingsSchema>;

export const channelsViewSchema = channelSettingsSchema.extend({
  weekStart: z.string(),
  weekEnd: z.string(),
  planVsActual: z.object({
    rows: z.array(planVsActualRowSchema),
    otherHours: z.number(),
    learningHours: z.number(),
    totalActualHours: z.number(),
  }),
  yields: z.array(channelYieldSchema),
  suggestion: reallocationSchema,
});
export type ChannelsViewWire = z.infer<typeof channelsViewSchema>;

export const timeLogSchema = z.object({
  id: z.string(),
  channel: z.enum(LOG_CHANNELS),
  minutes: z.number().int(),
  loggedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TimeLogView = z.infer<typeof timeLogSchema>;

export const timeLogWeekSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  items: z.array(timeLogSchema),
});
export type TimeLogWeek = z.infer<typeof timeLogWeekSchema>;
