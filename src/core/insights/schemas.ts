import { z } from 'zod';
import { OUTCOMES } from '../applications/application.ts';
import {
  channelPlanViewSchema,
  channelYieldSchema,
  planMoveSchema,
  planVsActualRowSchema,
  reallocationSchema,
} from '../channels/schemas.ts';
import { referralYieldSchema, responseTimesSchema } from '../referrals/schemas.ts';
import { planReviewSchema } from '../week/schemas.ts';
import { goalProgressSchema, loadSignalSchema } from '../wellbeing/schemas.ts';
import { WIN_KINDS } from '../wellbeing/wins.ts';
import { FUNNEL_STAGES } from './funnel.ts';
import { wilsonRateSchema } from './wilson-schema.ts';

/** Wire shapes of the insights page and the weekly review. */

const funnelStage = z.enum(FUNNEL_STAGES);
const byStage = z.object(
  Object.fromEntries(FUNNEL_STAGES.map((s) => [s, z.number().int()])) as Record<
    (typeof FUNNEL_STAGES)[number],
    z.ZodNumber
  >,
);

export const findingSchema = z.object({
  /** Stable id, so a weekly review can tell which findings are new. */
  id: z.string(),
  text: z.string(),
  weight: z.number(),
  evidence: z.record(z.string(), z.union([z.number(), z.string(), z.null(), z.array(z.string()).readonly()])),
});

const periodRates = z.object({
  applications: z.number().int(),
  responseRate: wilsonRateSchema,
  interviewRate: wilsonRateSchema,
});

export const insightsSchema = z.object({
  funnel: z.array(
    z.object({
      stage: funnelStage,
      reached: z.number().int(),
      conversionFromPrevious: wilsonRateSchema.nullable(),
      rejectedHere: z.number().int(),
    }),
  ),
  /** Closed applications by how they closed and how far they had got. */
  closedBy: z.object(
    Object.fromEntries(OUTCOMES.map((o) => [o, byStage])) as Record<
      (typeof OUTCOMES)[number],
      typeof byStage
    >,
  ),
  medianDaysBetweenStages: z.array(
    z.object({ from: funnelStage, to: funnelStage, medianDays: z.number().nullable(), n: z.number().int() }),
  ),
  timeToFirstResponse: z.object({ medianDays: z.number().nullable(), n: z.number().int() }),
  ghostingRate: wilsonRateSchema,
  channels: z.object({
    yields: z.array(channelYieldSchema),
    suggestion: reallocationSchema,
    thisWeek: z
      .object({
        weekStart: z.string(),
        rows: z.array(planVsActualRowSchema),
        otherHours: z.number(),
        totalActualHours: z.number(),
      })
      .nullable(),
  }),
  findings: z.array(findingSchema),
  comparison: z.object({
    windowDays: z.number().int(),
    since: z.string(),
    recent: periodRates,
    before: periodRates,
  }),
  /** How long employers took to answer this user, by channel and tagged size or industry; the notice rule. */
  responseTimes: responseTimesSchema,
  /** Yield by channel with referral on its own line, and what referral asks returned. */
  referrals: referralYieldSchema,
});
export type Insights = z.infer<typeof insightsSchema>;

export const weeklyReviewSchema = z.object({
  weekStart: z.string(),
  goals: z.array(goalProgressSchema).readonly(),
  outcomes: z.object({
    applicationsSent: z.number().int(),
    replies: z.number().int(),
    interviews: z.number().int(),
    rejections: z.number().int(),
    offers: z.number().int(),
  }),
  wins: z
    .array(
      z.object({
        on: z.string(),
        kind: z.enum(WIN_KINDS),
        text: z.string(),
        applicationId: z.string().optional(),
      }),
    )
    .readonly(),
  insights: z.object({
    added: z.array(findingSchema).readonly(),
    removed: z.array(findingSchema).readonly(),
  }),
  nextWeek: z
    .object({
      plan: channelPlanViewSchema,
      hoursPerWeek: z.number(),
      moves: z.array(planMoveSchema).readonly().optional(),
    })
    .nullable(),
  load: loadSignalSchema.optional(),
  /** The week's if-then steps against what was done and what came back. */
  plan: planReviewSchema.optional(),
  /** The same review as printable Markdown. */
  markdown: z.string(),
});
export type WeeklyReview = z.infer<typeof weeklyReviewSchema>;
