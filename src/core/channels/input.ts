import { z } from 'zod';
import { CHANNELS } from '../applications/application.ts';
import { isoDate } from '../applications/input.ts';
import { PLAN_CHANNELS } from './plan.ts';

/**
 * Input schemas for channels and time logs, shared by the HTTP API, the CLI and the web forms.
 * A time log may also be "learning": it counts toward learning goals, never toward a channel.
 */
export const LOG_CHANNELS = [...CHANNELS, 'learning'] as const;
export type LogChannel = (typeof LOG_CHANNELS)[number];

export const CHANNEL_LIMITS = { note: 500, maxMinutes: 24 * 60, maxHoursPerWeek: 100 } as const;

export const timeLogInputSchema = z
  .object({
    channel: z.enum(LOG_CHANNELS),
    minutes: z
      .number()
      .int('must be whole minutes')
      .min(1, 'must be at least 1 minute')
      .max(CHANNEL_LIMITS.maxMinutes, 'must be at most 1440 minutes (a day)'),
    loggedOn: isoDate.optional(),
    note: z
      .string()
      .trim()
      .max(CHANNEL_LIMITS.note, `must be at most ${CHANNEL_LIMITS.note} characters`)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
  })
  .strict();
export type TimeLogInput = z.infer<typeof timeLogInputSchema>;

const share = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 to 100')
  .max(100, 'must be 0 to 100');

export const channelPlanSchema = z
  .object(
    Object.fromEntries(PLAN_CHANNELS.map((c) => [c, share])) as Record<
      (typeof PLAN_CHANNELS)[number],
      typeof share
    >,
  )
  .strict()
  .superRefine((plan, ctx) => {
    const sum = PLAN_CHANNELS.reduce((s, c) => s + plan[c], 0);
    if (sum !== 100)
      ctx.addIssue({ code: 'custom', message: `the shares add up to ${sum}, they need to add up to 100` });
  });

/** PUT /channels/plan: the split, the weekly hours, or both. */
export const planInputSchema = z
  .object({
    plan: channelPlanSchema.optional(),
    hoursPerWeek: z
      .number()
      .min(0, 'must not be negative')
      .max(CHANNEL_LIMITS.maxHoursPerWeek, `must be at most ${CHANNEL_LIMITS.maxHoursPerWeek} hours`)
      .optional(),
  })
  .strict()
  .refine((v) => v.plan !== undefined || v.hoursPerWeek !== undefined, {
    message: 'give plan, hoursPerWeek or both',
  });
export type PlanInput = z.infer<typeof planInputSchema>;

/** `?week=YYYY-MM-DD`: any day of the week meant (the week starts on Monday). */
export const weekQuerySchema = z.object({ week: isoDate.optional() }).strict();
export type WeekQuery = z.infer<typeof weekQuerySchema>;
