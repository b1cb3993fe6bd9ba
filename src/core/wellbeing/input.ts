import { z } from 'zod';
import { isoDate } from '../applications/input.ts';
import { GOAL_KINDS } from './goals.ts';

/** Input schemas for goals, wins, planned breaks and the journal; shared by every edge. */
export const WELLBEING_LIMITS = {
  text: 500,
  label: 60,
  unit: 30,
  routine: 2_000,
  journal: 10_000,
  tag: 50,
  tags: 20,
} as const;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const DEFAULT_GOAL_UNITS = {
  applications: 'applications',
  networking_conversations: 'conversations',
  learning_hours: 'hours',
  custom: 'times',
} as const;

const goalFields = {
  kind: z.enum(GOAL_KINDS),
  target: z.number().positive('must be more than 0').max(1_000, 'must be at most 1000'),
  unit: text(WELLBEING_LIMITS.unit).min(1, 'required').optional(),
  label: optionalText(WELLBEING_LIMITS.label),
};

export const goalInputSchema = z
  .object(goalFields)
  .strict()
  .refine((g) => g.kind !== 'custom' || (g.label ?? '') !== '', {
    message: 'a custom goal needs a label, e.g. "mock interviews"',
    path: ['label'],
  });
export type GoalInput = z.infer<typeof goalInputSchema>;

export const goalUpdateSchema = z
  .object({ target: goalFields.target, unit: goalFields.unit, label: goalFields.label })
  .partial()
  .strict();
export type GoalUpdate = z.infer<typeof goalUpdateSchema>;

/** Progress on a custom goal ("1 mock interview today"). */
export const goalProgressInputSchema = z
  .object({ amount: z.number().positive('must be more than 0').max(1_000), on: isoDate.optional() })
  .strict();
export type GoalProgressInput = z.infer<typeof goalProgressInputSchema>;

export const winInputSchema = z
  .object({
    text: text(WELLBEING_LIMITS.text).min(1, 'required'),
    on: isoDate.optional(),
    applicationId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict();
export type WinInput = z.infer<typeof winInputSchema>;

export const breakInputSchema = z
  .object({ startsOn: isoDate, endsOn: isoDate, note: optionalText(WELLBEING_LIMITS.text) })
  .strict()
  .refine((b) => b.endsOn >= b.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });
export type BreakInput = z.infer<typeof breakInputSchema>;

export const routineInputSchema = z.object({ routine: text(WELLBEING_LIMITS.routine) }).strict();
export type RoutineInput = z.infer<typeof routineInputSchema>;

export const journalInputSchema = z
  .object({
    mood: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
    text: text(WELLBEING_LIMITS.journal).default(''),
    tags: z.array(text(WELLBEING_LIMITS.tag).min(1, 'required')).max(WELLBEING_LIMITS.tags).default([]),
    on: isoDate.optional(),
    rejectionId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict();
export type JournalInput = z.infer<typeof journalInputSchema>;

/** `?from=&to=` for lists of dated things. */
export const rangeQuerySchema = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();
export type RangeQuery = z.infer<typeof rangeQuerySchema>;
