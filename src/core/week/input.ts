import { z } from 'zod';
import { isoDate } from '../applications/input.ts';
import { STEP_CHANNELS } from './steps.ts';

/** Input schemas for the weekly plan's steps; shared by the HTTP API, the CLI and the web form. */
export const WEEK_LIMITS = { where: 80, what: 200, maxMinutes: 600 } as const;

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, e.g. 09:00')
  .nullable()
  .optional();

export const stepInputSchema = z
  .object({
    day: isoDate,
    time,
    where: z
      .string()
      .trim()
      .min(1, 'required')
      .max(WEEK_LIMITS.where, `must be at most ${WEEK_LIMITS.where} characters`),
    what: z
      .string()
      .trim()
      .min(1, 'required')
      .max(WEEK_LIMITS.what, `must be at most ${WEEK_LIMITS.what} characters`),
    minutes: z
      .number()
      .int('must be whole minutes')
      .min(5, 'must be at least 5 minutes')
      .max(WEEK_LIMITS.maxMinutes, `must be at most ${WEEK_LIMITS.maxMinutes} minutes`),
    channel: z.enum(STEP_CHANNELS),
  })
  .strict();
export type StepInput = z.infer<typeof stepInputSchema>;
export type StepBody = z.input<typeof stepInputSchema>;

/** Moving a step to another day (and time): the move is remembered, kindly. */
export const stepMoveSchema = z.object({ day: isoDate, time }).strict();
export type StepMove = z.infer<typeof stepMoveSchema>;
